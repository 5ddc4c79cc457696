import { createCustomerSearchIndex } from '../dialect-ddl'
import { sql, type Kysely } from 'kysely'

/**
 * The customer model for every source document at once: a customer is a billing account with one
 * or more services (home broadband, cable TV + broadband households, corporate sites). Areas give
 * customer codes their prefix; products are the packages; nothing is ever deleted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('counters')
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('counters_pk', ['company_id', 'name'])
    .execute()

  await db.schema
    .createTable('areas')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('code_pattern', 'text', (c) => c.notNull().defaultTo('{AREA}-{0000}'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('areas_code_uq', ['company_id', 'code'])
    .execute()

  await db.schema
    .createTable('pops')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('area_id', 'integer', (c) => c.references('areas.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('pops_name_uq', ['company_id', 'name'])
    .execute()

  await db.schema
    .createTable('products')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('service_type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('monthly_price', 'integer', (c) => c.notNull())
    .addColumn('billing_mode', 'text', (c) => c.notNull().defaultTo('prepaid'))
    .addColumn('download_kbps', 'integer')
    .addColumn('upload_kbps', 'integer')
    .addColumn('router_profile', 'text')
    .addColumn('data_cap_gb', 'integer')
    .addColumn('fup_note', 'text')
    .addColumn('taxable', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('products_name_uq', ['company_id', 'name'])
    .execute()

  await db.schema
    .createTable('product_price_history')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id'))
    .addColumn('price', 'integer', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('user_id', 'integer')
    .addColumn('username', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('product_price_history_idx')
    .on('product_price_history')
    .columns(['product_id', 'effective_from'])
    .execute()

  // Special prices for an area or a community (a housing estate, a mosque's congregation…).
  await db.schema
    .createTable('price_lists')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('area_id', 'integer', (c) => c.references('areas.id'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('price_lists_name_uq', ['company_id', 'name'])
    .execute()
  await db.schema
    .createTable('price_list_items')
    .addColumn('price_list_id', 'integer', (c) => c.notNull().references('price_lists.id'))
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id'))
    .addColumn('price', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('price_list_items_pk', ['price_list_id', 'product_id'])
    .execute()

  await db.schema
    .createTable('customers')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    // NOCASE: codes and names sort and match as people read them, and prefix search uses the index.
    .addColumn('code', 'text', (c) => c.notNull().modifyEnd(sql`COLLATE NOCASE`))
    .addColumn('area_id', 'integer', (c) => c.notNull().references('areas.id'))
    .addColumn('name', 'text', (c) => c.notNull().modifyEnd(sql`COLLATE NOCASE`))
    .addColumn('category', 'text', (c) => c.notNull().defaultTo('rumah'))
    .addColumn('nik', 'text')
    .addColumn('phone', 'text')
    .addColumn('whatsapp', 'text')
    .addColumn('email', 'text')
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('latitude', 'real')
    .addColumn('longitude', 'real')
    .addColumn('npwp', 'text')
    .addColumn('account_manager_id', 'integer', (c) => c.references('users.id'))
    .addColumn('marketer', 'text')
    .addColumn('price_list_id', 'integer', (c) => c.references('price_lists.id'))
    .addColumn('notes', 'text')
    // Derived from the services (kept here so lists filter by it without a join).
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('registrasi'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('customers_code_uq', ['company_id', 'code'])
    .execute()
  await db.schema
    .createIndex('customers_phone_idx')
    .on('customers')
    .columns(['company_id', 'phone'])
    .execute()
  await db.schema
    .createIndex('customers_name_idx')
    .on('customers')
    .columns(['company_id', 'name'])
    .execute()
  await db.schema
    .createIndex('customers_area_idx')
    .on('customers')
    .columns(['company_id', 'area_id', 'status'])
    .execute()

  await db.schema
    .createTable('customer_attachments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createIndex('customer_attachments_customer_idx')
    .on('customer_attachments')
    .column('customer_id')
    .execute()

  await db.schema
    .createTable('services')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('sid', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('activation_date', 'text')
    .addColumn('billing_day', 'integer')
    .addColumn('price_override', 'integer')
    .addColumn('price_reason', 'text')
    .addColumn('installation_address', 'text')
    .addColumn('pppoe_username', 'text')
    .addColumn('pppoe_password', 'text')
    .addColumn('static_ip', 'text')
    .addColumn('router_id', 'integer')
    .addColumn('pop_id', 'integer', (c) => c.references('pops.id'))
    .addColumn('notes', 'text')
    .addColumn('terminated_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('services_sid_uq', ['company_id', 'sid'])
    .execute()
  await db.schema
    .createIndex('services_customer_idx')
    .on('services')
    .column('customer_id')
    .execute()
  await db.schema
    .createIndex('services_product_idx')
    .on('services')
    .columns(['product_id', 'status'])
    .execute()
  // A PPPoE username is unique per router; services without a router yet share router "0".
  await sql`CREATE UNIQUE INDEX services_pppoe_uq ON services (company_id, coalesce(router_id, 0), pppoe_username)
    WHERE pppoe_username IS NOT NULL`.execute(db)

  await db.schema
    .createTable('service_history')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_value', 'text')
    .addColumn('to_value', 'text')
    .addColumn('effective_date', 'text', (c) => c.notNull())
    // A downgrade waits for the next period: pending until applied.
    .addColumn('pending', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reason', 'text')
    .addColumn('user_id', 'integer')
    .addColumn('username', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('service_history_service_idx')
    .on('service_history')
    .columns(['service_id', 'id'])
    .execute()

  // Substring search over name, code, phones, address and SIDs (trigram: any 3+ characters).
  await createCustomerSearchIndex(db)

  for (const [role, permissions] of Object.entries(NEW_PERMISSION_DEFAULTS)) {
    for (const permission of permissions) {
      await sql`INSERT INTO role_permissions (company_id, role, permission)
        SELECT id, ${role}, ${permission} FROM companies WHERE true ON CONFLICT DO NOTHING`.execute(
        db,
      )
    }
  }
}

/** Companies set up before this migration get the new permissions' defaults too. */
export const NEW_PERMISSION_DEFAULTS: Record<string, string[]> = {
  admin_billing: ['customers.view', 'customers.manage', 'customers.import', 'catalog.view'],
  admin_support: ['customers.view', 'customers.manage', 'catalog.view'],
  technician: ['customers.view'],
  viewer: ['customers.view', 'catalog.view'],
}
