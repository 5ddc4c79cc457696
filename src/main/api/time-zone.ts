/**
 * The signed-in user's company time zone, for procedures that need today's date: read with the
 * session (resolveSession), so asking costs no query.
 */
export function timeZoneOf(ctx: { user: { timeZone: string } }): Promise<string> {
  return Promise.resolve(ctx.user.timeZone)
}
