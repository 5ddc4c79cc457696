import { money, printDate } from './format'
import {
  contentWidth,
  drawCompanyHeader,
  drawPair,
  drawRule,
  renderPdf,
  type PdfSetup,
  useStyle,
} from './pdf-kit'
import type { CreditNoteDocument } from './types'

const MARGIN = 40

/** The nota kredit: what was taken off which invoice, and why. One A4 page. */
export function renderCreditNotePdf(doc: CreditNoteDocument): Promise<Buffer> {
  const setup: PdfSetup = {
    size: 'A4',
    margin: MARGIN,
    title: `Nota kredit ${doc.number}`,
    createdAt: doc.issueDate,
  }
  return renderPdf(setup, (pdf) => {
    const width = contentWidth(pdf)
    const header = { x: MARGIN, y: MARGIN, width, nameSize: 14, size: 8.5 }
    pdf.y = drawCompanyHeader(pdf, doc.company, header) + 10
    drawRule(pdf, MARGIN, width)
    pdf.y += 14
    useStyle(pdf, { size: 16, bold: true }).text('NOTA KREDIT', MARGIN, pdf.y, { width })
    useStyle(pdf, { size: 11, bold: true }).text(doc.number, { width })
    pdf.y += 14

    const c = doc.customer
    const rows: [string, string][] = [
      ['Tanggal', printDate(doc.issueDate)],
      ['Atas invoice', doc.invoiceNumber],
      ['Pelanggan', `${c.code} — ${c.name}`],
      ['Alamat', c.address],
      ['Alasan', doc.reason],
    ]
    const layout = { x: MARGIN, labelWidth: 110, valueWidth: width - 110, size: 10 }
    for (const [label, value] of rows) {
      drawPair(pdf, label, value, layout)
      pdf.y += 4
    }
    pdf.y += 8
    drawPair(pdf, 'Jumlah kredit', money(doc.amount), { ...layout, size: 12, bold: true })
  })
}
