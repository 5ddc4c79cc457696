/** Who does something and from where: every mutation in core takes one, for its audit entry. */
export interface Actor {
  companyId: number | null
  userId: number | null
  username: string | null
  /** Client address (LAN IP), `desktop` for the local window, `cli` for the command line. */
  ip: string | null
  userAgent: string | null
}

export function cliActor(companyId: number | null = null): Actor {
  const osUser = process.env.USERNAME ?? process.env.USER ?? 'unknown'
  return { companyId, userId: null, username: `cli:${osUser}`, ip: 'cli', userAgent: 'loket-cli' }
}
