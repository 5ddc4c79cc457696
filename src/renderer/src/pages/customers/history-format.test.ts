import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { id } from '../../i18n/id'
import { historyText } from './history-format'
import type { HistoryEntry } from './types'

const i18n = i18next.createInstance()
void i18n.init({
  resources: { id: { translation: id } },
  lng: 'id',
  interpolation: { escapeValue: false },
  initAsync: false,
})
const t = i18n.t.bind(i18n)

const base: HistoryEntry = {
  at: '2026-11-22T03:15:00.000Z',
  kind: 'status',
  sid: 'SID-000001',
  from: null,
  to: null,
  effectiveDate: '2026-11-22',
  pending: false,
  reason: null,
  username: 'owner',
}
const line = (entry: Partial<HistoryEntry>) =>
  historyText(t, { ...base, ...entry }, 'Asia/Jakarta', 'id-ID')

describe('customer history in words', () => {
  it('tells a status change with its reason, who and when', () => {
    expect(line({ from: 'aktif', to: 'isolir', reason: 'tunggakan' })).toBe(
      'Status: aktif → isolir (tunggakan) — owner, 22/11/2026',
    )
  })

  it('tells a package change with the date it applies, marking a scheduled one', () => {
    expect(line({ kind: 'package', from: 'Rumah 10 Mbps', to: 'Rumah 20 Mbps' })).toBe(
      'Paket: Rumah 10 Mbps → Rumah 20 Mbps berlaku 22/11/2026 — owner',
    )
    expect(
      line({ kind: 'package', from: 'B', to: 'A', effectiveDate: '2026-12-01', pending: true }),
    ).toBe('Paket: B → A berlaku 01/12/2026 (terjadwal) — owner')
  })

  it('lists the changed fields of the customer record the local way', () => {
    const entry = {
      kind: 'customers.update',
      from: JSON.stringify({ phone: '6281234567890', category: 'rumah' }),
      to: JSON.stringify({ phone: '6281398765432', category: 'bisnis' }),
    }
    expect(line(entry)).toBe(
      'Data pelanggan diubah: telepon 0812-3456-7890 → 0813-9876-5432; kategori Rumah → Bisnis — owner, 22/11/2026',
    )
  })

  it('dates a record change by the company clock, not UTC', () => {
    // 18:30 UTC on the 21st is already the 22nd in Jakarta.
    expect(line({ kind: 'customers.create', at: '2026-11-21T18:30:00.000Z' })).toBe(
      'Pelanggan didaftarkan — owner, 22/11/2026',
    )
  })

  it('names a new service and its first status', () => {
    expect(line({ kind: 'created', to: 'in_progress', username: null })).toBe(
      'Layanan SID-000001 dibuat dengan status dalam proses — Sistem, 22/11/2026',
    )
  })
})
