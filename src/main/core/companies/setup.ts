import { AppError } from '@shared/errors'
import { passwordProblem } from '@shared/password-policy'
import type { z } from 'zod'
import type { cliSetupInput } from '@shared/schemas'
import { DEFAULT_SECURITY_SETTINGS } from '@shared/schemas'
import { appendAudit, type Actor } from '../audit'
import { createSession, hashPassword } from '../auth'
import { takeTurn, writeTx } from '../db'
import type { CoreDeps } from '../deps'
import { seedRolePermissions } from '../roles'
import { putSecuritySettings } from '../settings'

export async function needsSetup({ db }: CoreDeps): Promise<boolean> {
  const row = await db.selectFrom('companies').select('id').limit(1).executeTakeFirst()
  return !row
}

/** The wizard's data; the CLI variant differs only in allowing no phone. */
export type SetupData = z.output<typeof cliSetupInput>

export interface SetupResult {
  companyId: number
  userId: number
  /** A session for the new superadmin, so the wizard ends signed in. */
  token: string | null
}

/**
 * First run: the company and its first superadmin, in one transaction. Refused once any company
 * exists, so the wizard can never run twice — also not by a second browser racing the first.
 */
export async function completeSetup(
  deps: CoreDeps,
  input: SetupData,
  client: { ip: string; userAgent: string; createSession: boolean },
): Promise<SetupResult> {
  const { db, clock } = deps
  if (passwordProblem(input.admin.password, input.admin.username))
    throw new AppError('PASSWORD_TOO_WEAK')
  if (!(await needsSetup(deps))) throw new AppError('SETUP_ALREADY_DONE')
  const hash = await hashPassword(input.admin.password)
  return writeTx(db, async (tx) => {
    // Two browsers may finish the wizard at once; on PostgreSQL both would see no company yet.
    await takeTurn(tx, 'first-run-setup')
    const exists = await tx.selectFrom('companies').select('id').limit(1).executeTakeFirst()
    if (exists) throw new AppError('SETUP_ALREADY_DONE')
    const now = clock.now().toISOString()
    const company = await tx
      .insertInto('companies')
      .values({
        name: input.company.name,
        address: input.company.address,
        phone: input.company.phone,
        email: input.company.email,
        npwp: input.company.npwp,
        time_zone: input.company.timeZone,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await putSecuritySettings(tx, clock, company.id, DEFAULT_SECURITY_SETTINGS)
    await seedRolePermissions(tx, company.id)
    const user = await tx
      .insertInto('users')
      .values({
        company_id: company.id,
        name: input.admin.name,
        username: input.admin.username.toLowerCase(),
        role: 'superadmin',
        password_hash: hash,
        // The owner chose this password just now; no forced change.
        must_change_password: 0,
        active: 1,
        created_at: now,
        updated_at: now,
        password_changed_at: now,
      })
      .returning(['id', 'company_id'])
      .executeTakeFirstOrThrow()
    const actor: Actor = {
      companyId: company.id,
      userId: user.id,
      username: input.admin.username.toLowerCase(),
      ip: client.ip,
      userAgent: client.userAgent,
    }
    await appendAudit(tx, clock, actor, {
      action: 'setup.complete',
      entityType: 'company',
      entityId: company.id,
      after: {
        company: input.company.name,
        time_zone: input.company.timeZone,
        admin_username: actor.username,
      },
    })
    const token = client.createSession
      ? await createSession(tx, deps, user, { ip: client.ip, userAgent: client.userAgent })
      : null
    return { companyId: company.id, userId: user.id, token }
  })
}
