import type { Kysely } from 'kysely'

/**
 * A search ranks the customer whose PPPoE username or WhatsApp number is exactly what was typed
 * first. Both are looked up per search, so they get indexes like the code, SID and phone have
 * (the PPPoE unique index leads with the router, which a search does not know).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('services_pppoe_username_idx')
    .on('services')
    .columns(['company_id', 'pppoe_username'])
    .execute()
  await db.schema
    .createIndex('customers_whatsapp_idx')
    .on('customers')
    .columns(['company_id', 'whatsapp'])
    .execute()
}
