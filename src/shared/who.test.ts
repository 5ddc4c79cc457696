import { describe, expect, it } from 'vitest'
import { AUDIT_ENTITY_TYPES } from './audit-actions'
import { translator } from './messages/translate'
import { entityTypesEn, entityTypesId, whoMessagesEn, whoMessagesId } from './messages/who'
import { agentText, importText, placeText, reasonText, recordText, whoText } from './who'

const t = translator({
  who: whoMessagesId,
  entityTypes: entityTypesId,
  roles: { technician: 'Teknisi' },
  auditActions: { services: { create: 'Layanan ditambahkan' } },
})
const en = translator({ who: whoMessagesEn, entityTypes: entityTypesEn })

describe('who did it, in words a person reads', () => {
  it('the command line is "Baris perintah", with the computer user when it is known', () => {
    expect(whoText(t, 'cli:unknown')).toBe('Baris perintah')
    expect(whoText(t, 'cli:owner')).toBe('Baris perintah (owner)')
    expect(whoText(en, 'cli:owner')).toBe('Command line (owner)')
  })

  it('the schedule, a payment gateway and nobody have names too', () => {
    expect(whoText(t, 'system:jadwal')).toBe('Jadwal otomatis')
    expect(whoText(t, 'gateway:tripay')).toBe('Gateway pembayaran Tripay')
    expect(whoText(t, null)).toBe('Sistem')
  })

  it('a person is their full name when it is known, else their user name', () => {
    expect(whoText(t, 'kasir1', 'Siti Aminah')).toBe('Siti Aminah')
    expect(whoText(t, 'kasir1', null)).toBe('kasir1')
  })

  it('where from: the CLI and the schedule in words, a LAN address as it is', () => {
    expect(placeText(t, 'cli')).toBe('Baris perintah')
    expect(placeText(t, 'scheduler')).toBe('Jadwal otomatis')
    expect(placeText(t, '192.168.1.20')).toBe('192.168.1.20')
    expect(agentText(t, 'loket-cli')).toBe('Baris perintah')
    expect(agentText(t, 'Mozilla/5.0')).toBe('Mozilla/5.0')
  })
})

describe('what it was about, in words a person reads', () => {
  it('billing_run #2 is "Penagihan Desember 2026"', () => {
    const ref = {
      entityType: 'billing_run',
      entityId: '2',
      after: { period: '2026-12', invoices: 1775 },
    }
    expect(recordText(t, ref)).toBe('Penagihan Desember 2026')
    expect(recordText(en, ref, 'en-GB')).toBe('Billing December 2026')
  })

  it('import #demo-data:1:2000 is "Impor data contoh"; a real file keeps its name', () => {
    const demo = { entityType: 'import', entityId: 'demo-data:1:2000', after: {} }
    expect(recordText(t, demo)).toBe('Impor data contoh')
    expect(importText(t, 'pelanggan.xlsx')).toBe('Impor berkas pelanggan.xlsx')
  })

  it('a record is named by its number, code or name, else by its type and id', () => {
    expect(
      recordText(t, { entityType: 'payment', entityId: '1', after: { number: 'KW/2026/000001' } }),
    ).toBe('Pembayaran KW/2026/000001')
    expect(
      recordText(t, { entityType: 'product', entityId: '10', after: { name: 'Rumah 10' } }),
    ).toBe('Paket Rumah 10')
    expect(recordText(t, { entityType: 'role', entityId: 'technician' })).toBe('Peran Teknisi')
    expect(recordText(t, { entityType: 'router', entityId: '3' })).toBe('Router #3')
    expect(recordText(t, { entityType: null, entityId: null })).toBeNull()
  })

  it('every kind of record has an Indonesian and an English name', () => {
    for (const type of AUDIT_ENTITY_TYPES) {
      expect(entityTypesId[type], type).toBeTruthy()
      expect(entityTypesEn[type], type).toBeTruthy()
    }
  })

  it('a router job made by an action or an import says so in words', () => {
    expect(reasonText(t, 'services.create')).toBe('Layanan ditambahkan')
    expect(reasonText(t, 'import')).toBe('Impor data')
    expect(reasonText(t, 'Isolir dari CLI')).toBe('Isolir dari CLI')
    expect(reasonText(t, null)).toBeNull()
  })
})
