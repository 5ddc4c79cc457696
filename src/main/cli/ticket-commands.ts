import { formatInstant } from '@shared/dates'
import { isAppError } from '@shared/errors'
import { openTicketInput, updateTicketInput } from '@shared/schemas'
import {
  TICKET_MEDIA,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  ticketStatusWords,
  type TicketStatus,
} from '@shared/tickets'
import { cliActor } from '../core/audit'
import { companyTimeZone } from '../core/companies'
import { customerIdByCode } from '../core/customers'
import {
  listTickets,
  openTicket,
  ticketIdByNumber,
  updateTicket,
  userIdByUsername,
  type TicketRow,
} from '../core/tickets'
import type { CommandArgs, CommandDef } from './commands'
import { cliDeps, firstCompanyId, withDb } from './db'
import { argumentError, optionError, schemaError } from './option-errors'
import { count } from './words'

const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined)

function oneOf<T extends string>(
  values: CommandArgs['values'],
  name: string,
  choices: readonly T[],
): T | undefined {
  const v = str(values[name])
  if (v === undefined) return undefined
  if (!(choices as readonly string[]).includes(v))
    throw optionError(name, 'cli.one_of', { choices: choices.join(', ') })
  return v as T
}

/** A lookup by what the operator typed; "not found" names the option to fix. */
async function lookup<T>(
  find: Promise<T>,
  option: string,
  messageKey: string,
  values: Record<string, unknown>,
): Promise<T> {
  try {
    return await find
  } catch (error) {
    if (
      isAppError(error) &&
      (error.code === 'NOT_FOUND' || error.code === 'TICKET_ASSIGNEE_INVALID')
    )
      throw option === 'NUMBER'
        ? argumentError(option, messageKey, values)
        : optionError(option, messageKey, values)
    throw error
  }
}

/** "2 jam 5 menit lagi" / "terlambat 40 menit": the SLA column of `ticket list`. */
function timeLeft(row: TicketRow): string {
  if (row.minutesLeft === null) return row.breached ? 'selesai melewati SLA' : ''
  const m = Math.abs(row.minutesLeft)
  const span =
    m >= 60 * 24
      ? `${Math.floor(m / 1440)} hari ${Math.floor((m % 1440) / 60)} jam`
      : m >= 60
        ? `${Math.floor(m / 60)} jam ${m % 60} menit`
        : `${m} menit`
  return row.breached ? `terlambat ${span}` : `${span} lagi`
}

/**
 * Tiket from the command line (issue 16): open one for a customer (prints its number), list
 * them with the time left to their SLA, and move one along (status, note, assignment, reopen
 * with a reason). The same core services as the API; customer messages are queued for the
 * host's sender.
 */
