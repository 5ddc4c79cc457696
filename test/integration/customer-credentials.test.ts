import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '@shared/permissions'
import {
  apiCode,
  areaAndPackage,
  companyOwner,
  startTestHost,
  type TestHost,
} from '../helpers/http-host'
import { signInAs } from '../helpers/role-users'

/** Issue 13 #6: a PPPoE password is a credential, shown only by a "Tampilkan" that is audited. */
let host: TestHost
let owner: ReturnType<TestHost['client']>
let ownerToken: string
let customerId: number
let serviceId: number
const PASSWORD = 'Rahasia-Budi-77'

beforeAll(async () => {
  host = await startTestHost()
  ;({ owner, ownerToken } = await companyOwner(host))
  const { area, product } = await areaAndPackage(owner)
  customerId = (await owner.customers.create.mutate({ areaId: area.id, name: 'Budi Santoso' })).id
  await owner.customers.addService.mutate({
    customerId,
    productId: product.id,
    status: 'aktif',
    activationDate: '2026-11-01',
    pppoePassword: PASSWORD,
  })
  serviceId = (await owner.customers.get.query({ id: customerId })).services[0]!.id
})
afterAll(async () => {
  await host.stop()
})

describe('PPPoE passwords on the customer page', () => {
  it.each<Role>(['viewer', 'technician', 'admin_billing'])(
    'the %s role sees the customer and the login, never the password',
    async (role) => {
      const staff = await signInAs(host, ownerToken, role)
      const detail = await staff.customers.get.query({ id: customerId })
      expect(JSON.stringify(detail)).not.toContain(PASSWORD)
      expect(detail.services[0]).toMatchObject({
        pppoeUsername: 'cbg01-0001',
        hasPppoePassword: true,
      })
      expect(await apiCode(staff.customers.credentials.mutate({ serviceId }))).toBe('FORBIDDEN')
    },
  )

  it('support staff see it by "Tampilkan", and each showing is in the audit log', async () => {
    const support = await signInAs(host, ownerToken, 'admin_support')
    expect(JSON.stringify(await support.customers.get.query({ id: customerId }))).not.toContain(
      PASSWORD,
    )
    expect(await support.customers.credentials.mutate({ serviceId })).toEqual({
      serviceId,
      pppoeUsername: 'cbg01-0001',
      pppoePassword: PASSWORD,
    })
    const audit = await owner.audit.list.query({ action: 'customers.credentials' })
    expect(audit.entries).toMatchObject([
      { username: 'adminsupport', action: 'customers.credentials_view', entityType: 'customer' },
    ])
    expect(JSON.stringify(audit)).not.toContain(PASSWORD)
  })

  it('the superadmin may grant the permission to technicians in the role matrix', async () => {
    const tech = await signInAs(host, ownerToken, 'technician', 'teknisi2')
    const matrix = await owner.roles.matrix.query()
    const techRole = matrix.roles.find((r) => r.role === 'technician')!
    await owner.roles.update.mutate({
      role: 'technician',
      permissions: [...techRole.permissions, 'customers.credentials'],
    })
    expect((await tech.customers.credentials.mutate({ serviceId })).pppoePassword).toBe(PASSWORD)
  })
})
