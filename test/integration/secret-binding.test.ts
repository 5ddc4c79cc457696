import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { TRPCClientError } from '@trpc/client'
import { OWNER, apiCode, setupCompany, startTestHost, type TestHost } from '../helpers/http-host'
import { signInAs } from '../helpers/role-users'
import { startMessageSim, startSmtpSim, type MessageSim, type SmtpSim } from '../sim/messaging'
import { startRouterSim, type RouterSim } from '../sim/routeros'

/**
 * DESIGN.md, Security: a saved secret is never sent to a host, URL or port other than the one it
 * was saved with. Two simulators on two ports: the first is where each secret was saved for, the
 * second is the "new host" a changed form points at. Nothing may arrive at the second.
 */
let host: TestHost
let owner: ReturnType<TestHost['client']>
let billing: ReturnType<TestHost['client']>
beforeEach(async () => {
  host = await startTestHost()
  await setupCompany(host)
  const token = (await host.client().auth.login.mutate(OWNER)).token!
  owner = host.client(token)
  billing = await signInAs(host, token, 'admin_billing')
})
afterEach(async () => {
  await host.stop()
})

/** The field and message of a refused form, or the code when it is no field problem. */
async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p
    return 'ok'
  } catch (error) {
    if (!(error instanceof TRPCClientError)) throw error
    const e = (error.data as { error?: { code: string; details?: { issues?: unknown[] } } }).error
    const issue = e?.details?.issues?.[0] as { path: string[]; message: string } | undefined
    return issue ? `${issue.path.join('.')}: ${issue.message}` : (e?.code ?? 'unknown')
  }
}

describe('a saved gateway token is bound to its address', () => {
  let saved: MessageSim
  let other: MessageSim
  beforeAll(async () => {
    saved = await startMessageSim()
    // Same tokens on purpose: a token that arrived here would be accepted and recorded.
    other = await startMessageSim()
  })
  afterAll(async () => {
    await saved.close()
    await other.close()
  })

  it('Fonnte: a new base URL with the token left empty is refused, and a test reaches only the saved host', async () => {
    await billing.channels.set.mutate({
      provider: 'fonnte',
      token: saved.tokens.fonnte,
      baseUrl: saved.url,
    })
    const moved = billing.channels.set.mutate({ provider: 'fonnte', token: '', baseUrl: other.url })
    expect(await refusal(moved)).toBe('token: validation.token_destination_changed')
    await billing.channels.test.mutate({ kind: 'whatsapp', to: '0812-3456-7890' })
    expect(other.requests).toEqual([])
    expect(saved.received.at(-1)).toMatchObject({ provider: 'fonnte', target: '6281234567890' })
    // The same address written another way is no move; typing the token again allows one.
    expect(
      await refusal(
        billing.channels.set.mutate({ provider: 'fonnte', token: '', baseUrl: `${saved.url}/` }),
      ),
    ).toBe('ok')
    await billing.channels.set.mutate({
      provider: 'fonnte',
      token: other.tokens.fonnte,
      baseUrl: other.url,
    })
    await billing.channels.test.mutate({ kind: 'whatsapp', to: '0812-3456-7890' })
    expect(other.received).toHaveLength(1)
  })

  it('URL template: another template with the key left empty is refused', async () => {
    const seen = other.requests.length
    const template = (sim: MessageSim) =>
      `${sim.url}/url-send?phone={phone}&text={message}&key={token}`
    await billing.channels.set.mutate({
      provider: 'url',
      templateUrl: template(saved),
      token: saved.tokens.url,
    })
    const moved = billing.channels.set.mutate({
      provider: 'url',
      templateUrl: template(other),
      token: '',
    })
    expect(await refusal(moved)).toBe('token: validation.token_destination_changed')
    await billing.channels.test.mutate({ kind: 'whatsapp', to: '0812-3456-7890' })
    expect(other.requests).toHaveLength(seen)
    expect(saved.received.at(-1)).toMatchObject({ provider: 'url', target: '6281234567890' })
  })
})