export const ticketCommands: Record<string, CommandDef> = {
  'ticket open': {
    usage:
      'ticket open --customer CODE --category C --priority rendah|sedang|tinggi|darurat --title T ' +
      '[--medium telepon|whatsapp|datang|email|portal] [--description D] [--serial SN] ' +
      '[--pic-name N] [--pic-phone P] [--assign USERNAME]',
    stringOptions: [
      'customer',
      'category',
      'priority',
      'title',
      'medium',
      'description',
      'serial',
      'pic-name',
      'pic-phone',
      'assign',
    ],
    options: {
      customerId: 'customer',
      deviceSerial: 'serial',
      picName: 'pic-name',
      picPhone: 'pic-phone',
      assigneeId: 'assign',
    },
    run: async ({ dataDir, values, out }) => {
      const code = str(values.customer)
      if (!code) throw optionError('customer', 'cli.required')
      if (!str(values.category)) throw optionError('category', 'cli.required')
      if (!str(values.priority)) throw optionError('priority', 'cli.required')
      if (!str(values.title)) throw optionError('title', 'cli.required')
      const priority = oneOf(values, 'priority', TICKET_PRIORITIES)
      const medium = oneOf(values, 'medium', TICKET_MEDIA)
      const result = await withDb(dataDir, async (db) => {
        const deps = cliDeps(db, dataDir)
        const companyId = await firstCompanyId(db)
        const actor = { ...cliActor(companyId), companyId }
        const assign = str(values.assign)
        const parsed = openTicketInput.safeParse({
          customerId: await lookup(
            customerIdByCode(deps, companyId, code),
            'customer',
            'cli.customer_not_found',
            { code },
          ),
          category: str(values.category),
          priority,
          medium,
          title: str(values.title),
          description: str(values.description),
          deviceSerial: str(values.serial),
          picName: str(values['pic-name']),
          picPhone: str(values['pic-phone']),
          assigneeId: assign
            ? await lookup(
                userIdByUsername(db, companyId, assign),
                'assign',
                'cli.user_not_found',
                {
                  username: assign,
                },
              )
            : null,
        })
        if (!parsed.success) throw schemaError(parsed.error)
        return openTicket(deps, actor, parsed.data, await companyTimeZone(deps, companyId))
      })
      out.result(
        { ok: true, ...result },
        result.number +
          (result.messages.queued
            ? '\n  pesan "keluhan diterima" masuk antrean'
            : result.messages.skipped
              ? '\n  pesan "keluhan diterima" dilewati (lihat riwayat pesan)'
              : ''),
      )
      return 0
    },
  },
  'ticket list': {
    usage: `ticket list [--status ${TICKET_STATUSES.join('|')}]`,
    stringOptions: ['status'],
    run: async ({ dataDir, values, out }) => {
      const status = oneOf(values, 'status', TICKET_STATUSES)
      const { rows, timeZone } = await withDb(dataDir, async (db) => {
        const deps = cliDeps(db, dataDir)
        const companyId = await firstCompanyId(db)
        return {
          rows: await listTickets(deps, companyId, { status, limit: 500 }),
          timeZone: await companyTimeZone(deps, companyId),
        }
      })
      const lines = rows.map((r) =>
        [
          r.number,
          formatInstant(r.createdAt, timeZone).slice(0, 10),
          ticketStatusWords(r.status),
          r.priority,
          r.categoryLabel,
          r.customerCode ?? '-',
          r.title,
          r.assigneeName ? `→ ${r.assigneeName}` : '',
          timeLeft(r),
        ]
          .filter(Boolean)
          .join('  '),
      )
      out.result(
        { ok: true, tickets: rows },
        rows.length
          ? [...lines, `${count(rows.length)} tiket.`].join('\n')
          : status
            ? `Tidak ada tiket berstatus ${ticketStatusWords(status)}.`
            : 'Belum ada tiket.',
      )
      return 0
    },
  },
  'ticket update': {
    usage: `ticket update NUMBER [--status ${TICKET_STATUSES.join('|')}] [--note N] [--assign USERNAME] [--reason R]`,
    stringOptions: ['status', 'note', 'assign', 'reason'],
    options: { assigneeId: 'assign' },
    run: async ({ dataDir, positionals, values, out }) => {
      const number = positionals[0]
      if (!number) throw argumentError('NUMBER', 'cli.ticket_number')
      const status = oneOf(values, 'status', TICKET_STATUSES)
      const result = await withDb(dataDir, async (db) => {
        const deps = cliDeps(db, dataDir)
        const companyId = await firstCompanyId(db)
        const actor = { ...cliActor(companyId), companyId }
        const assign = str(values.assign)
        const parsed = updateTicketInput.safeParse({
          id: await lookup(
            ticketIdByNumber(db, companyId, number),
            'NUMBER',
            'cli.ticket_not_found',
            {
              number,
            },
          ),
          status,
          note: str(values.note),
          reason: str(values.reason),
          ...(assign
            ? {
                assigneeId: await lookup(
                  userIdByUsername(db, companyId, assign),
                  'assign',
                  'cli.user_not_found',
                  { username: assign },
                ),
              }
            : {}),
        })
        if (!parsed.success) throw schemaError(parsed.error)
        return updateTicket(deps, actor, parsed.data, await companyTimeZone(deps, companyId))
      })
      out.result(
        { ok: true, ...result },
        `${result.number}: ${ticketStatusWords(result.status as TicketStatus)}` +
          (result.messages.queued ? '\n  pesan "keluhan selesai" masuk antrean' : ''),
      )
      return 0
    },
  },
}
