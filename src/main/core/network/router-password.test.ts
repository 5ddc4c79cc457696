import { afterEach, describe, expect, it } from 'vitest'
import { type RouterSim, startRouterSim } from '../../../../test/sim/routeros/index'
import { bindStoredSecrets } from '../secrets'
import { companyFixture, testSecrets } from '../testing'
import type { NetworkDeps } from './deps'
import { createRouter, loadRouter, routerTarget, testRouter } from './routers'
import { RouterPool } from './routeros'
import { simRouterInput } from './testing'

const sims: RouterSim[] = []
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.close()))
})

async function setup() {
  const f = await companyFixture()
  const deps: NetworkDeps = {
    db: f.db,
    clock: f.clock,
    secrets: testSecrets(),
    routers: new RouterPool(),
  }
  const actor = {
    companyId: f.companyId,
    userId: f.ownerId,
    username: 'owner',
    ip: null,
    userAgent: null,
  }
  return { ...f, deps, actor }
}

describe('a router password is sealed for its address', () => {
  it('a row pointed elsewhere behind Loket’s back (a tampered database) does not get the password', async () => {
    const f = await setup()
    const saved = await startRouterSim({ port: 0 })
    const other = await startRouterSim({ port: 0 })
    sims.push(saved, other)
    const router = await createRouter(f.deps, f.actor, simRouterInput(saved.port))
    await f.db
      .updateTable('routers')
      .set({ port: other.port })
      .where('id', '=', router.id)
      .execute()
    const row = await loadRouter(f.db, f.companyId, router.id)
    expect(() => routerTarget(f.deps, row)).toThrow(
      expect.objectContaining({ code: 'SECRET_DESTINATION_CHANGED' }),
    )
    await expect(testRouter(f.deps, f.companyId, { id: router.id })).rejects.toMatchObject({
      code: 'SECRET_DESTINATION_CHANGED',
    })
    expect(other.acceptedCount()).toBe(0)
  })

  it('passwords saved before binding are bound to the address they are stored with, once', async () => {
    const f = await setup()
    const router = await createRouter(f.deps, f.actor, simRouterInput(8728))
    // As an older version stored it: sealed, bound to nothing.
    await f.db
      .updateTable('routers')
      .set({ password_sealed: f.deps.secrets.seal('admin') })
      .where('id', '=', router.id)
      .execute()
    expect(await bindStoredSecrets(f.db, f.deps.secrets)).toBe(1)
    expect(await bindStoredSecrets(f.db, f.deps.secrets)).toBe(0)
    const row = await loadRouter(f.db, f.companyId, router.id)
    expect(row.password_sealed).toMatch(/^v2:/)
    expect(routerTarget(f.deps, row).password).toBe('admin')
    await f.db
      .updateTable('routers')
      .set({ host: '10.6.6.6' })
      .where('id', '=', router.id)
      .execute()
    expect(() => routerTarget(f.deps, { ...row, host: '10.6.6.6' })).toThrow(
      expect.objectContaining({ code: 'SECRET_DESTINATION_CHANGED' }),
    )
  })
})
