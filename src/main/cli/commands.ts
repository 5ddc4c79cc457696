import { randomBytes } from 'node:crypto'
import { cliSetupInput } from '@shared/schemas'
import { cliActor, verifyAuditChain } from '../core/audit'
import { completeSetup } from '../core/companies'
import { migrateToLatest, openDatabase } from '../core/db'
import { cliDeps, withDb } from './db'
import { resetUserPassword } from '../core/users'
import type { Output } from './output'
import { count } from './words'
import { optionError, schemaError } from './option-errors'

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
  if (!v) throw optionError(name, 'cli.required')
  return v
}

/** Why the audit chain broke, for the person reading `audit verify`. */
const BROKEN_WORDS = {
  hash_mismatch: 'isi entri tidak cocok dengan hash-nya',
  prev_hash_mismatch: 'tautan ke entri sebelumnya putus',
  id_gap: 'ada entri yang hilang',
} as const

export interface CommandDef {
  usage: string
  /** Options that take a value; every other flag is a boolean. */
  stringOptions?: string[]
  /**
   * The option behind a schema field whose name differs (`customerId` → `customer`), so a
   * validation error names what to fix on the command line (see option-errors.ts).
   */
  options?: Record<string, string>
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
    options: {
      'company.name': 'company',
      'admin.name': 'admin-name',
      'admin.username': 'admin-user',
      'admin.password': 'admin-password',
    },
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
      if (!parsed.success) throw schemaError(parsed.error)
      const result = await withDb(dataDir, (db) =>
        completeSetup(cliDeps(db, dataDir), parsed.data, {
          ip: 'cli',
          userAgent: 'loket-cli',
          createSession: false,
        }),
      )
      out.result(
        { ok: true, companyId: result.companyId, userId: result.userId },
        `Perusahaan dibuat (id ${result.companyId}); superadmin ${parsed.data.admin.username} sudah bisa masuk.`,
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
            ? `Diterapkan: ${report.applied.join(', ')}`
            : `Database sudah versi terbaru (${report.current}).`,
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
        `Kata sandi ${user.username} direset; wajib diganti saat masuk berikutnya.` +
          (generated ? `\nKata sandi sementara: ${password}` : ''),
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
          ? `Rantai audit utuh: ${count(result.entries)} entri.`
          : `Rantai audit RUSAK pada entri ${result.firstBrokenId} (${BROKEN_WORDS[result.reason]}); ` +
              `${count(result.entries)} entri sebelumnya utuh.`,
      )
      return result.ok ? 0 : 1
    },
  },
}
