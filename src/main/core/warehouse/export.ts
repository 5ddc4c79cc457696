import { formatInstant } from '@shared/dates'
import type { StockCardInput } from '@shared/schemas'
import { companyHeader } from '../billing'
import type { Db } from '../db'
import { renderTablePdf, renderTableXlsx, type TableDocument } from '../documents'
import { stockCard } from './queries'

const KIND_WORDS: Record<string, string> = {
  in: 'Masuk',
  issue: 'Keluar ke teknisi',
  return: 'Retur',
  use: 'Dipakai',
  adjust: 'Koreksi',
}

const shortDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`

/** The stock card as Excel or PDF, with the company header, like the reports. */
export async function exportStockCard(
  db: Db,
  companyId: number,
  input: StockCardInput,
  format: 'xlsx' | 'pdf',
  o: { now: Date; timeZone: string },
): Promise<{ fileName: string; data: Buffer }> {
  const card = await stockCard(db, companyId, input, o.timeZone)
  const period =
    card.from || card.to
      ? `Periode ${card.from ? shortDate(card.from) : '…'} – ${card.to ? shortDate(card.to) : '…'}`
      : 'Semua periode'
  const doc: TableDocument = {
    company: await companyHeader(db, companyId),
    title: `Kartu stok ${card.item.name}`,
    subtitle: `${period} · satuan ${card.item.unit} · saldo awal ${card.opening}, saldo akhir ${card.closing}`,
    generatedAt: o.now.toISOString(),
    timeZone: o.timeZone,
    columns: [
      { key: 'at', label: 'Waktu', width: 1.3 },
      { key: 'warehouse', label: 'Gudang', width: 1.2 },
      { key: 'kind', label: 'Jenis', width: 1.2 },
      { key: 'qty', label: 'Jumlah', kind: 'number', width: 0.7 },
      { key: 'balance', label: 'Saldo', kind: 'number', width: 0.7 },
      { key: 'note', label: 'Keterangan', width: 2 },
      { key: 'user', label: 'Oleh', width: 0.9 },
    ],
    rows: card.lines.map((l) => ({
      at: formatInstant(l.at, o.timeZone),
      warehouse: l.holderName,
      kind: KIND_WORDS[l.kind] ?? l.kind,
      qty: l.qty,
      balance: l.balance,
      note: [
        l.note,
        l.customerName,
        l.requestId ? `permintaan #${l.requestId}` : null,
        l.serials.length ? `SN ${l.serials.join(', ')}` : null,
      ]
        .filter(Boolean)
        .join(' · '),
      user: l.username,
    })),
    totals: null,
    landscape: true,
  }
  const data = format === 'pdf' ? await renderTablePdf(doc) : await renderTableXlsx(doc)
  const slug = card.item.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return { fileName: `kartu-stok-${slug || card.item.id}.${format}`, data }
}
