import { AppError } from '@shared/errors'
import { formatInstant } from '@shared/dates'
import { deviceName } from '@shared/user-agent'
import { cliActor } from '../core/audit'
import { endUserSessions, getTwoFactor, setTwoFactor, userDevices } from '../core/auth'
import type { Db } from '../core/db'
import type { CommandArgs, CommandDef } from './commands'
import { cliDeps, firstCompanyId, withDb } from './db'
import { optionError } from './option-errors'
import { count } from './words'

/**
 * A user's sessions from the command line: what "Perangkat aktif" shows, and ending them all
 * (a lost phone, a departed employee) on the host itself. And the way back in when the 2FA rule
 * locks everyone out (the WhatsApp gateway is down): `two-factor off`.
 */
function usernameOf(values: CommandArgs['values']): string {
  const v = values.username
  if (typeof v !== 'string' || !v.trim()) throw optionError('username', 'cli.required')
  return v.trim().toLowerCase()
}

async function findUser(db: Db, username: string) {
  const user = await db
    .selectFrom('users')
    .innerJoin('companies', 'companies.id', 'users.company_id')
    .select(['users.id', 'users.username', 'users.company_id', 'companies.time_zone'])
    .where('users.username', '=', username)
    .executeTakeFirst()
  if (!user) throw new AppError('NOT_FOUND', `user ${username}`)
  return user
}

export const userCommands: Record<string, CommandDef> = {
  'user sessions': {
    usage: 'user sessions --username U   (live sign-in sessions and trusted devices)',
    stringOptions: ['username'],
    run: async ({ dataDir, values, out }) => {
      const username = usernameOf(values)
      const { user, list } = await withDb(dataDir, async (db) => {
        const user = await findUser(db, username)
        const list = await userDevices(
          cliDeps(db, dataDir),
          { userId: user.id, companyId: user.company_id },
          null,
        )
        return { user, list }
      })
      const sessions = list.sessions.map((s) => ({
        id: s.id,
        device: deviceName(s.userAgent),
        userAgent: s.userAgent,
        ip: s.ip,
        startedAt: s.createdAt,
        lastSeenAt: s.lastSeenAt,
      }))
      const when = (iso: string) => formatInstant(iso, user.time_zone)
      const lines = [
        `${user.username}: ${count(sessions.length)} sesi aktif, ${count(list.devices.length)} perangkat tepercaya.`,
        ...sessions.map(
          (s) =>
            `  #${s.id}  ${s.device}  ${s.ip}  masuk ${when(s.startedAt)}  terakhir ${when(s.lastSeenAt)}`,
        ),
        ...list.devices.map(
          (d) => `  perangkat tepercaya #${d.id}  ${d.name}  sampai ${when(d.expiresAt)}`,
        ),
      ]
      out.result(
        { ok: true, username: user.username, sessions, devices: list.devices },
        lines.join('\n'),
      )
      return 0
    },
  },
  'user end-sessions': {
    usage: 'user end-sessions --username U   (every session ends at its next request)',
    stringOptions: ['username'],
    run: async ({ dataDir, values, out }) => {
      const username = usernameOf(values)
      const { ended } = await withDb(dataDir, async (db) => {
        const user = await findUser(db, username)
        return endUserSessions(
          cliDeps(db, dataDir),
          { ...cliActor(user.company_id), companyId: user.company_id },
          { userId: user.id },
        )
      })
      out.result(
        { ok: true, username, ended },
        `${count(ended)} sesi ${username} diakhiri; perangkatnya harus masuk kembali.`,
      )
      return 0
    },
  },
  'two-factor off': {
    usage:
      'two-factor off   (nobody needs a WhatsApp code to sign in; for when the gateway is down)',
    run: async ({ dataDir, out }) => {
      await withDb(dataDir, async (db) => {
        const companyId = await firstCompanyId(db)
        const deps = cliDeps(db, dataDir)
        const before = await getTwoFactor(deps, companyId)
        if (before.mode === 'off') return
        // The host's own console acts with the owner's authority over this rule.
        await setTwoFactor(
          deps,
          { ...cliActor(companyId), companyId },
          { userId: 0, role: 'superadmin' },
          { mode: 'off', roles: [], userIds: [] },
        )
      })
      out.result(
        { ok: true, mode: 'off' },
        'Verifikasi dua langkah dimatikan: masuk cukup dengan kata sandi. Aktifkan lagi di Pengaturan Perusahaan → Keamanan.',
      )
      return 0
    },
  },
}
