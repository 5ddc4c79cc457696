import { formatInstant } from '@shared/dates'
import { terbilangRupiah } from '@shared/terbilang'
import { money } from './format'
import {
  type Pdf,
  type PdfSetup,
  companyLines,
  createPdf,
  drawPair,
  drawRule,
  ensureSpace,
  INK,
  mm,
  renderPdf,
  textHeight,
  useStyle,
} from './pdf-kit'
import type { ReceiptDocument, ReceiptPaper } from './types'

/** Type sizes and margins per paper: thermal printers fit about 32 (58mm) or 48 (80mm) columns. */
interface Paper {
  width: number
  margin: number
  size: number
  big: number
}

const PAPERS: Record<ReceiptPaper, Paper> = {
  '58mm': { width: mm(58), margin: mm(3), size: 7, big: 12 },
  '80mm': { width: mm(80), margin: mm(3), size: 8, big: 14 },
  a4: { width: 595.28, margin: 40, size: 10, big: 20 },
}
const A4_HEIGHT = 841.89

/**
 * The kuitansi. On a thermal roll the page is exactly as long as the content: pdfkit fixes the
 * page size when the page is created, so the receipt is first laid out on a very tall scratch
 * page to learn its height, then drawn for real. On A4 it fills the top half, to be cut off.
 */
export function renderReceiptPdf(doc: ReceiptDocument, paper: ReceiptPaper): Promise<Buffer> {
  const p = PAPERS[paper]
  const base = { margin: p.margin, title: `Kuitansi ${doc.number}`, createdAt: doc.receivedAt }
  if (paper === 'a4') {
    return renderPdf({ ...base, size: 'A4' }, (pdf) => drawA4(pdf, doc, p))
  }
  const scratch = createPdf({ ...base, size: [p.width, 14_400] })
  const height = Math.ceil(drawReceipt(scratch, doc, p) + p.margin)
  return renderPdf({ ...base, size: [p.width, height] } satisfies PdfSetup, (pdf) => {
    drawReceipt(pdf, doc, p)
  })
}

/** A bordered half page with a dashed line to cut along, unless the content needs more. */
function drawA4(pdf: Pdf, doc: ReceiptDocument, p: Paper): void {
  const inner = p.width - 2 * p.margin
  pdf.y = p.margin + 12
  const bottom = Math.max(drawReceipt(pdf, doc, p, 12), A4_HEIGHT / 2 - p.margin / 2)
  pdf
    .save()
    .lineWidth(1)
    .strokeColor(INK)
    .rect(p.margin, p.margin, inner, bottom - p.margin)
  pdf.stroke().restore()
  if (bottom < A4_HEIGHT / 2) {
    pdf.save().dash(4, { space: 4 }).strokeColor('#999999')
    pdf
      .moveTo(0, A4_HEIGHT / 2)
      .lineTo(p.width, A4_HEIGHT / 2)
      .stroke()
    pdf.restore()
  }
}

/** Draws the receipt from the current y (inset `pad` from the margins); returns the y under it. */
function drawReceipt(pdf: Pdf, doc: ReceiptDocument, p: Paper, pad = 0): number {
  const x = p.margin + pad
  const width = p.width - 2 * x
  const line = (text: string, align: 'left' | 'center', size = p.size, bold = false) => {
    ensureSpace(pdf, textHeight(pdf, text, width, { size, bold }))
    useStyle(pdf, { size, bold }).text(text, x, pdf.y, { width, align })
  }
  const center = (text: string, size = p.size, bold = false) => line(text, 'center', size, bold)
  const pair = (label: string, value: string, bold = false) => {
    const labelWidth = width * 0.42
    drawPair(pdf, label, value, {
      x,
      labelWidth,
      valueWidth: width - labelWidth,
      size: p.size,
      bold,
      valueAlign: 'right',
    })
  }
  const rule = () => {
    pdf.y += p.size * 0.5
    drawRule(pdf, x, width, INK)
    pdf.y += p.size * 0.5
  }

  if (pdf.y < p.margin) pdf.y = p.margin
  center(doc.company.name, p.size + 2, true)
  for (const line of companyLines(doc.company)) center(line)
  rule()
  center('KUITANSI', p.size + 3, true)
  center(doc.number)
  if (doc.reversed) {
    pdf.y += p.size * 0.5
    center('BATAL', p.big, true)
    center(`Dibatalkan ${formatInstant(doc.reversed.at, doc.timeZone)}`)
    center(`Alasan: ${doc.reversed.reason}`)
  }
  rule()
  pair('Tanggal', formatInstant(doc.receivedAt, doc.timeZone))
  pair('Pelanggan', doc.customer.code)
  center(doc.customer.name, p.size, true)
  rule()
  center('Jumlah diterima')
  center(money(doc.amount), p.big, true)
  center(`Terbilang: ${terbilangRupiah(doc.amount)}`)
  pdf.y += p.size * 0.5
  pair('Metode', doc.methodLabel)
  if (doc.reference) pair('Referensi', doc.reference)
  if (doc.allocations.length > 0) {
    rule()
    line('Untuk pembayaran', 'left', p.size, true)
    // Invoice numbers are too long to share a 58mm line with an amount.
    for (const a of doc.allocations) {
      line(a.invoiceNumber, 'left')
      pair(a.periodLabel ?? '', money(a.amount))
    }
  }
  if (doc.toCredit > 0) pair('Kredit', money(doc.toCredit))
  rule()
  pair('Sisa tagihan', money(doc.balanceAfter), true)
  rule()
  center(`Kasir: ${doc.cashier}`)
  return pdf.y
}
