import { userInfo } from 'node:os'

/** Who does something and from where: every mutation in core takes one, for its audit entry. */
export interface Actor {
  companyId: number | null
  userId: number | null
  username: string | null
  /** Client address (LAN IP), `desktop` for the local window, `cli` for the command line. */
  ip: string | null
  userAgent: string | null
}

/** The computer account running the CLI; shells without USER/USERNAME still have one. */
function osUser(): string {
  const fromEnv = process.env.USERNAME ?? process.env.USER
  if (fromEnv) return fromEnv
  try {
    return userInfo().username || 'unknown'
  } catch {
    return 'unknown'
  }
}

export function cliActor(companyId: number | null = null): Actor {
  return { companyId, userId: null, username: `cli:${osUser()}`, ip: 'cli', userAgent: 'loket-cli' }
}
