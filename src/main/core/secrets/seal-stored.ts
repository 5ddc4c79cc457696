import { sql, type Kysely } from 'kysely'
import { writeTx, type Database } from '../db'
import { isSealed, type SecretBox } from './secret-box'

/**
 * Seals the PPPoE/hotspot passwords a database kept in clear before this version (and any a
 * restore brought back). Run when a host or the CLI opens the data directory; nothing to do is
 * one indexed-free scan of services, a few milliseconds at 50,000.
 */
export async function sealStoredLogins(db: Kysely<Database>, box: SecretBox): Promise<number> {
  const rows = await db
    .selectFrom('services')
    .select(['id', 'pppoe_password'])
    .where('pppoe_password', 'is not', null)
    .where(sql<boolean>`substr(pppoe_password, 1, 3) != 'v1:'`)
    .execute()
  if (rows.length === 0) return 0
  await writeTx(db, async (tx) => {
    for (const r of rows) {
      if (r.pppoe_password === null || isSealed(r.pppoe_password)) continue
      await tx
        .updateTable('services')
        .set({ pppoe_password: box.seal(r.pppoe_password) })
        .where('id', '=', r.id)
        .execute()
    }
  })
  return rows.length
}
