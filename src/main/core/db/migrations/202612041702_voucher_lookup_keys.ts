import type { Kysely } from 'kysely'

/**
 * Voucher codes are sealed at rest like PPPoE passwords (issue 13 #7): `username` and `password`
 * hold sealed values, and `username_key` a keyed digest of the code (SecretBox.lookupKey) so a new
 * batch never repeats a code on its router. Existing rows are sealed and keyed when a host or
 * the CLI opens the data directory (core/secrets sealStoredVouchers): that needs the key, which a
 * migration does not have. The old unique (router_id, username) stays; sealed values never match.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('hotspot_vouchers').addColumn('username_key', 'text').execute()
  await db.schema
    .createIndex('hotspot_vouchers_key_uq')
    .on('hotspot_vouchers')
    .columns(['router_id', 'username_key'])
    .unique()
    .execute()
}
