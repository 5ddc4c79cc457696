import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli-process'
import { startMessageSim, startSmtpSim, type MessageSim, type SmtpSim } from '../sim/messaging'
import { databaseHolds, makeDataDir } from '../helpers/data-dir'

const cli = (...args: string[]) => runCli(dataDir, args)

let dataDir: string
let wa: MessageSim
let mail: SmtpSim

beforeAll(async () => {
  dataDir = await makeDataDir('loket-channels-cli-')
  wa = await startMessageSim({ tokens: { fonnte: 'Fonnte-Token-Rahasia-77' } })
  mail = await startSmtpSim({ user: 'tagihan@netjaya.id', password: 'Sandi-Surel-77' })
  const init = await cli(
    'init',
    '--company',
    'Net Jaya',
    '--admin-user',
    'owner',
    '--admin-password',
    'Sangat-Rahasia-42',
  )
  expect(init.code).toBe(0)
})
afterAll(async () => {
  await wa.close()
  await mail.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('message channels from the CLI', { timeout: 120_000 }, () => {
  it('channel set whatsapp --provider fonnte keeps the token sealed; channel test reaches the gateway', async () => {
    const set = await cli(
      'channel',
      'set',
      'whatsapp',
      '--provider',
      'fonnte',
      '--token',
      'Fonnte-Token-Rahasia-77',
      '--base-url',
      wa.url,
      '--rate',
      '30',
    )
    expect(set).toMatchObject({
      code: 0,
      json: {
        ok: true,
        channel: {
          kind: 'whatsapp',
          provider: 'fonnte',
          settings: { baseUrl: wa.url },
          hasToken: true,
          ratePerMinute: 30,
        },
      },
    })
    expect(JSON.stringify(set.json)).not.toContain('Rahasia-77')
    expect(await databaseHolds(dataDir, 'Fonnte-Token-Rahasia-77')).toBe(false)

    const tested = await cli('channel', 'test', 'whatsapp', '--to', '0812-3456-7890')
    expect(tested).toMatchObject({ code: 0, json: { ok: true, to: '6281234567890' } })
    expect(wa.received).toMatchObject([
      {
        provider: 'fonnte',
        target: '6281234567890',
        message: expect.stringContaining('Pesan uji dari Loket (Net Jaya)'),
      },
    ])
    expect(tested.json.providerId).toBe(wa.received[0]!.id)

    // A later edit without --token keeps the token: the next test still gets through.
    expect((await cli('channel', 'set', 'whatsapp', '--rate', '10')).code).toBe(0)
    expect((await cli('channel', 'test', 'whatsapp', '--to', '081234567890')).code).toBe(0)
    expect(wa.received).toHaveLength(2)

    // Another base URL without --token: the saved token is not taken along (issue 13 #3).
    const moved = await runCli(
      dataDir,
      ['channel', 'set', 'whatsapp', '--base-url', 'https://x.example'],
      { human: true },
    )
    expect(moved.code).toBe(1)
    expect(moved.stderr).toContain('--token: Masukkan token lagi: alamat tujuan berubah.')
    expect((await cli('channel', 'list')).json).toMatchObject({
      whatsapp: { settings: { baseUrl: wa.url } },
    })
  })

  it('a refused number fails with the gateway’s words in Indonesian', async () => {
    wa.failNext(1, 'reject')
    const r = await cli('channel', 'test', 'whatsapp', '--to', '081234567890')
    expect(r).toMatchObject({
      code: 1,
      json: {
        ok: false,
        error: { code: 'CHANNEL_SEND_FAILED', message: 'Pesan tidak terkirim: invalid target' },
      },
    })
  })

  it('a URL template without {message} is refused before anything is saved', async () => {
    const r = await cli(
      'channel',
      'set',
      'whatsapp',
      '--provider',
      'url',
      '--template-url',
      `${wa.url}/url-send?phone={phone}`,
    )
    expect(r).toMatchObject({
      code: 1,
      json: {
        error: {
          code: 'VALIDATION',
          details: { issues: [{ path: ['templateUrl'], message: 'validation.url_template' }] },
        },
      },
    })
    const list = await cli('channel', 'list')
    expect(list.json).toMatchObject({ whatsapp: { provider: 'fonnte', ratePerMinute: 10 } })
  })

  it('channel set email over SMTP, then channel test email', async () => {
    const set = await cli(
      'channel',
      'set',
      'email',
      '--smtp-host',
      '127.0.0.1',
      '--smtp-port',
      String(mail.port),
      '--user',
      'tagihan@netjaya.id',
      '--password',
      'Sandi-Surel-77',
      '--from',
      'Net Jaya <tagihan@netjaya.id>',
    )
    expect(set).toMatchObject({
      code: 0,
      json: { channel: { kind: 'email', provider: 'smtp', hasPassword: true } },
    })
    const tested = await cli('channel', 'test', 'email', '--to', 'admin@netjaya.id')
    expect(tested.code).toBe(0)
    expect(mail.received).toMatchObject([
      { to: ['admin@netjaya.id'], subject: 'Pesan uji dari Net Jaya', user: 'tagihan@netjaya.id' },
    ])
    const list = await cli('channel', 'list')
    expect(list.json).toMatchObject({
      whatsapp: { provider: 'fonnte', status: 'ok' },
      email: { provider: 'smtp', status: 'ok', settings: { port: mail.port, secure: false } },
    })
  })
})
