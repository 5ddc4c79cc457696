import PDFDocument from 'pdfkit'
import { formatContact } from '@shared/phone'
import type { CompanyHeader } from './types'

/**
 * What the PDF renderers share: a document with fixed metadata, the stream collected into a
 * Buffer, page breaks, page numbers and the company header. Only the standard 14 fonts are used,
 * so no font file ships with the app and the text stays WinAnsi (pdf-text.ts reads it back).
 */

export type Pdf = PDFKit.PDFDocument
export type Align = 'left' | 'center' | 'right'

export const FONT = 'Helvetica'
export const BOLD = 'Helvetica-Bold'
export const INK = '#000000'
export const MUTED = '#555555'
export const RULE = '#bbbbbb'
export const SHADE = '#eeeeee'

/** Millimetres to PDF points (1 pt = 1/72 inch): thermal paper is sold by its width in mm. */
export function mm(value: number): number {
  return (value * 72) / 25.4
}

export interface PdfSetup {
  size: 'A4' | [number, number]
  layout?: 'portrait' | 'landscape'
  margin: number
  title: string
  /** A date or instant of the document itself (issue date, generated at). */
  createdAt: string
}

/**
 * pdfkit stamps the clock into /CreationDate and derives the file /ID from it; taking the date
 * from the document instead makes identical input give identical bytes, so a re-printed invoice
 * is the same file and tests can compare output.
 */
export function createPdf(setup: PdfSetup): Pdf {
  const created = new Date(setup.createdAt)
  return new PDFDocument({
    size: setup.size,
    layout: setup.layout ?? 'portrait',
    margin: setup.margin,
    bufferPages: true, // page numbers ("Halaman 1 dari N") are written once N is known
    compress: true,
    font: FONT,
    info: {
      Title: setup.title,
      Producer: 'Loket',
      Creator: 'Loket',
      CreationDate: Number.isNaN(created.getTime()) ? new Date(0) : created,
    },
  })
}

/** Creates the document, lets `draw` fill it and resolves with the finished file. */
export function renderPdf(setup: PdfSetup, draw: (pdf: Pdf) => void): Promise<Buffer> {
  const pdf = createPdf(setup)
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk))
    pdf.on('end', () => resolve(Buffer.concat(chunks)))
    pdf.on('error', reject)
    try {
      draw(pdf)
      pdf.end()
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)))
    }
  })
}

/** The width between the left and right margins of the current page. */
export function contentWidth(pdf: Pdf): number {
  const { width, margins } = pdf.page
  return width - margins.left - margins.right
}

/** Starts a new page when `height` does not fit above the bottom margin; true when it did. */
export function ensureSpace(pdf: Pdf, height: number): boolean {
  if (pdf.y + height <= pdf.page.maxY()) return false
  pdf.addPage()
  return true
}

export interface TextStyle {
  size: number
  bold?: boolean
  color?: string
}

export function useStyle(pdf: Pdf, style: TextStyle): Pdf {
  return pdf
    .font(style.bold ? BOLD : FONT)
    .fontSize(style.size)
    .fillColor(style.color ?? INK)
}

/** Height of `text` wrapped to `width` in `style`, at least one line (an empty cell has a height). */
export function textHeight(pdf: Pdf, text: string, width: number, style: TextStyle): number {
  useStyle(pdf, style)
  return Math.max(pdf.currentLineHeight(true), pdf.heightOfString(text || ' ', { width }))
}

/** Writes "Halaman i dari N" at the foot of every page; call once all pages are drawn. */
export function numberPages(pdf: Pdf, size = 7.5): void {
  const range = pdf.bufferedPageRange()
  for (let i = 0; i < range.count; i++) {
    pdf.switchToPage(range.start + i)
    const { margins, height } = pdf.page
    const bottom = margins.bottom
    // Text below the bottom margin would make pdfkit start yet another page.
    margins.bottom = 0
    useStyle(pdf, { size, color: MUTED }).text(
      `Halaman ${i + 1} dari ${range.count}`,
      margins.left,
      height - bottom / 2 - size / 2,
      { width: contentWidth(pdf), align: 'right', lineBreak: false },
    )
    margins.bottom = bottom
  }
}

/** Address, phone · email and NPWP, leaving out what the company has not filled in. */
export function companyLines(company: CompanyHeader): string[] {
  const contact = [company.phone && `Telp. ${formatContact(company.phone)}`, company.email].filter(
    Boolean,
  )
  return [company.address, contact.join(' · '), company.npwp ? `NPWP ${company.npwp}` : ''].filter(
    (line) => line.trim() !== '',
  )
}

export interface HeaderLayout {
  x: number
  y: number
  width: number
  nameSize: number
  size: number
  align?: Align
}

/** The company's name in bold with its details below; returns the y under the block. */
export function drawCompanyHeader(pdf: Pdf, company: CompanyHeader, at: HeaderLayout): number {
  const options = { width: at.width, align: at.align ?? 'left' }
  useStyle(pdf, { size: at.nameSize, bold: true }).text(company.name, at.x, at.y, options)
  useStyle(pdf, { size: at.size, color: MUTED })
  for (const line of companyLines(company)) pdf.text(line, at.x, pdf.y, options)
  pdf.fillColor(INK)
  return pdf.y
}

/** A horizontal line across `width` at the current y. */
export function drawRule(pdf: Pdf, x: number, width: number, color = RULE): void {
  pdf
    .save()
    .moveTo(x, pdf.y)
    .lineTo(x + width, pdf.y)
    .lineWidth(0.5)
    .strokeColor(color)
    .stroke()
  pdf.restore()
}

export interface PairLayout {
  x: number
  labelWidth: number
  valueWidth: number
  size: number
  valueAlign?: Align
  bold?: boolean
}

/** "Label   value" on one row (either side wraps); returns the y under the row. */
export function drawPair(pdf: Pdf, label: string, value: string, at: PairLayout): number {
  const style = { size: at.size, bold: at.bold ?? false }
  const height = Math.max(
    textHeight(pdf, label, at.labelWidth, style),
    textHeight(pdf, value, at.valueWidth, style),
  )
  ensureSpace(pdf, height)
  const y = pdf.y
  useStyle(pdf, { ...style, color: at.bold ? INK : MUTED }).text(label, at.x, y, {
    width: at.labelWidth,
  })
  useStyle(pdf, style).text(value, at.x + at.labelWidth, y, {
    width: at.valueWidth,
    align: at.valueAlign ?? 'left',
  })
  pdf.y = y + height
  return pdf.y
}
