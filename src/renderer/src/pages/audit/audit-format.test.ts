import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { id } from '../../i18n/id'
import { fieldLabel, recordLabel, valueText, type AuditEntry } from './audit-format'

const i18n = i18next.createInstance()
void i18n.init({
  resources: { id: { translation: id } },
  lng: 'id',
  interpolation: { escapeValue: false },
  initAsync: false,
})
const t = i18n.t.bind(i18n)

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  id: 13,
  at: '2026-12-04T11:52:28.000Z',
  userId: null,
  username: 'cli:unknown',
  userName: null,
  action: 'billing.run',
  entityType: 'billing_run',
  entityId: '2',
  before: null,
  after: null,
  ip: 'cli',
  userAgent: 'loket-cli',
  ...over,
})

describe('an audit entry in words', () => {
  it('a billing run is "Penagihan Desember 2026", its figures grouped and in rupiah', () => {
    const run = entry({
      after: { period: '2026-12', as_of: '2026-12-04', invoices: 1775, total: 444_873_548 },
    })
    expect(recordLabel(t, run, 'id-ID')).toBe('Penagihan Desember 2026')
    expect(fieldLabel(t, 'as_of')).toBe('Per tanggal')
    expect(valueText(t, 'period', '2026-12')).toBe('Desember 2026')
    expect(valueText(t, 'as_of', '2026-12-04')).toBe('04/12/2026')
    expect(valueText(t, 'invoices', 1775)).toBe('1.775')
    expect(valueText(t, 'total', 444_873_548)).toBe('Rp\u00a0444.873.548')
  })

  it('the demo data import is "Impor data contoh", its counts labelled', () => {
    const imported = entry({
      action: 'customers.import',
      entityType: 'import',
      entityId: 'demo-data:1:2000',
      after: { file: 'demo-data:1:2000' },
    })
    expect(recordLabel(t, imported, 'id-ID')).toBe('Impor data contoh')
    expect(valueText(t, 'file', 'demo-data:1:2000')).toBe('Impor data contoh')
    expect(valueText(t, 'customers', { created: 2000, existing: 0 })).toBe(
      'baru: 2.000, sudah ada: 0',
    )
    expect(valueText(t, 'skipped', {})).toBe('—')
  })

  it('a field without a name of its own reads with spaces, not underscores', () => {
    expect(fieldLabel(t, 'some_new_field')).toBe('some new field')
  })
})
