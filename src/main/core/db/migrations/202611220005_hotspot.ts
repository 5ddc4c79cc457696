import { sql, type Kysely } from 'kysely'

/**
 * Hotspot vouchers: profiles (what a voucher buys: speed, validity, price), batches of generated
 * codes, the vouchers themselves and their sales. The router gets them through the device queue
 * (`hotspot.push`, `hotspot.disable`); whether a batch reached its router is that job's status.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('hotspot_profiles')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('router_id', 'integer', (c) => c.notNull().references('routers.id'))
    // The /ip/hotspot/user/profile name on the router; fixed once created.
    .addColumn('name', 'text', (c) => c.notNull().modifyEnd(sql`COLLATE NOCASE`))
    // `rx/tx` as RouterOS writes it (rx = the client's upload), e.g. 2M/2M.
    .addColumn('rate_limit', 'text', (c) => c.notNull())
    // A RouterOS duration (1d, 7d, 30d): each voucher's limit-uptime.
    .addColumn('validity', 'text', (c) => c.notNull())
    .addColumn('shared_users', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('price', 'integer', (c) => c.notNull())
    // The hotspot's DNS name (e.g. wifi.net): the QR code then opens its login page.
    .addColumn('dns_name', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('hotspot_profiles_name_uq', ['router_id', 'name'])
    .execute()

  await db.schema
    .createTable('hotspot_batches')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('router_id', 'integer', (c) => c.notNull().references('routers.id'))
    .addColumn('profile_id', 'integer', (c) => c.notNull().references('hotspot_profiles.id'))
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('length', 'integer', (c) => c.notNull())
    // numeric | upper | lower | mixed
    .addColumn('charset', 'text', (c) => c.notNull())
    // 'voucher' (password = username) | 'userpass'
    .addColumn('mode', 'text', (c) => c.notNull())
    // What one voucher sold for and lasted when the batch was made (a later profile edit does not
    // reprice printed vouchers).
    .addColumn('price', 'integer', (c) => c.notNull())
    .addColumn('validity', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('hotspot_batches_company_idx')
    .on('hotspot_batches')
    .columns(['company_id', 'id'])
    .execute()

  await db.schema
    .createTable('hotspot_sales')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('hotspot_batches.id'))
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('unit_price', 'integer', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    // The company's calendar date of the sale: the revenue report's period.
    .addColumn('sale_date', 'text', (c) => c.notNull())
    .addColumn('cashier_id', 'integer', (c) => c.references('users.id'))
    .addColumn('cashier_name', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('hotspot_sales_date_idx')
    .on('hotspot_sales')
    .columns(['company_id', 'sale_date'])
    .execute()

  await db.schema
    .createTable('hotspot_vouchers')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('router_id', 'integer', (c) => c.notNull().references('routers.id'))
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('hotspot_batches.id'))
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('password', 'text', (c) => c.notNull())
    // aktif | nonaktif (disabled in Loket; the router follows through hotspot.disable)
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('aktif'))
    .addColumn('disabled_at', 'text')
    .addColumn('sale_id', 'integer', (c) => c.references('hotspot_sales.id'))
    .addUniqueConstraint('hotspot_vouchers_name_uq', ['router_id', 'username'])
    .execute()
  await db.schema
    .createIndex('hotspot_vouchers_batch_idx')
    .on('hotspot_vouchers')
    .columns(['batch_id', 'id'])
    .execute()
}
