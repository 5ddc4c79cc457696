import { createContext, useContext } from 'react'
import type { inferRouterOutputs } from '@trpc/server'
import type { AppRouter } from '@api/router'
import type { Permission } from '@shared/permissions'

export type RouterOutputs = inferRouterOutputs<AppRouter>
export type Me = RouterOutputs['auth']['me']

/** The signed-in user as `auth.me` describes them; the menu and the page guards read it. */
export interface Session {
  me: Me
  can: (permission: Permission) => boolean
}

export const SessionContext = createContext<Session | null>(null)

export function makeSession(me: Me): Session {
  const granted = new Set<string>(me.permissions)
  return { me, can: (permission) => granted.has(permission) }
}

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession outside a signed-in route')
  return session
}
