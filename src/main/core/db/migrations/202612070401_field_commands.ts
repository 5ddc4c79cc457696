import type { Kysely } from 'kysely'

/**
 * The technician's phone (issue 16): every command a phone sends through `field.sync` (a note on
 * a ticket, a status change, later a survey report, a signed BAST, stock used) carries the UUID
 * the phone gave it when it was typed, possibly offline. The row is written in the same
 * transaction as the command's effect, and the unique key (company, uuid) makes each command
 * apply once: a replay, or the same command sent twice at once over a flaky LAN, finds the row
 * and answers `duplicate` with the original result. A refused command (`conflict`) is recorded
 * too, with its reason, so a replay never applies what was refused.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('field_commands')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    // The phone's UUID for the command (lower case).
    .addColumn('uuid', 'text', (c) => c.notNull())
    // ticket.note | ticket.status | … (core/field/kinds)
    .addColumn('kind', 'text', (c) => c.notNull())
    // The command's payload as the phone sent it (JSON).
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('username', 'text')
    // When the technician did it, by the phone's clock; received_at is the host's.
    .addColumn('client_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    // applied | conflict
    .addColumn('status', 'text', (c) => c.notNull())
    // A conflict's error code and its reason in Indonesian, as answered.
    .addColumn('code', 'text')
    .addColumn('reason', 'text')
    // What the command answered besides its status (JSON: the ticket's number and status …).
    .addColumn('result', 'text')
    .addUniqueConstraint('field_commands_uuid_uq', ['company_id', 'uuid'])
    .execute()
  await db.schema
    .createIndex('field_commands_user_idx')
    .on('field_commands')
    .columns(['user_id', 'received_at'])
    .execute()
}
