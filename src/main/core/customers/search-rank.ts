import { sql, type RawBuilder } from 'kysely'
import { normalisePhone } from '@shared/phone'
import type { Db } from '../db'

/**
 * The order of a search when nobody asked for one: what the cashier most likely meant first.
 *   0  the exact code, SID, PPPoE username or phone number typed;
 *   1  a name that begins with the words as typed ("tri ning" → Tri Ning Setyowati);
 *   2  a name with the words as typed later in it (Siti Tri Ningrum);
 *   3  a name with each typed word starting a word, in the typed order (Tri Ayu Ningsih);
 *   4  … in another order (Ning Tri Astuti);
 *   5  every other match (inside a word, or only in the address).
 * Then by name. A word is what spaces separate, in the name as in the search. Portable SQL
 * (lower, ||, LIKE, CASE) so it carries to PostgreSQL; on 15,000 matches of a one-word search
 * each tier costs well under a millisecond.
 */
export function relevanceRank(db: Db, companyId: number, q: string): RawBuilder<number> {
  // Digits are never part of a name: a number is a phone, code or SID, or part of one.
  const words = looksLikePhone(q.trim()) ? [] : nameWords(q)
  const exact = exactMatchIds(db, companyId, q)
  const tiers: RawBuilder<unknown>[] = []
  if (exact) tiers.push(sql`WHEN customers.id IN (${exact}) THEN 0`)
  if (words.length) {
    const name = nameForWords()
    const like = (pattern: string, tier: number) =>
      tiers.push(sql`WHEN ${name} LIKE ${pattern} THEN ${sql.lit(tier)}`)
    const adjacent = words.join(' ')
    like(` ${adjacent}%`, 1)
    like(`% ${adjacent}%`, 2)
    if (words.length > 1) {
      like(`% ${words.join('% ')}%`, 3)
      const every = sql.join(
        words.map((w) => sql`${name} LIKE ${`% ${w}%`}`),
        sql` AND `,
      )
      tiers.push(sql`WHEN ${every} THEN 4`)
    }
  }
  if (!tiers.length) return sql<number>`5`
  return sql<number>`CASE ${sql.join(tiers, sql` `)} ELSE 5 END`
}

/** The name, lower case, led by a space: `LIKE '% w%'` is then "a word starts with w". */
export function nameForWords(): RawBuilder<string> {
  return sql<string>`(' ' || lower(customers.name))`
}

/** The typed words as names are compared: lower case, split at spaces, no LIKE wildcards. */
export function nameWords(q: string): string[] {
  return q
    .toLowerCase()
    .replace(/[%_\\]/g, '')
    .split(/\s+/)
    .filter(Boolean)
}

/** Digits, perhaps grouped and with a leading +: 0812-3456-7890, +62 812 …, 3456789. */
export function looksLikePhone(text: string): boolean {
  return /^[+\d][\d\s().-]{3,}$/.test(text)
}

/**
 * The customers whose code, SID, PPPoE username or phone is exactly what was typed: one indexed
 * look-up per kind, evaluated once (not per matching row). Separate selects, not one OR: given
 * an OR the planner scanned every service of the company. A text with spaces can only be a
 * phone number written in groups.
 */
function exactMatchIds(db: Db, companyId: number, q: string) {
  const text = q.trim()
  const phone = looksLikePhone(text) ? normalisePhone(text) : null
  const single = text.length > 0 && !/\s/.test(text)
  // SIDs are generated in upper case and PPPoE usernames in lower case; people type either.
  const variants = [...new Set([text, text.toUpperCase(), text.toLowerCase()])]
  const customers = (column: 'code' | 'phone' | 'whatsapp', value: string) =>
    db
      .selectFrom('customers')
      .select('customers.id')
      .where('customers.company_id', '=', companyId)
      .where(`customers.${column}`, '=', value)
  const services = (column: 'sid' | 'pppoe_username') =>
    db
      .selectFrom('services')
      .select('services.customer_id as id')
      .where('services.company_id', '=', companyId)
      .where(`services.${column}`, 'in', variants)
  const lookups = [
    // Codes compare without case (the column is NOCASE).
    ...(single ? [customers('code', text), services('sid'), services('pppoe_username')] : []),
    ...(phone ? [customers('phone', phone), customers('whatsapp', phone)] : []),
  ]
  const [first, ...rest] = lookups
  return first ? rest.reduce((all, next) => all.unionAll(next), first) : null
}
