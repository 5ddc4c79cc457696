import { ManualClock } from './clock'
import { completeSetup } from './companies'
import { createTestDb } from './db/test-db'
import type { CoreDeps } from './deps'
import { secretBox } from './secrets'

/** Test fixtures only: a real migrated in-memory database on a manual clock, with a company. */
export const OWNER = { username: 'owner', password: 'Sangat-Rahasia-42' } as const

export async function companyFixture(start = '2026-11-22T03:00:00Z') {
  const clock = new ManualClock(start)
  const db = await createTestDb()
  const deps: CoreDeps = { db, clock, secrets: testSecrets() }
  const setup = await completeSetup(
    deps,
    {
      company: {
        name: 'Net Jaya',
        address: 'Jl. Merdeka 1, Cibinong',
        phone: '6281234567890',
        email: null,
        npwp: null,
        timeZone: 'Asia/Jakarta',
      },
      admin: { name: 'Pemilik', username: OWNER.username, password: OWNER.password },
    },
    { ip: '127.0.0.1', userAgent: 'vitest', createSession: false },
  )
  return { deps, db, clock, companyId: setup.companyId, ownerId: setup.userId }
}

export const client = (ip = '192.0.2.10') => ({ ip, userAgent: 'vitest-browser' })

/** Tests seal secrets with a fixed key (the host makes a random one per data directory). */
export const testSecrets = () => secretBox(Buffer.alloc(32, 9))
