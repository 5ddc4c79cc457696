import type { Db } from '../../db'

export interface IsolirLandingInfo {
  name: string
  phone: string | null
  address: string
}

/**
 * What the isolir landing page says about the ISP. The page is shown to customers' browsers
 * redirected by the router, with no session: one office runs one company, so the first one.
 */
export async function isolirLandingInfo(db: Db): Promise<IsolirLandingInfo | null> {
  const row = await db
    .selectFrom('companies')
    .select(['name', 'phone', 'address'])
    .orderBy('id')
    .limit(1)
    .executeTakeFirst()
  return row ?? null
}
