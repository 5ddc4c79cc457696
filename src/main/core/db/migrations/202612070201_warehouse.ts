import { sql, type Kysely } from 'kysely'

/**
 * Gudang (issue 16): items, warehouses, the stock ledger with its balances, serial-numbered
 * units followed to the customer, and requests from installations and tickets.
 *
 * Stock is held by a warehouse or by a technician (what was issued to him and not yet used or
 * returned): `holder_kind` 'warehouse' | 'technician' with `holder_id` the warehouse's or the
 * user's id. `stock_balances` is one row per item and holder, changed in the same transaction
 * as the ledger line that explains it; a decrease is a conditional UPDATE (qty >= n), so a
 * quantity never goes below zero even when two issues run at once. Quantities are whole units
 * (pieces, metres, rolls).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stock_items')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    // pcs | meter | roll | unit | box
    .addColumn('unit', 'text', (c) => c.notNull())
    // 1: every unit has its own serial number (an ONT), issued and followed one by one.
    .addColumn('serial', 'integer', (c) => c.notNull())
    // A movement that leaves the warehouses' total at or below this tells the office (0: never).
    .addColumn('low_threshold', 'integer', (c) => c.notNull())
    // When the total went low (the notification was sent); null again once above the threshold.
    .addColumn('low_since', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('stock_items_name_uq', ['company_id', 'name'])
    .execute()

  await db.schema
    .createTable('warehouses')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('warehouses_name_uq', ['company_id', 'name'])
    .execute()

  await db.schema
    .createTable('stock_balances')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('stock_items.id'))
    .addColumn('holder_kind', 'text', (c) => c.notNull())
    .addColumn('holder_id', 'integer', (c) => c.notNull())
    .addColumn('qty', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('stock_balances_holder_uq', ['item_id', 'holder_kind', 'holder_id'])
    .addCheckConstraint('stock_balances_not_negative', sql`qty >= 0`)
    .execute()
  await db.schema
    .createIndex('stock_balances_company_idx')
    .on('stock_balances')
    .columns(['company_id', 'holder_kind', 'holder_id'])
    .execute()

  await db.schema
    .createTable('stock_requests')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    // installation | ticket (with the id of that installation or ticket), or null (by hand)
    .addColumn('for_kind', 'text')
    .addColumn('for_id', 'integer')
    .addColumn('warehouse_id', 'integer', (c) => c.notNull().references('warehouses.id'))
    .addColumn('technician_id', 'integer', (c) => c.references('users.id'))
    .addColumn('customer_id', 'integer', (c) => c.references('customers.id'))
    .addColumn('service_id', 'integer', (c) => c.references('services.id'))
    // diminta | disetujui | dikeluarkan | ditolak
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('requested_by', 'text')
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('reason', 'text')
    .addColumn('issued_by', 'text')
    .addColumn('issued_at', 'text')
    .execute()
  await db.schema
    .createIndex('stock_requests_status_idx')
    .on('stock_requests')
    .columns(['company_id', 'status', 'requested_at'])
    .execute()
  await db.schema
    .createIndex('stock_requests_for_idx')
    .on('stock_requests')
    .columns(['company_id', 'for_kind', 'for_id'])
    .execute()

  await db.schema
    .createTable('stock_request_lines')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('request_id', 'integer', (c) => c.notNull().references('stock_requests.id'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('stock_items.id'))
    .addColumn('qty', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('stock_request_lines_request_idx')
    .on('stock_request_lines')
    .column('request_id')
    .execute()

  // The ledger: append-only, one line per holder whose balance changed. An issue from a
  // warehouse to a technician is two lines (warehouse −n, technician +n) sharing `batch`.
  await db.schema
    .createTable('stock_movements')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('batch', 'text', (c) => c.notNull())
    .addColumn('item_id', 'integer', (c) => c.notNull().references('stock_items.id'))
    // in | issue | return | use | adjust
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('holder_kind', 'text', (c) => c.notNull())
    .addColumn('holder_id', 'integer', (c) => c.notNull())
    // Signed: +n into this holder, −n out of it.
    .addColumn('qty', 'integer', (c) => c.notNull())
    // The holder's balance of this item after this line.
    .addColumn('balance_after', 'integer', (c) => c.notNull())
    .addColumn('request_id', 'integer', (c) => c.references('stock_requests.id'))
    .addColumn('customer_id', 'integer', (c) => c.references('customers.id'))
    .addColumn('service_id', 'integer', (c) => c.references('services.id'))
    // The serial numbers moved by this line, JSON array (serial-numbered items).
    .addColumn('serials_json', 'text')
    .addColumn('note', 'text')
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('username', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  // The stock card: an item's lines per holder in order.
  await db.schema
    .createIndex('stock_movements_card_idx')
    .on('stock_movements')
    .columns(['item_id', 'holder_kind', 'holder_id', 'id'])
    .execute()
  await db.schema
    .createIndex('stock_movements_company_idx')
    .on('stock_movements')
    .columns(['company_id', 'at'])
    .execute()
  await db.schema
    .createIndex('stock_movements_service_idx')
    .on('stock_movements')
    .column('service_id')
    .execute()

  // One row per serial-numbered unit: where it is now (a warehouse, a technician, or installed
  // at a customer's service). Its history is the ledger lines naming its serial.
  await db.schema
    .createTable('stock_serials')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('stock_items.id'))
    .addColumn('serial', 'text', (c) => c.notNull())
    // warehouse | technician | customer
    .addColumn('holder_kind', 'text', (c) => c.notNull())
    .addColumn('holder_id', 'integer')
    .addColumn('customer_id', 'integer', (c) => c.references('customers.id'))
    .addColumn('service_id', 'integer', (c) => c.references('services.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('stock_serials_uq', ['company_id', 'serial'])
    .execute()
  await db.schema
    .createIndex('stock_serials_item_idx')
    .on('stock_serials')
    .columns(['item_id', 'holder_kind', 'holder_id'])
    .execute()
  await db.schema
    .createIndex('stock_serials_service_idx')
    .on('stock_serials')
    .column('service_id')
    .execute()

  await grantWarehousePermissions(db)
}

/**
 * Companies set up before Gudang get the defaults a new company gets: Admin Support manages
 * the warehouse, technicians see it (and use stock through their own jobs), Admin Tagihan and
 * Pemantau see it.
 */
export async function grantWarehousePermissions(db: Kysely<unknown>): Promise<void> {
  for (const [role, permission] of [
    ['admin_support', 'warehouse.view'],
    ['admin_support', 'warehouse.manage'],
    ['technician', 'warehouse.view'],
    ['admin_billing', 'warehouse.view'],
    ['viewer', 'warehouse.view'],
  ] as const) {
    await sql`INSERT INTO role_permissions (company_id, role, permission)
      SELECT id, ${role}, ${permission} FROM companies WHERE true ON CONFLICT DO NOTHING`.execute(
      db,
    )
  }
}
