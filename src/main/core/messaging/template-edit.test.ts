import { describe, expect, it } from 'vitest'
import { AppError } from '@shared/errors'
import { TEMPLATE_KEYS } from '@shared/messaging'
import { billingFixture } from '../billing/testing'
import { createCustomer } from '../customers'
import { customerInput } from '../customers/testing'
import { DEFAULT_TEMPLATES, loadTemplate } from './templates'
import {
  listTemplates,
  previewCustomer,
  renderPreview,
  resetTemplate,
  saveTemplate,
} from './template-edit'

const auditOf = (f: { db: import('../db').Db }, action: string) =>
  f.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute()

describe('template editing', () => {
  it('lists the ten templates in Loket’s wording until the company edits one', async () => {
    const f = await billingFixture()
    const list = await listTemplates(f.db, f.companyId)
    expect(list.map((t) => t.key)).toEqual([...TEMPLATE_KEYS])
    expect(list.every((t) => !t.edited && t.body === t.defaultBody)).toBe(true)
  })

  it('refuses a text with a variable no message fills in, and stores nothing', async () => {
    const f = await billingFixture()
    const attempt = saveTemplate(f.deps, f.actor, {
      key: 'reminder',
      subject: 'Tagihan {perusahaan}',
      body: 'Halo {nama_lengkap}, total {jumlah} sebelum {tangal}.',
    })
    await expect(attempt).rejects.toBeInstanceOf(AppError)
    await expect(attempt).rejects.toMatchObject({
      code: 'TEMPLATE_UNKNOWN_VARIABLE',
      details: { names: '{nama_lengkap}, {tangal}' },
    })
    expect((await loadTemplate(f.db, f.companyId, 'reminder')).edited).toBe(false)
    expect(await auditOf(f, 'templates.update')).toHaveLength(0)
  })

  it('a saved edit is what the reminders use, with who changed it; reset brings the default back', async () => {
    const f = await billingFixture()
    const body = 'Yth. {nama} ({kode}), mohon lunasi {jumlah} sebelum {jatuh_tempo}. {link_bayar}'
    const saved = await saveTemplate(f.deps, f.actor, {
      key: 'reminder',
      subject: 'Pengingat {perusahaan}',
      body,
    })
    expect(saved).toMatchObject({ edited: true, body, updatedBy: 'owner' })
    expect(await loadTemplate(f.db, f.companyId, 'reminder')).toMatchObject({ body, edited: true })
    const [entry] = await auditOf(f, 'templates.update')
    expect(JSON.parse(entry!.before_json!)).toMatchObject({
      body: DEFAULT_TEMPLATES.reminder.body,
      edited: false,
    })

    expect(await resetTemplate(f.deps, f.actor, 'reminder')).toEqual({ reset: true })
    expect(await loadTemplate(f.db, f.companyId, 'reminder')).toMatchObject({
      ...DEFAULT_TEMPLATES.reminder,
      edited: false,
    })
    expect(await auditOf(f, 'templates.reset')).toHaveLength(1)
    // Resetting a template that is already Loket's is no change and no audit entry.
    expect(await resetTemplate(f.deps, f.actor, 'reminder')).toEqual({ reset: false })
    expect(await auditOf(f, 'templates.reset')).toHaveLength(1)
  })
})

describe('preview', () => {
  it('uses an active customer who owes money, else any customer, else nobody', async () => {
    const f = await billingFixture('2026-01-02T03:00:00Z')
    expect(await previewCustomer(f.db, f.companyId)).toBeNull()
    // Registered first (lowest id) but without a service: no invoice, not "aktif".
    const waiting = await createCustomer(f.deps, f.actor, customerInput(f.cbg.id, 'Dewi'))
    expect(await previewCustomer(f.db, f.companyId)).toMatchObject({ id: waiting.id })
    // Active, but connected after January: the January run does not bill him.
    const later = await f.customer('Agus', { activation: '2026-02-15' })
    expect(await previewCustomer(f.db, f.companyId)).toMatchObject({ id: later.customerId })
    const owing = await f.customer('Budi')
    await f.run('2026-01', '2026-01-02')
    expect(await previewCustomer(f.db, f.companyId)).toMatchObject({
      id: owing.customerId,
      name: 'Budi',
    })
    expect(await previewCustomer(f.db, f.companyId, waiting.id)).toMatchObject({ name: 'Dewi' })
    await expect(previewCustomer(f.db, f.companyId, 9999)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
  })

  it('renders the text and lists each variable used with its value; a missing one stays visible', () => {
    const preview = renderPreview(
      'Tagihan {perusahaan}',
      'Halo {nama}, bayar {jumlah} via {link_bayar}',
      {
        nama: 'Budi',
        jumlah: 'Rp150.000',
        perusahaan: 'Net Jaya',
      },
    )
    expect(preview.subject).toBe('Tagihan Net Jaya')
    expect(preview.body).toBe('Halo Budi, bayar Rp150.000 via {link_bayar}')
    expect(preview.variables).toEqual([
      { name: 'nama', value: 'Budi' },
      { name: 'perusahaan', value: 'Net Jaya' },
      { name: 'jumlah', value: 'Rp150.000' },
      { name: 'link_bayar', value: null },
    ])
  })

  it('unknown variables stay literal text, even names every object has', () => {
    const text = 'A {__proto__} B {constructor} C {tostring} D {hasownproperty} E {nama}'
    const preview = renderPreview(text, text, { nama: 'Budi' })
    const expected = 'A {__proto__} B {constructor} C {tostring} D {hasownproperty} E Budi'
    expect(preview.subject).toBe(expected)
    expect(preview.body).toBe(expected)
    expect(preview.variables).toEqual([{ name: 'nama', value: 'Budi' }])
  })
})
