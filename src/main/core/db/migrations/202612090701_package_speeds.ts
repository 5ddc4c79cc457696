import type { Kysely } from 'kysely'

/**
 * Package speeds on the router (issue 18): Loket pushes a package's speed as a PPP profile
 * (PPPoE) or a simple queue per service (static IP) through the device queue.
 *
 * - `products.burst_*`: the optional burst of a package (rates in kbps, time in seconds), next to
 *   the download/upload speeds that were already stored.
 * - `products.speed_on_router`: whether Loket owns the speed on the router. Existing packages
 *   get 0: their named profile keeps working exactly as before and Loket never changes its
 *   rate-limit until the operator switches it on in the package form. New packages made in the
 *   form start with it on.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of [
    'burst_download_kbps',
    'burst_upload_kbps',
    'burst_threshold_download_kbps',
    'burst_threshold_upload_kbps',
    'burst_time_s',
  ])
    await db.schema.alterTable('products').addColumn(column, 'integer').execute()
  await db.schema
    .alterTable('products')
    .addColumn('speed_on_router', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
}
