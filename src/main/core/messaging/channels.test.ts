import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  startMessageSim,
  startSmtpSim,
  type MessageSim,
  type SmtpSim,
} from '../../../../test/sim/messaging/index'
import { sealConfig } from './channel-config'
import { messageRows, messagingFixture } from './testing'
import { listChannels, setChannel } from './channels'
import { sendTestMessage } from './test-message'

let wa: MessageSim
let mail: SmtpSim
beforeAll(async () => {
  wa = await startMessageSim()
  mail = await startSmtpSim({ user: 'tagihan@netjaya.id', password: 'Sandi-Surel-9' })
})
afterAll(async () => {
  await wa.close()
  await mail.close()
})

async function issuesOf(promise: Promise<unknown>) {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as { code?: string; details?: { issues?: { path: string[]; message: string }[] } } | null
  expect(error?.code).toBe('VALIDATION')
  return (error?.details?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`)
}

describe('channel settings', () => {
  it('a Fonnte token is sealed: not in the row, not in the audit log, not in the list', async () => {
    const f = await messagingFixture()
    const token = 'Fonnte-Token-Rahasia-123'
    await setChannel(f.deps, f.actor, { provider: 'fonnte', token, baseUrl: wa.url })
    const row = await f.db.selectFrom('message_channels').selectAll().executeTakeFirstOrThrow()
    expect(JSON.stringify(row)).not.toContain(token)
    expect(row).toMatchObject({ kind: 'whatsapp', provider: 'fonnte', rate_per_minute: 20 })
    const audit = await f.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'channels.update')
      .execute()
    expect(audit).toHaveLength(1)
    expect(JSON.stringify(audit)).not.toContain(token)
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({
      provider: 'fonnte',
      baseUrl: wa.url,
      secret_changed: true,
    })
    const list = await listChannels(f.deps, f.companyId)
    expect(JSON.stringify(list)).not.toContain(token)
    expect(list.whatsapp).toMatchObject({
      provider: 'fonnte',
      settings: { baseUrl: wa.url },
      hasToken: true,
      enabled: true,
      ratePerMinute: 20,
      status: 'unknown',
    })
    expect(list.email).toBeNull()
  })

  it('an edit that leaves the token empty keeps the stored one', async () => {
    const f = await messagingFixture()
    await setChannel(f.deps, f.actor, {
      provider: 'fonnte',
      token: wa.tokens.fonnte,
      baseUrl: wa.url,
    })
    await setChannel(f.deps, f.actor, {
      provider: 'fonnte',
      token: '',
      baseUrl: wa.url,
      ratePerMinute: 30,
    })
    const list = await listChannels(f.deps, f.companyId)
    expect(list.whatsapp).toMatchObject({ hasToken: true, ratePerMinute: 30 })
    await sendTestMessage(f.deps, f.actor, { kind: 'whatsapp', to: '0812-3456-7890' })
    expect(wa.received.at(-1)).toMatchObject({ provider: 'fonnte', target: '6281234567890' })
    // Another provider's token is not carried over: Wablas needs its own.
    expect(
      await issuesOf(setChannel(f.deps, f.actor, { provider: 'wablas', baseUrl: wa.url })),
    ).toEqual(['token: validation.required'])
  })

  it('refuses a URL template without {message}, and a base URL without http(s)://', async () => {
    const f = await messagingFixture()
    expect(
      await issuesOf(
        setChannel(f.deps, f.actor, {
          provider: 'url',
          templateUrl: 'https://gw.example.id/send?to={phone}',
        }),
      ),
    ).toEqual(['templateUrl: validation.url_template'])
    expect(
      await issuesOf(
        setChannel(f.deps, f.actor, { provider: 'wablas', token: 'x', baseUrl: 'solo.wablas.com' }),
      ),
    ).toEqual(['baseUrl: validation.url'])
    expect(
      await issuesOf(
        setChannel(f.deps, f.actor, { provider: 'fonnte', token: 'x', ratePerMinute: 0 }),
      ),
    ).toEqual(['ratePerMinute: validation.out_of_range'])
    // A POST template may carry {phone} and {message} in its body.
    await setChannel(f.deps, f.actor, {
      provider: 'url',
      templateUrl: 'https://gw.example.id/send',
      method: 'POST',
      bodyTemplate: 'to={phone}&text={message}',
    })
    expect(await f.db.selectFrom('message_channels').select('provider').execute()).toEqual([
      { provider: 'url' },
    ])
  })

  it('SMTP: the password is sealed, port 465 means implicit TLS, e-mail is a second channel', async () => {
    const f = await messagingFixture()
    await setChannel(f.deps, f.actor, { provider: 'fonnte', token: 'x', baseUrl: wa.url })
    await setChannel(f.deps, f.actor, {
      provider: 'smtp',
      host: 'smtp.netjaya.id',
      port: 465,
      user: 'tagihan@netjaya.id',
      password: 'Sandi-Surel-9',
      from: 'Net Jaya <tagihan@netjaya.id>',
    })
    const list = await listChannels(f.deps, f.companyId)
    expect(list.email).toMatchObject({
      provider: 'smtp',
      settings: { host: 'smtp.netjaya.id', port: 465, secure: true, user: 'tagihan@netjaya.id' },
      hasPassword: true,
    })
    expect(list.whatsapp?.provider).toBe('fonnte')
    const rows = await f.db.selectFrom('message_channels').select('config_sealed').execute()
    expect(JSON.stringify(rows)).not.toContain('Sandi-Surel-9')
  })
})

describe('"Kirim pesan uji"', () => {
  it('sends through the channel now, shows in the outbox as a test, and audits it', async () => {
    const f = await messagingFixture()
    await setChannel(f.deps, f.actor, {
      provider: 'fonnte',
      token: wa.tokens.fonnte,
      baseUrl: wa.url,
    })
    const before = wa.received.length
    const r = await sendTestMessage(f.deps, f.actor, { kind: 'whatsapp', to: '081298765432' })
    expect(wa.received.slice(before)).toMatchObject([
      { provider: 'fonnte', target: '6281298765432', message: expect.stringContaining('Net Jaya') },
    ])
    expect(r).toMatchObject({ ok: true, to: '6281298765432', providerId: wa.received.at(-1)!.id })
    expect(await messageRows(f)).toMatchObject([
      { kind: 'test', status: 'terkirim', recipient: '6281298765432', attempts: 1 },
    ])
    expect((await listChannels(f.deps, f.companyId)).whatsapp?.status).toBe('ok')
    const audit = await f.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'channels.test')
      .executeTakeFirstOrThrow()
    expect(JSON.parse(audit.after_json!)).toMatchObject({ to: '6281298765432', ok: true })
  })

  it('a refusal comes back in the gateway’s words and is recorded as gagal', async () => {
    const f = await messagingFixture()
    await setChannel(f.deps, f.actor, {
      provider: 'fonnte',
      token: wa.tokens.fonnte,
      baseUrl: wa.url,
    })
    wa.failNext(1, 'reject')
    await expect(
      sendTestMessage(f.deps, f.actor, { kind: 'whatsapp', to: '081298765432' }),
    ).rejects.toMatchObject({ code: 'CHANNEL_SEND_FAILED', details: { detail: 'invalid target' } })
    expect(await messageRows(f)).toMatchObject([
      { kind: 'test', status: 'gagal', reason: 'rejected', error_detail: 'invalid target' },
    ])
    // The gateway answered: the channel itself is fine.
    expect((await listChannels(f.deps, f.companyId)).whatsapp?.status).toBe('ok')

    wa.failNext(1, 'disconnected')
    await expect(
      sendTestMessage(f.deps, f.actor, { kind: 'whatsapp', to: '081298765432' }),
    ).rejects.toMatchObject({ code: 'CHANNEL_SEND_FAILED' })
    expect((await listChannels(f.deps, f.companyId)).whatsapp).toMatchObject({
      status: 'error',
      statusDetail: expect.stringContaining('disconnected device'),
    })
  })

  it('without a channel it says where to set one up; an e-mail test goes over SMTP', async () => {
    const f = await messagingFixture()
    await expect(
      sendTestMessage(f.deps, f.actor, { kind: 'email', to: 'admin@netjaya.id' }),
    ).rejects.toMatchObject({ code: 'CHANNEL_NOT_SET', details: { channel: 'e-mail' } })
    await setChannel(f.deps, f.actor, {
      provider: 'smtp',
      host: '127.0.0.1',
      port: mail.port,
      user: 'tagihan@netjaya.id',
      password: 'Sandi-Surel-9',
      from: 'Net Jaya <tagihan@netjaya.id>',
    })
    await sendTestMessage(f.deps, f.actor, { kind: 'email', to: 'Admin@NetJaya.id' })
    expect(mail.received.at(-1)).toMatchObject({
      from: 'tagihan@netjaya.id',
      to: ['admin@netjaya.id'],
      subject: 'Pesan uji dari Net Jaya',
    })
  })
})

describe('a saved secret is bound to its destination', () => {
  it('a token saved before binding is bound to the base URL it was saved with', async () => {
    const f = await messagingFixture()
    await setChannel(f.deps, f.actor, { provider: 'fonnte', token: 'lama', baseUrl: wa.url })
    // As an older version sealed it: no destination stored beside the token.
    const legacy = sealConfig(f.deps.secrets, {
      provider: 'fonnte',
      token: wa.tokens.fonnte,
      baseUrl: wa.url,
    })
    await f.db.updateTable('message_channels').set({ config_sealed: legacy }).execute()
    expect(
      await issuesOf(
        setChannel(f.deps, f.actor, {
          provider: 'fonnte',
          token: '',
          baseUrl: 'https://x.example',
        }),
      ),
    ).toEqual(['token: validation.token_destination_changed'])
    await setChannel(f.deps, f.actor, { provider: 'fonnte', token: '', baseUrl: wa.url })
    await sendTestMessage(f.deps, f.actor, { kind: 'whatsapp', to: '0812-3456-7890' })
  })

  it('a config whose secret was entered for another address never sends it there', async () => {
    const f = await messagingFixture()
    const other = await startMessageSim()
    try {
      await setChannel(f.deps, f.actor, { provider: 'fonnte', token: 'x', baseUrl: wa.url })
      const moved = sealConfig(f.deps.secrets, {
        provider: 'fonnte',
        token: other.tokens.fonnte,
        baseUrl: other.url,
        secretFor: wa.url,
      })
      await f.db.updateTable('message_channels').set({ config_sealed: moved }).execute()
      await expect(
        sendTestMessage(f.deps, f.actor, { kind: 'whatsapp', to: '0812-3456-7890' }),
      ).rejects.toMatchObject({ code: 'CHANNEL_SEND_FAILED' })
      expect(other.requests).toEqual([])
    } finally {
      await other.close()
    }
  })
})
