import { z } from 'zod'

/** What "Tes koneksi" reports about a host address, as seen from this host (server-side). */
export type ConnectionTest =
  | { reachable: true; version: string; sameVersion: boolean; ms: number }
  | { reachable: false; reason: 'timeout' | 'unreachable' | 'not_loket' }

const healthAnswer = z.object({ ok: z.literal(true), version: z.string().min(1).max(40) })

/**
 * Asks `<hostUrl>/api/health` (the one open GET every Loket host serves) and compares versions:
 * a client on another version than its host may show screens the host's API does not answer.
 * Only that path is fetched, and no redirect is followed.
 */
export async function testHostConnection(
  hostUrl: string,
  ownVersion: string,
  options: { timeoutMs?: number; now?: () => number } = {},
): Promise<ConnectionTest> {
  const now = options.now ?? Date.now
  const started = now()
  let response: Response
  try {
    response = await fetch(new URL('/api/health', hostUrl), {
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? 4000),
      headers: { accept: 'application/json' },
    })
  } catch (error) {
    const name = (error as { name?: unknown }).name
    return { reachable: false, reason: name === 'TimeoutError' ? 'timeout' : 'unreachable' }
  }
  const body: unknown = response.ok ? await response.json().catch(() => null) : null
  const health = healthAnswer.safeParse(body)
  if (!health.success) return { reachable: false, reason: 'not_loket' }
  return {
    reachable: true,
    version: health.data.version,
    sameVersion: health.data.version === ownVersion,
    ms: Math.max(0, now() - started),
  }
}
