import { sql, type Kysely } from 'kysely'

/**
 * Sign-in security (issue 13): locks that count the attempts they refuse, one-time codes (staff
 * 2FA, password reset and later the customer portal), trusted devices, and OTP messages that go
 * out ahead of the outbox's rate-limited queue without their code ever stored in clear.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Refused-while-locked attempts are counted on the lock; `closed` once its audit entry is written.
  await db.schema
    .alterTable('login_lockouts')
    .addColumn('refused', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .alterTable('login_lockouts')
    .addColumn('closed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  // Locks from before this version were audited attempt by attempt already.
  await sql`UPDATE login_lockouts SET closed = 1`.execute(db)

  await db.schema
    .createTable('otp_challenges')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.references('companies.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    // What the wrong-code lock is kept for: `user:12`, or the challenge itself for a decoy.
    .addColumn('subject_key', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('channel', 'text')
    .addColumn('recipient', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('sends', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ended_at', 'text')
    .addColumn('end_reason', 'text')
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('user_agent', 'text', (c) => c.notNull())
    .addColumn('data_json', 'text')
    .execute()
  await db.schema
    .createIndex('otp_challenges_subject')
    .on('otp_challenges')
    .columns(['purpose', 'subject_key', 'created_at'])
    .execute()

  await db.schema
    .createTable('otp_locks')
    .addColumn('key', 'text', (c) => c.primaryKey())
    // Wrong codes since the last right one or the last lock.
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_at', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('refused', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_sent_at', 'text')
    .execute()

  await db.schema
    .createTable('trusted_devices')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoke_reason', 'text')
    .execute()
  await db.schema
    .createIndex('trusted_devices_user')
    .on('trusted_devices')
    .column('user_id')
    .execute()

  // 1 = sent ahead of the rate-limited queue (sign-in and reset codes).
  await db.schema
    .alterTable('messages')
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  // The one-time code of an OTP message, sealed until it is sent, then erased.
  await db.schema.alterTable('messages').addColumn('secret_sealed', 'text').execute()
  await db.schema
    .createIndex('messages_urgent')
    .on('messages')
    .columns(['priority', 'status', 'next_attempt_at'])
    .where(sql.ref('priority'), '>', 0)
    .execute()
}
