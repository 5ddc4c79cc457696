import { createServer } from 'node:net'
import fc from 'fast-check'
import { LOCKOUT_MS } from '@core/auth/throttle'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  areaAndPackage,
  OWNER,
  setupCompany,
  startTestHost,
  type TestHost,
} from '../helpers/http-host'
import { listProcedures, type ProcedureInfo } from '../helpers/router-procedures'
import {
  hostileLeaf,
  invalidArbitrary,
  validArbitrary,
  type ArbitraryOptions,
} from '../helpers/zod-arbitrary'

/**
 * Property: no input, valid or hostile, makes any procedure answer 500 / INTERNAL or take the
 * host down. Inputs come from each procedure's own zod schema and travel as raw tRPC HTTP
 * (GET ?input= for queries, POST JSON for mutations) so nothing a client would refuse is filtered
 * out first. FUZZ_RUNS cases per procedure (3 in CI), FUZZ_SEED to replay a run.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 3)
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : (Date.now() % 2 ** 31) | 0
console.log(`fuzz-procedures: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}`)

/** Not fuzzed at all, each with the reason. */
const SKIPPED: Record<string, string> = {
  'channels.baileysLink':
    'opens a WhatsApp Web socket to WhatsApp servers on the internet; nothing local stands in',
}

/** End the caller's own session: each case runs with a fresh sign-in of its own. */
const SESSION_ENDERS = new Set([
  'auth.logout',
  'auth.endSession',
  'auth.endOtherSessions',
  'users.endSessions',
])

const procedures = listProcedures()
// A session ender signs in (scrypt) once per case: the time a test may take grows with RUNS.
const TEST_TIMEOUT = 30_000 + RUNS * 1_500

let host: TestHost
let token: string
let options: ArbitraryOptions

/** A port on 127.0.0.1 that nothing listens on: routers, SMTP and gateways refuse at once. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  return typeof address === 'object' && address ? address.port : 9
}

/** Strings a field of this name plausibly holds, so opaque refinements pass now and then. */
const PLAUSIBLE: [RegExp, string[]][] = [
  [/date|asof|from|to$|until|since|day/i, ['2026-11-22', '2026-11-01', '2026-01-17', '2026-12-31']],
  [/period|month/i, ['2026-11', '2026-12', '2026-10']],
  [/phone|whatsapp|^to$/i, ['0812-3456-7890', '+6281234567890']],
  [/email|from|^to$/i, ['budi@contoh.id', 'Net Jaya <tagihan@netjaya.id>']],
  [/code|prefix/i, ['CBG01', 'CBG01-0001', 'ABC']],
  [/pattern|format|rule/i, ['{AREA}-{0000}', 'INV/{YYYY}{MM}/{0000}', '{kode}', '{0000}']],
  // Never the owner's own password: auth.changePassword would change it under the test.
  [/password|secret|token/i, ['Kuat-Sekali-2026!', 'rahasia']],
  [/username|user$/i, ['owner', 'kasir1', 'admin']],
  [/^q$|search|query/i, ['Budi', '0812', 'CBG01']],
  [/ip$|address/i, ['10.10.0.2', 'Jl. Raya Bogor 12']],
  [/nik|npwp/i, ['3201234567890123', '01.234.567.8-901.000']],
  [/validity|uptime|limit/i, ['1d', '30d', '12h']],
  [/body|template|message|text/i, ['Halo {{nama}}, tagihan {{periode}}.']],
]
const plausible = (key: string) => [
  'Budi Santoso',
  ...PLAUSIBLE.filter(([re]) => re.test(key)).flatMap(([, values]) => values),
]

interface Answer {
  status: number
  text: string
}

/** One raw tRPC call over HTTP, as any client on the LAN could send it. */
async function call(proc: ProcedureInfo, input: unknown, bearer?: string): Promise<Answer> {
  const url = `${host.url}api/trpc/${proc.path}`
  const headers: Record<string, string> = { 'user-agent': 'fuzz' }
  if (bearer) headers.authorization = `Bearer ${bearer}`
  const json = input === undefined ? undefined : JSON.stringify(input)
  const res =
    proc.type === 'query'
      ? await fetch(json === undefined ? url : `${url}?input=${encodeURIComponent(json)}`, {
          headers,
        })
      : await fetch(url, {
          method: 'POST',
          headers:
            json === undefined ? headers : { ...headers, 'content-type': 'application/json' },
          body: json,
        })
  return { status: res.status, text: await res.text() }
}

/** A 500, or an error the API itself calls internal: a defect whatever the input was. */
function fault({ status, text }: Answer): string | null {
  if (status === 500) return `HTTP 500 ${text.slice(0, 400)}`
  try {
    const body = JSON.parse(text) as {
      error?: { data?: { code?: string; error?: { code?: string } } }
    }
    const codes = [body.error?.data?.code, body.error?.data?.error?.code]
    if (codes.includes('INTERNAL_SERVER_ERROR') || codes.includes('INTERNAL')) {
      return `HTTP ${status} ${text.slice(0, 400)}`
    }
  } catch {
    if (status < 400) return `HTTP ${status}, not JSON: ${text.slice(0, 200)}`
  }
  return null
}

