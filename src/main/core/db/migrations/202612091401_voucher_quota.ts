import type { Kysely } from 'kysely'

/**
 * A data quota for hotspot vouchers (issue 18): `hotspot_profiles.quota_bytes` is what new
 * vouchers of the profile may move in total (RouterOS `limit-bytes-total`, set per user: a user
 * profile has no byte limit), null for none. `hotspot_batches.quota_bytes` is the profile's quota
 * when the batch was made, like its price and validity: editing a profile never changes vouchers
 * already made. Existing rows get null (no quota), so nothing on the routers changes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('hotspot_profiles').addColumn('quota_bytes', 'integer').execute()
  await db.schema.alterTable('hotspot_batches').addColumn('quota_bytes', 'integer').execute()
}
