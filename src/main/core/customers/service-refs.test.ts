import { describe, expect, it } from 'vitest'
import { AppError } from '@shared/errors'
import { addService, createCustomer } from './index'
import { catalogFixture, customerInput, serviceInput } from './testing'

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? e.code : `thrown: ${String(e)}`),
  )

describe('a new service names a POP and router of its own company', () => {
  it('a POP or router that does not exist is NOT_FOUND, not a database error (fuzz: customers.addService {popId: 719145701})', async () => {
    const { deps, actor, cbg, p10, tz } = await catalogFixture()
    const budi = await createCustomer(deps, actor, customerInput(cbg.id, 'Budi'))
    const service = { ...serviceInput(budi.id, p10.id), pppoeUsername: 'budi' }
    expect(await codeOf(addService(deps, actor, { ...service, popId: 719145701 }, tz))).toBe(
      'NOT_FOUND',
    )
    expect(await codeOf(addService(deps, actor, { ...service, routerId: 7 }, tz))).toBe('NOT_FOUND')
    expect(await codeOf(addService(deps, actor, service, tz))).toBe('ok')
  })
})