function inputsOf(proc: ProcedureInfo): fc.Arbitrary<unknown> {
  // A GET carries its input in the URL: a huge string there meets Node's header limit first.
  const opts = { ...options, hugeLength: proc.type === 'query' ? 6_000 : 300_000 }
  if (proc.input === undefined)
    return fc.oneof(fc.constant(undefined), hostileLeaf(opts.hugeLength))
  return fc.oneof(validArbitrary(proc.input, opts), invalidArbitrary(proc.input, opts))
}

async function signIn(): Promise<string> {
  // Fuzzed wrong passwords (auth.changePassword…) count as guesses and may have locked the
  // owner for LOCKOUT_MS: let the lock run out on the manual clock, once.
  const login = () => host.client().auth.login.mutate(OWNER)
  const { token } = await login().catch(() => {
    host.clock.advanceMinutes(LOCKOUT_MS / 60_000 + 1)
    return login()
  })
  if (!token) throw new Error('the owner sign-in asked for a second step')
  return token
}

/** Runs the property for one procedure; on failure names the seed and how to replay it. */
async function fuzz(proc: ProcedureInfo, runs: number, bearer: () => Promise<string | undefined>) {
  try {
    await fc.assert(
      fc.asyncProperty(inputsOf(proc), async (input) => {
        const answer = await call(proc, input, await bearer())
        const problem = fault(answer)
        if (problem) throw new Error(`${proc.path}: ${problem}`)
      }),
      { numRuns: runs, seed: SEED },
    )
  } catch (error) {
    throw new Error(
      `${proc.path} failed with FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}; replay: ` +
        `FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} npx vitest run ` +
        `test/integration/fuzz-procedures.test.ts -t '${proc.path}'\n${String(error)}` +
        `\nCaused by: ${String((error as { cause?: unknown }).cause)}`,
      { cause: error },
    )
  }
}

async function hostIsUp(): Promise<boolean> {
  const res = await fetch(`${host.url}api/health`).catch(() => null)
  return res?.status === 200
}

beforeAll(async () => {
  host = await startTestHost()
  await setupCompany(host)
  token = await signIn()
  const port = await closedPort()
  const nowhere = `http://127.0.0.1:${port}/kirim`
  options = {
    plausible,
    // Whatever reaches a router, SMTP server or gateway points at a closed local port.
    fields: {
      host: fc.constant('127.0.0.1'),
      port: fc.constant(port),
      baseUrl: fc.constant(nowhere),
      templateUrl: fc.constant(`${nowhere}?to={to}&pesan={message}`),
      // The GenieACS NBI (acs.saveSettings / testSettings).
      url: fc.constant(`http://127.0.0.1:${port}`),
    },
  }
  // A little data so generated ids (1…6) hit real rows.
  const owner = host.client(token)
  const { area, product } = await areaAndPackage(owner)
  await owner.network.createRouter.mutate({
    name: 'Router Pusat',
    host: '127.0.0.1',
    port,
    username: 'admin',
    password: 'rahasia',
    areaId: area.id,
  })
  for (const [name, phone] of [
    ['Budi Santoso', '0812-3456-7890'],
    ['Siti Aminah', '0813-1111-2222'],
  ] as const) {
    const customer = await owner.customers.create.mutate({ areaId: area.id, name, phone })
    await owner.customers.addService.mutate({
      customerId: customer.id,
      productId: product.id,
      status: 'aktif',
      activationDate: '2026-10-01',
    })
  }
  await owner.billing.runPeriod.mutate({ period: '2026-11', asOf: '2026-11-01' })
})

afterAll(async () => {
  await host?.stop()
})

describe(`every procedure survives valid and hostile inputs (FUZZ_SEED=${SEED})`, () => {
  const signedIn = procedures.filter((p) => !p.public)
  it.each(signedIn.map((p) => [p.path, p] as const))(
    '%s as the owner',
    async (path, proc) => {
      const reason = SKIPPED[path]
      if (reason) return
      const ender = SESSION_ENDERS.has(path)
      await fuzz(proc, RUNS, async () => (ender ? signIn() : token))
      expect(await hostIsUp(), `${path} took the host down`).toBe(true)
      // auth.endOtherSessions and users.endSessions may have ended the main session too.
      if (ender) token = await signIn()
      else {
        const me = await call({ ...proc, path: 'auth.me', type: 'query' }, undefined, token)
        expect(me.status, `${path} ended the fuzzing session: add it to SESSION_ENDERS`).toBe(200)
      }
    },
    TEST_TIMEOUT,
  )

  // Last: failed sign-ins lock 127.0.0.1, which the fresh sign-ins above depend on.
  it.each(procedures.map((p) => [p.path, p] as const))(
    '%s anonymously',
    async (path, proc) => {
      if (SKIPPED[path]) return
      await fuzz(proc, proc.public ? RUNS : Math.min(RUNS, 2), async () => undefined)
      expect(await hostIsUp(), `${path} took the host down`).toBe(true)
    },
    TEST_TIMEOUT,
  )

  it('skips only what it names with a reason', () => {
    const paths = new Set(procedures.map((p) => p.path))
    for (const path of [...Object.keys(SKIPPED), ...SESSION_ENDERS]) expect(paths).toContain(path)
  })
})