describe('a saved SMTP password is bound to its server', () => {
  let saved: SmtpSim
  let other: SmtpSim
  const login = { user: 'tagihan@netjaya.id', password: 'Sandi-Surel-9' }
  beforeAll(async () => {
    saved = await startSmtpSim(login)
    other = await startSmtpSim()
  })
  afterAll(async () => {
    await saved.close()
    await other.close()
  })

  it('another port (or TLS setting) with the password left empty is refused', async () => {
    const smtp = (port: number, password: string, secure = false) => ({
      provider: 'smtp' as const,
      host: '127.0.0.1',
      port,
      secure,
      user: login.user,
      password,
      from: 'Net Jaya <tagihan@netjaya.id>',
    })
    await billing.channels.set.mutate(smtp(saved.port, login.password))
    expect(await refusal(billing.channels.set.mutate(smtp(other.port, '')))).toBe(
      'password: validation.password_destination_changed',
    )
    expect(await refusal(billing.channels.set.mutate(smtp(saved.port, '', true)))).toBe(
      'password: validation.password_destination_changed',
    )
    await billing.channels.test.mutate({ kind: 'email', to: 'budi@example.com' })
    expect(other.logins).toEqual([])
    expect(saved.logins.at(-1)).toEqual(login)
  })
})

describe('a saved router password is bound to its address (network.testRouter, updateRouter)', () => {
  let saved: RouterSim
  let other: RouterSim
  beforeAll(async () => {
    saved = await startRouterSim({
      identity: 'RB-Pusat',
      users: [{ name: 'admin', password: 'Router-Lama-1' }],
    })
    other = await startRouterSim({
      identity: 'RB-Lain',
      users: [{ name: 'admin', password: 'Router-Lama-1' }],
    })
  })
  afterAll(async () => {
    await saved.close()
    await other.close()
  })

  const form = (port: number, password = '') => ({
    host: '127.0.0.1',
    port,
    tls: false,
    username: 'admin',
    password,
  })

  it('the edit form’s values are what is tested, and a saved password never goes to a new port', async () => {
    const router = await owner.network.createRouter.mutate({
      name: 'RB Pusat',
      ...form(saved.port, 'Router-Lama-1'),
    })
    // The edit form's shape: typed values with the password left empty, same address.
    const same = await owner.network.testRouter.mutate({ id: router.id, ...form(saved.port) })
    expect(same.identity).toBe('RB-Pusat')
    // Another port, password left empty: refused, and nothing connected to the other router.
    expect(
      await refusal(owner.network.testRouter.mutate({ id: router.id, ...form(other.port) })),
    ).toBe('password: validation.password_destination_changed')
    expect(other.acceptedCount()).toBe(0)
    // Another port with a password typed: that router is tested, with what was typed.
    const typed = await owner.network.testRouter.mutate({
      id: router.id,
      ...form(other.port, 'Router-Lama-1'),
    })
    expect(typed.identity).toBe('RB-Lain')
  })

  it('saving another address requires the password again', async () => {
    const router = await owner.network.createRouter.mutate({
      name: 'RB Pusat',
      ...form(saved.port, 'Router-Lama-1'),
    })
    const connections = other.acceptedCount()
    const update = (port: number, password = '') =>
      owner.network.updateRouter.mutate({
        id: router.id,
        name: 'RB Pusat',
        ...form(port, password),
      })
    expect(await refusal(update(other.port))).toBe(
      'password: validation.password_destination_changed',
    )
    expect(await apiCode(owner.network.testRouter.mutate({ id: router.id }))).toBe('ok')
    expect(other.acceptedCount()).toBe(connections)
    // Same address, password left empty: kept. Another with the password: saved and tested there.
    expect(await refusal(update(saved.port))).toBe('ok')
    expect(await refusal(update(other.port, 'Router-Lama-1'))).toBe('ok')
    expect((await owner.network.testRouter.mutate({ id: router.id })).identity).toBe('RB-Lain')
  })
})
