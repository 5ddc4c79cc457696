import { formatInstant } from '@shared/dates'
import { formatCell, isNumericColumn } from './format'
import { type PdfSetup, contentWidth, MUTED, numberPages, renderPdf, useStyle } from './pdf-kit'
import { PdfTable } from './pdf-table'
import type { TableDocument } from './types'

const MARGIN = 32

/** A report table on A4 (landscape for wide ones), the header row repeated on every page. */
export function renderTablePdf(doc: TableDocument): Promise<Buffer> {
  const setup: PdfSetup = {
    size: 'A4',
    layout: doc.landscape ? 'landscape' : 'portrait',
    margin: MARGIN,
    title: doc.title,
    createdAt: doc.generatedAt,
  }
  return renderPdf(setup, (pdf) => {
    const width = contentWidth(pdf)
    useStyle(pdf, { size: 9, bold: true, color: MUTED }).text(doc.company.name, MARGIN, MARGIN, {
      width,
    })
    useStyle(pdf, { size: 14, bold: true }).text(doc.title, { width })
    if (doc.subtitle) useStyle(pdf, { size: 10 }).text(doc.subtitle, { width })
    const generated = `Dibuat ${formatInstant(doc.generatedAt, doc.timeZone)}`
    useStyle(pdf, { size: 8, color: MUTED }).text(generated, { width })
    pdf.y += 8

    const columns = doc.columns.map((c) => ({
      label: c.label,
      width: c.width ?? 1,
      align: isNumericColumn(c.kind) ? ('right' as const) : ('left' as const),
    }))
    const table = new PdfTable(pdf, columns, { size: 8 })
    const cells = (row: TableDocument['rows'][number]) =>
      doc.columns.map((c) => formatCell(row[c.key], c.kind))
    table.header()
    for (const row of doc.rows) table.row(cells(row))
    if (doc.totals) table.row(cells(doc.totals), { bold: true, shade: true })
    numberPages(pdf)
  })
}
