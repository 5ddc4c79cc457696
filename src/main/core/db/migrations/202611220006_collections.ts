import { sql, type Kysely } from 'kysely'

/**
 * Collections on autopilot: the scheduler's jobs and their recorded runs, messaging channels,
 * templates and the durable outbox, promises to pay, the per-service log of automatic isolir and
 * restore (the idempotency guard of a replayed day), and the in-app notification centre.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Customers may refuse messages, and may be kept out of automatic isolir (VIP, a mosque, a
  // school) with the reason written down.
  await db.schema
    .alterTable('customers')
    .addColumn('messages_opt_out', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .alterTable('customers')
    .addColumn('no_isolir', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.alterTable('customers').addColumn('no_isolir_reason', 'text').execute()

  // One row per (company, job) once somebody pauses it; a missing row means "running".
  await db.schema
    .createTable('scheduled_jobs')
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('paused', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('scheduled_jobs_pk', ['company_id', 'job'])
    .execute()

  await db.schema
    .createTable('job_runs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('job', 'text', (c) => c.notNull())
    // The business day the run acted for (company time zone); replays pass it with --as-of.
    .addColumn('as_of', 'text', (c) => c.notNull())
    // schedule | manual | cli
    .addColumn('trigger', 'text', (c) => c.notNull())
    // running | done | failed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('counts_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('error', 'text')
    .addColumn('username', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute()
  await db.schema
    .createIndex('job_runs_company_started')
    .on('job_runs')
    .columns(['company_id', 'started_at'])
    .execute()
  await db.schema
    .createIndex('job_runs_company_job')
    .on('job_runs')
    .columns(['company_id', 'job', 'started_at'])
    .execute()

  // whatsapp (fonnte | wablas | url | baileys) and email (smtp). Tokens and passwords live only
  // inside `config_sealed` (SecretBox); the rest of the row is safe to show.
  await db.schema
    .createTable('message_channels')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('config_sealed', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    // Messages per minute: gateways ban numbers that burst.
    .addColumn('rate_per_minute', 'integer', (c) => c.notNull())
    // unknown | ok | error (last send or test), with the provider's words.
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('unknown'))
    .addColumn('status_detail', 'text')
    .addColumn('checked_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('message_channels_kind_uq', ['company_id', 'kind'])
    .execute()

  // Only edited templates are stored; the Indonesian defaults live in code.
  await db.schema
    .createTable('message_templates')
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('message_templates_pk', ['company_id', 'key'])
    .execute()

  // The outbox. A message is written before anything is sent, so a crash loses nothing; the
  // dedupe key makes "remind invoice 12 at D-3" happen once however often the day is replayed.
  await db.schema
    .createTable('messages')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('customer_id', 'integer', (c) => c.references('customers.id'))
    // whatsapp | email
    .addColumn('channel', 'text', (c) => c.notNull())
    // Normalised 62… number or e-mail address; '' when the customer has none.
    .addColumn('recipient', 'text', (c) => c.notNull())
    // The template key (reminder, isolir_notice, …), broadcast or test.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    // antri | terkirim | gagal | dilewati
    .addColumn('status', 'text', (c) => c.notNull())
    // Why it was skipped or failed: no_number, invalid_number, opted_out, channel_down, …
    .addColumn('reason', 'text')
    .addColumn('error_detail', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('provider_id', 'text')
    .addColumn('dedupe_key', 'text')
    // What the message is about (invoice, service, broadcast …), for links and the replay test.
    .addColumn('ref_type', 'text')
    .addColumn('ref_id', 'integer')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('messages_dedupe_uq')
    .on('messages')
    .columns(['company_id', 'dedupe_key'])
    .unique()
    .where(sql.ref('dedupe_key'), 'is not', null)
    .execute()
  await db.schema
    .createIndex('messages_due')
    .on('messages')
    .columns(['status', 'next_attempt_at'])
    .execute()
  await db.schema
    .createIndex('messages_company_created')
    .on('messages')
    .columns(['company_id', 'created_at'])
    .execute()
  await db.schema
    .createIndex('messages_customer')
    .on('messages')
    .columns(['customer_id', 'created_at'])
    .execute()
  await db.schema
    .createIndex('messages_channel_sent')
    .on('messages')
    .columns(['channel', 'sent_at'])
    .execute()

  await db.schema
    .createTable('promises_to_pay')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    // Automatic isolir waits until the end of this day.
    .addColumn('until_date', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('user_id', 'integer')
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .addColumn('cancelled_by', 'text')
    .execute()
  await db.schema
    .createIndex('promises_to_pay_customer')
    .on('promises_to_pay')
    .columns(['customer_id', 'until_date'])
    .execute()

  // What the automatic runs did to each service and why; one row per (service, action, day).
  await db.schema
    .createTable('collection_actions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    // isolir | restore
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('job_run_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('collection_actions_uq', ['service_id', 'action', 'as_of'])
    .execute()
  await db.schema
    .createIndex('collection_actions_company')
    .on('collection_actions')
    .columns(['company_id', 'as_of'])
    .execute()

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    // due_today | overdue | isolir_done | restore_done | messages_failing | router_jobs_failing
    .addColumn('kind', 'text', (c) => c.notNull())
    // Parameters of the (translated) title, e.g. {"count":12,"date":"2026-12-08"}.
    .addColumn('params_json', 'text', (c) => c.notNull().defaultTo('{}'))
    // The in-app path a click opens (/billing?…, /customers/12, /network?tab=jobs).
    .addColumn('link', 'text')
    // Who may see it: a permission (null = everyone who signs in).
    .addColumn('permission', 'text')
    .addColumn('dedupe_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('notifications_dedupe_uq')
    .on('notifications')
    .columns(['company_id', 'dedupe_key'])
    .unique()
    .where(sql.ref('dedupe_key'), 'is not', null)
    .execute()
  await db.schema
    .createIndex('notifications_company_created')
    .on('notifications')
    .columns(['company_id', 'created_at'])
    .execute()
  await db.schema
    .createTable('notification_reads')
    .addColumn('notification_id', 'integer', (c) => c.notNull().references('notifications.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_reads_pk', ['notification_id', 'user_id'])
    .execute()
}
