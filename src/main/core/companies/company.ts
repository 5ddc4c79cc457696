import { AppError } from '@shared/errors'
import { companyUpdateInput, type SecuritySettings } from '@shared/schemas'
import type { z } from 'zod'
import { appendAudit, diffFields, type Actor } from '../audit'
import { writeTx, type CompanyRow } from '../db'
import type { CoreDeps } from '../deps'
import { getSecuritySettings, putSecuritySettings } from '../settings'

export interface CompanyView {
  id: number
  name: string
  address: string
  phone: string | null
  email: string | null
  npwp: string | null
  timeZone: string
  security: SecuritySettings
}

export function toCompanyView(row: CompanyRow, security: SecuritySettings): CompanyView {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    phone: row.phone,
    email: row.email,
    npwp: row.npwp,
    timeZone: row.time_zone,
    security,
  }
}

export async function getCompany({ db }: CoreDeps, companyId: number): Promise<CompanyView> {
  const row = await db
    .selectFrom('companies')
    .selectAll()
    .where('id', '=', companyId)
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', `company ${companyId}`)
  return toCompanyView(row, await getSecuritySettings(db, companyId))
}

export type CompanyUpdate = z.output<typeof companyUpdateInput>

export async function updateCompany(
  deps: CoreDeps,
  actor: Actor,
  companyId: number,
  input: CompanyUpdate,
): Promise<CompanyView> {
  const { db, clock } = deps
  await writeTx(db, async (tx) => {
    const before = await tx
      .selectFrom('companies')
      .selectAll()
      .where('id', '=', companyId)
      .executeTakeFirst()
    if (!before) throw new AppError('NOT_FOUND', `company ${companyId}`)
    const beforeSecurity = await getSecuritySettings(tx, companyId)
    const next = {
      name: input.name,
      address: input.address,
      phone: input.phone,
      email: input.email,
      npwp: input.npwp,
      time_zone: input.timeZone,
    }
    await tx
      .updateTable('companies')
      .set({ ...next, updated_at: clock.now().toISOString() })
      .where('id', '=', companyId)
      .execute()
    await putSecuritySettings(tx, clock, companyId, input.security)
    const diff = diffFields(
      { ...before, ...prefix(beforeSecurity) },
      { ...next, ...prefix(input.security) },
      [
        'name',
        'address',
        'phone',
        'email',
        'npwp',
        'time_zone',
        'security.sessionIdleMinutes',
        'security.sessionAbsoluteDays',
      ],
    )
    if (diff) {
      await appendAudit(tx, clock, actor, {
        action: 'company.update',
        entityType: 'company',
        entityId: companyId,
        ...diff,
      })
    }
  })
  return getCompany(deps, companyId)
}

function prefix(security: SecuritySettings) {
  return {
    'security.sessionIdleMinutes': security.sessionIdleMinutes,
    'security.sessionAbsoluteDays': security.sessionAbsoluteDays,
  }
}

/** The company's time zone alone: what most calls need to know "today", in one small query. */
export async function companyTimeZone({ db }: CoreDeps, companyId: number): Promise<string> {
  const row = await db
    .selectFrom('companies')
    .select('time_zone')
    .where('id', '=', companyId)
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', `company ${companyId}`)
  return row.time_zone
}
