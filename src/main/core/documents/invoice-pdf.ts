import { formatContact } from '@shared/phone'
import { money, periodRange, printDate } from './format'
import {
  type Pdf,
  type PdfSetup,
  BOLD,
  contentWidth,
  drawCompanyHeader,
  drawPair,
  ensureSpace,
  INK,
  MUTED,
  numberPages,
  renderPdf,
  useStyle,
} from './pdf-kit'
import { PdfTable } from './pdf-table'
import type { InvoiceDocument, InvoiceDocumentStatus } from './types'

const MARGIN = 40
const SIZE = 9

const STATUS_LABEL: Record<InvoiceDocumentStatus, string> = {
  draft: 'Draft',
  belum_bayar: 'Belum dibayar',
  sebagian: 'Dibayar sebagian',
  lunas: 'Lunas',
  void: 'Batal',
}

/** Statuses printed as a large stamp, so a paid or cancelled invoice is not paid again. */
const STAMP: Partial<Record<InvoiceDocumentStatus, { text: string; color: string }>> = {
  lunas: { text: 'LUNAS', color: '#1b7f3b' },
  void: { text: 'BATAL', color: '#c0392b' },
}

/** The invoice (tagihan) on A4 portrait, over as many pages as its lines need. */
export function renderInvoicePdf(doc: InvoiceDocument): Promise<Buffer> {
  const number = doc.number ?? 'DRAFT'
  const setup: PdfSetup = {
    size: 'A4',
    margin: MARGIN,
    title: `Invoice ${number}`,
    createdAt: doc.issueDate,
  }
  return renderPdf(setup, (pdf) => {
    drawHeading(pdf, doc, number)
    drawParties(pdf, doc)
    drawLines(pdf, doc, number)
    drawSummary(pdf, doc)
    drawPayment(pdf, doc)
    numberPages(pdf)
  })
}

function drawHeading(pdf: Pdf, doc: InvoiceDocument, number: string): void {
  const width = contentWidth(pdf)
  const companyWidth = width * 0.58
  const bottom = drawCompanyHeader(pdf, doc.company, {
    x: MARGIN,
    y: MARGIN,
    width: companyWidth,
    nameSize: 14,
    size: 8.5,
  })
  const right = { x: MARGIN + companyWidth, width: width - companyWidth, align: 'right' } as const
  useStyle(pdf, { size: 16, bold: true }).text('INVOICE / TAGIHAN', right.x, MARGIN, right)
  useStyle(pdf, { size: 11, bold: true }).text(number, right.x, pdf.y + 2, right)
  const stamp = STAMP[doc.status]
  if (stamp) drawStamp(pdf, stamp.text, stamp.color, MARGIN + width - 150, pdf.y + 24)
  pdf.y = Math.max(bottom, pdf.y) + 20
}

/** A tilted, boxed word; drawn in the header so it never collides with the lines table. */
function drawStamp(pdf: Pdf, text: string, color: string, x: number, y: number): void {
  const size = 26
  pdf.save()
  pdf.rotate(-12, { origin: [x + 75, y + 20] })
  pdf
    .lineWidth(2)
    .strokeColor(color)
    .rect(x, y, 150, size + 14)
    .stroke()
  pdf.font(BOLD).fontSize(size).fillColor(color)
  pdf.text(text, x, y + 9, { width: 150, align: 'center', lineBreak: false })
  pdf.restore()
  pdf.fillColor(INK)
}

