import type { Kysely } from 'kysely'
import { AppError } from '@shared/errors'
import type { Role } from '@shared/permissions'
import { twoFactorCovers, type TwoFactorSettings } from '@shared/schemas'
import { appendAudit, type Actor } from '../audit'
import { writeTx, type Database, type Db } from '../db'
import type { CoreDeps } from '../deps'
import { activeChannels } from '../messaging'
import { getTwoFactorSettings, putTwoFactorSettings } from '../settings'

/**
 * The company's 2FA rule: off, required for chosen roles, or required for chosen users. Only a
 * superadmin changes it; the WhatsApp channel must be on first, and a superadmin cannot make a
 * rule that would shut themselves out (covered, but no WhatsApp number).
 */
export { twoFactorCovers }

export async function twoFactorRequired(
  db: Db | Kysely<Database>,
  user: { id: number; role: string; company_id: number },
): Promise<boolean> {
  return twoFactorCovers(await getTwoFactorSettings(db, user.company_id), user)
}

export interface TwoFactorView extends TwoFactorSettings {
  /** The WhatsApp channel is set up and on: codes can go out. */
  whatsappReady: boolean
  /** Active users the rule covers who have no WhatsApp number yet (they cannot sign in). */
  withoutNumber: { id: number; name: string; username: string }[]
}

async function coveredWithoutNumber(
  db: Db | Kysely<Database>,
  companyId: number,
  s: TwoFactorSettings,
) {
  const users = await db
    .selectFrom('users')
    .select(['id', 'name', 'username', 'role', 'phone'])
    .where('company_id', '=', companyId)
    .where('active', '=', 1)
    .orderBy('name')
    .execute()
  return users.filter((u) => !u.phone && twoFactorCovers(s, u))
}

export async function getTwoFactor({ db }: CoreDeps, companyId: number): Promise<TwoFactorView> {
  const settings = await getTwoFactorSettings(db, companyId)
  return {
    ...settings,
    whatsappReady: (await activeChannels(db, companyId)).has('whatsapp'),
    withoutNumber: (await coveredWithoutNumber(db, companyId, settings)).map((u) => ({
      id: u.id,
      name: u.name,
      username: u.username,
    })),
  }
}

export async function setTwoFactor(
  deps: CoreDeps,
  actor: Actor & { companyId: number },
  acting: { userId: number; role: Role },
  input: TwoFactorSettings,
): Promise<TwoFactorView> {
  if (acting.role !== 'superadmin') throw new AppError('SUPERADMIN_ONLY')
  const { db, clock } = deps
  // Only what the mode uses is kept: a switch back to "roles" does not resurrect an old list.
  const next: TwoFactorSettings = {
    mode: input.mode,
    roles: input.mode === 'roles' ? [...new Set(input.roles)] : [],
    userIds: input.mode === 'users' ? [...new Set(input.userIds)] : [],
  }
  await writeTx(db, async (tx) => {
    if (next.mode !== 'off' && !(await activeChannels(tx, actor.companyId)).has('whatsapp')) {
      throw new AppError('TWO_FACTOR_NEEDS_WHATSAPP')
    }
    if (next.userIds.length) {
      const found = await tx
        .selectFrom('users')
        .select('id')
        .where('company_id', '=', actor.companyId)
        .where('id', 'in', next.userIds)
        .execute()
      if (found.length !== next.userIds.length) throw new AppError('NOT_FOUND', 'user')
    }
    const missing = await coveredWithoutNumber(tx, actor.companyId, next)
    if (missing.some((u) => u.id === acting.userId)) throw new AppError('TWO_FACTOR_SELF_NO_PHONE')
    const before = await getTwoFactorSettings(tx, actor.companyId)
    await putTwoFactorSettings(tx, clock, actor.companyId, next)
    await appendAudit(tx, clock, actor, {
      action: 'company.two_factor',
      entityType: 'company',
      entityId: actor.companyId,
      before: { ...before },
      after: { ...next },
    })
  })
  return getTwoFactor(deps, actor.companyId)
}
