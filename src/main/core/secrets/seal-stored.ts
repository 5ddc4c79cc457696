import { sql, type Kysely } from 'kysely'
import { writeTx, type Database } from '../db'
import { routerDestination } from '@shared/secret-destination'
import { isBound, isSealed, openLogin, type SecretBox } from './secret-box'

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

/**
 * Binds router passwords saved before secrets were bound to a destination: each is sealed again
 * for the address it is stored with (DESIGN.md: a saved secret is never sent elsewhere). A value
 * that cannot be opened (another data directory's key) is left for the operator to re-enter.
 * Gateway tokens need no pass: they are sealed inside their channel's settings, destination
 * included, and bound when read (core/messaging/channel-config).
 */
export async function bindStoredSecrets(db: Kysely<Database>, box: SecretBox): Promise<number> {
  const rows = await db
    .selectFrom('routers')
    .select(['id', 'host', 'port', 'tls', 'password_sealed'])
    .where(sql<boolean>`substr(password_sealed, 1, 3) = 'v1:'`)
    .execute()
  let bound = 0
  await writeTx(db, async (tx) => {
    for (const r of rows) {
      if (isBound(r.password_sealed)) continue
      let plain: string
      try {
        plain = box.open(r.password_sealed)
      } catch {
        continue
      }
      const destination = routerDestination({ host: r.host, port: r.port, tls: r.tls === 1 })
      await tx
        .updateTable('routers')
        .set({ password_sealed: box.sealFor(plain, destination) })
        .where('id', '=', r.id)
        .execute()
      bound++
    }
  })
  return bound
}

/**
 * Seals hotspot voucher codes an older version kept in clear (issue 13 #7) and gives each its
 * lookup key. In voucher mode the username is the code itself, so both columns are sealed.
 */
export async function sealStoredVouchers(db: Kysely<Database>, box: SecretBox): Promise<number> {
  const rows = await db
    .selectFrom('hotspot_vouchers')
    .select(['id', 'username', 'password'])
    .where((eb) =>
      eb.or([eb('username_key', 'is', null), eb(sql<string>`substr(password, 1, 3)`, '!=', 'v1:')]),
    )
    .execute()
  if (rows.length === 0) return 0
  await writeTx(db, async (tx) => {
    for (const r of rows) {
      // A row sealed under another data directory's key cannot be keyed: left as it is.
      const username = openLogin(box, r.username)
      const password = openLogin(box, r.password)
      if (username === null || password === null) continue
      await tx
        .updateTable('hotspot_vouchers')
        .set({
          username: box.seal(username),
          password: box.seal(password),
          username_key: box.lookupKey(username),
        })
        .where('id', '=', r.id)
        .execute()
    }
  })
  return rows.length
}