function drawParties(pdf: Pdf, doc: InvoiceDocument): void {
  const top = Math.max(pdf.y, MARGIN + 130) // below the stamp when there is one
  const half = contentWidth(pdf) / 2
  const c = doc.customer
  useStyle(pdf, { size: 8, color: MUTED }).text('Kepada', MARGIN, top, { width: half - 10 })
  useStyle(pdf, { size: SIZE, bold: true }).text(c.name, { width: half - 10 })
  useStyle(pdf, { size: SIZE })
  const details = [
    `ID pelanggan ${c.code}`,
    c.address,
    c.phone && `Telp. ${formatContact(c.phone)}`,
  ]
  if (c.npwp) details.push(`NPWP ${c.npwp}`)
  for (const line of details) if (line) pdf.text(line, { width: half - 10 })
  const customerBottom = pdf.y

  pdf.y = top
  const meta: [string, string][] = [
    ['Tanggal', printDate(doc.issueDate)],
    ['Jatuh tempo', printDate(doc.dueDate)],
  ]
  if (doc.periodLabel) meta.push(['Periode', doc.periodLabel])
  meta.push(['Status', STATUS_LABEL[doc.status]])
  const layout = { x: MARGIN + half + 10, labelWidth: 80, valueWidth: half - 90, size: SIZE }
  for (const [label, value] of meta) drawPair(pdf, label, value, { ...layout, valueAlign: 'right' })
  pdf.y = Math.max(customerBottom, pdf.y) + 16
}

function drawLines(pdf: Pdf, doc: InvoiceDocument, number: string): void {
  const table = new PdfTable(
    pdf,
    [
      { label: 'Keterangan', width: 3.2 },
      { label: 'SID', width: 1.3 },
      { label: 'Detail', width: 1.1 },
      { label: 'Periode', width: 1.9 },
      { label: 'Jumlah', width: 1.4, align: 'right' },
    ],
    {
      size: 8.5,
      // A loose page still says which invoice it belongs to.
      onNewPage: (p) => {
        useStyle(p, { size: 8, color: MUTED }).text(`Invoice ${number} (lanjutan)`, MARGIN, MARGIN)
        p.y += 6
      },
    },
  )
  table.header()
  const showSubtotals = doc.groups.length > 1
  for (const group of doc.groups) {
    table.span(group.title, { bold: true })
    for (const line of group.lines) {
      const period = periodRange(line.periodStart, line.periodEnd)
      table.row([line.description, line.sid ?? '', line.detail ?? '', period, money(line.amount)])
    }
    if (showSubtotals || group.lines.length > 1) {
      table.row([`Subtotal ${group.title}`, '', '', '', money(group.subtotal)], { bold: true })
    }
  }
}

function drawSummary(pdf: Pdf, doc: InvoiceDocument): void {
  const rows: [string, number, boolean][] = [['Subtotal', doc.subtotal, false]]
  for (const tax of doc.taxLines) rows.push([tax.label, tax.amount, false])
  if (doc.rounding !== 0) rows.push(['Pembulatan', doc.rounding, false])
  rows.push(['Total', doc.total, true], ['Dibayar', doc.paid, false])
  rows.push(['Sisa tagihan', doc.balance, true])
  pdf.y += 10
  ensureSpace(pdf, rows.length * 14) // the totals are read together: keep them on one page
  const valueWidth = 110
  const labelWidth = 150
  const x = MARGIN + contentWidth(pdf) - labelWidth - valueWidth
  for (const [label, amount, bold] of rows) {
    drawPair(pdf, label, money(amount), {
      x,
      labelWidth,
      valueWidth,
      size: bold ? 10 : SIZE,
      bold,
      valueAlign: 'right',
    })
    pdf.y += 2
  }
}

function drawPayment(pdf: Pdf, doc: InvoiceDocument): void {
  const width = contentWidth(pdf)
  const heading = (text: string) => {
    pdf.y += 14
    ensureSpace(pdf, 40)
    useStyle(pdf, { size: 10, bold: true }).text(text, MARGIN, pdf.y, { width })
    useStyle(pdf, { size: SIZE })
  }
  if (doc.paymentInstructions.length > 0) {
    heading('Cara pembayaran')
    pdf.text('Transfer ke salah satu rekening berikut:', { width })
    for (const account of doc.paymentInstructions) {
      ensureSpace(pdf, 14)
      const line = `${account.bank} ${account.accountNumber} a.n. ${account.accountName}`
      pdf.text(`• ${line}`, MARGIN, pdf.y, { width })
    }
  }
  if (doc.notes) {
    heading('Catatan')
    pdf.text(doc.notes, MARGIN, pdf.y, { width })
  }
}
