import { randomBytes } from 'node:crypto'
import { AppError } from '@shared/errors'
import { cliSetupInput } from '@shared/schemas'
import { cliActor, verifyAuditChain } from '../core/audit'
import { completeSetup } from '../core/companies'
import { migrateToLatest, openDatabase } from '../core/db'
import { cliDeps, withDb } from './db'
import { resetUserPassword } from '../core/users'
import type { Output } from './output'

export interface CommandArgs {
  dataDir: string
  /** Words after the command's name, e.g. the FILE of `import customers FILE`. */
  positionals: string[]
  values: Record<string, string | boolean | undefined>
  /** The values of repeatable options (CommandDef.listOptions), empty when not given. */
  lists: Record<string, string[]>
  out: Output
}

type Command = (args: CommandArgs) => Promise<number>

const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined)

function required(values: CommandArgs['values'], name: string): string {
  const v = str(values[name])
  if (!v) throw new AppError('VALIDATION', `--${name} is required`, { option: name })
  return v
}

export interface CommandDef {
  usage: string
  /** Options that take a value; every other flag is a boolean. */
  stringOptions?: string[]
  /** Options that take a value and may be given several times (`--router-for A=X --router-for B=Y`). */
  listOptions?: string[]
  run: Command
}

export const commands: Record<string, CommandDef> = {
  init: {
    usage:
      'init --company NAME --admin-user U --admin-password P [--admin-name N] [--phone 08…] ' +
      '[--address A] [--email E] [--npwp N] [--time-zone Asia/Jakarta|Asia/Makassar|Asia/Jayapura]',
    stringOptions: [
      'company',
      'admin-user',
      'admin-password',
      'admin-name',
      'phone',
      'address',
      'email',
      'npwp',
      'time-zone',
    ],
    run: async ({ dataDir, values, out }) => {
      const parsed = cliSetupInput.safeParse({
        company: {
          name: required(values, 'company'),
          address: str(values.address) ?? '',
          phone: str(values.phone),
          email: str(values.email),
          npwp: str(values.npwp),
          timeZone: str(values['time-zone']) ?? 'Asia/Jakarta',
        },
        admin: {
          name: str(values['admin-name']) ?? required(values, 'admin-user'),
          username: required(values, 'admin-user'),
          password: required(values, 'admin-password'),
        },
      })
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({
          path: i.path.join('.'),
          message: i.message,
        }))
        throw new AppError('VALIDATION', issues.map((i) => `${i.path}: ${i.message}`).join('; '), {
          issues,
        })
      }
      const result = await withDb(dataDir, (db) =>
        completeSetup(cliDeps(db, dataDir), parsed.data, {
          ip: 'cli',
          userAgent: 'loket-cli',
          createSession: false,
        }),
      )
      out.result(
        { ok: true, companyId: result.companyId, userId: result.userId },
        `Company created (id ${result.companyId}); superadmin ${parsed.data.admin.username} can sign in.`,
      )
      return 0
    },
  },
  migrate: {
    usage: 'migrate',
    run: async ({ dataDir, out }) => {
      const db = openDatabase(dataDir)
      try {
        const report = await migrateToLatest(db)
        out.result(
          { ok: true, applied: report.applied, current: report.current },
          report.applied.length
            ? `Applied: ${report.applied.join(', ')}`
            : `Up to date (${report.current}).`,
        )
      } finally {
        await db.destroy()
      }
      return 0
    },
  },
  'user reset-password': {
    usage:
      'user reset-password --username U [--password P]   (a temporary password is generated when omitted)',
    stringOptions: ['username', 'password'],
    run: async ({ dataDir, values, out }) => {
      const username = required(values, 'username')
      const generated = !str(values.password)
      const password = str(values.password) ?? randomBytes(9).toString('base64url')
      const user = await withDb(dataDir, (db) =>
        resetUserPassword(
          cliDeps(db, dataDir),
          cliActor(),
          null,
          { companyId: null, username },
          password,
        ),
      )
      out.result(
        {
          ok: true,
          username: user.username,
          mustChangePassword: true,
          ...(generated ? { temporaryPassword: password } : {}),
        },
        `Password of ${user.username} reset; it must be changed at next sign-in.` +
          (generated ? `\nTemporary password: ${password}` : ''),
      )
      return 0
    },
  },
  'audit verify': {
    usage: 'audit verify',
    run: async ({ dataDir, out }) => {
      const result = await withDb(dataDir, (db) => verifyAuditChain(db))
      out.result(
        result,
        result.ok
          ? `Audit chain intact: ${result.entries} entries.`
          : `Audit chain BROKEN at entry ${result.firstBrokenId} (${result.reason}); ${result.entries} entries before it are intact.`,
      )
      return result.ok ? 0 : 1
    },
  },
}
