import type { Kysely } from 'kysely'

/**
 * What a package does with usage (issue 18, seed 002), next to its quota (`data_cap_gb`):
 *
 * - `fup_download_kbps` / `fup_upload_kbps`: the speed past the quota (FUP). Both or neither.
 * - `fup_profile`: the PPP profile a PPPoE service moves to past the quota; null lets Loket name
 *   one from the package's profile when it keeps the speed on the router.
 * - `extra_gb_price`: rupiah per GB past the quota, billed in arrears (BILLING.md rule 17).
 * - `usage_gb_price`: pay-as-you-go, rupiah per GB of all usage, billed in arrears.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['fup_download_kbps', 'fup_upload_kbps', 'extra_gb_price', 'usage_gb_price'])
    await db.schema.alterTable('products').addColumn(column, 'integer').execute()
  await db.schema.alterTable('products').addColumn('fup_profile', 'text').execute()
}
