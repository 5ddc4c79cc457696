import { rmSync } from 'node:fs'
import { freePort, initDataDir, report, spawnHost, stopHost, waitHealthy } from './lib'

async function post(port: number, pathName: string, body: unknown, token?: string) {
  const res = await fetch(`http://127.0.0.1:${port}/api/trpc/${pathName}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${pathName}: HTTP ${res.status} ${await res.text()}`)
  return (await res.json()) as { result: { data: Record<string, unknown> } }
}

/**
 * Sign-in round trip through the real HTTP API (dominated by scrypt N=2^17 by design), and an
 * authenticated query round trip (session lookup + permission check) for comparison.
 */
export async function run(): Promise<void> {
  const dataDir = initDataDir('loket-bench-login-')
  const port = await freePort()
  const child = spawnHost(dataDir, port)
  try {
    await waitHealthy(port)
    const login = async () =>
      (await post(port, 'auth.login', { username: 'owner', password: 'Sangat-Rahasia-42' })).result
        .data.token as string
    await login() // warm-up
    const signIn: number[] = []
    let token = ''
    // 7 sign-ins stay under the lockout (which counts failures only) and the machine's patience.
    for (let i = 0; i < 7; i++) {
      const t = performance.now()
      token = await login()
      signIn.push(performance.now() - t)
    }
    report('sign_in_round_trip', 'ms', signIn, { note: 'includes scrypt N=2^17 verification' })
    const me: number[] = []
    for (let i = 0; i < 200; i++) {
      const t = performance.now()
      const res = await fetch(`http://127.0.0.1:${port}/api/trpc/auth.me`, {
        headers: { authorization: `Bearer ${token}` },
      })
      await res.json()
      me.push(performance.now() - t)
    }
    report('authenticated_query_round_trip', 'ms', me, { procedure: 'auth.me' })
  } finally {
    await stopHost(child)
    rmSync(dataDir, { recursive: true, force: true })
  }
}
