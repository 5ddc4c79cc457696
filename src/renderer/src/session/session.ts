import { createContext, useContext } from 'react'
import type { inferRouterOutputs } from '@trpc/server'
import type { AppRouter } from '@api/router'
import { moduleOfPermission, type ModuleKey } from '@shared/modules'
import type { Permission } from '@shared/permissions'

export type RouterOutputs = inferRouterOutputs<AppRouter>
export type Me = RouterOutputs['auth']['me']

/** The signed-in user as `auth.me` describes them; the menu and the page guards read it. */
export interface Session {
  me: Me
  /**
   * Whether the user may open or do it now: the role holds the permission and, when the
   * permission belongs to a module (src/shared/modules.ts), that module is on. The menu, the page
   * guards and the buttons all ask this, so a module switched off is gone from all of them.
   */
  can: (permission: Permission) => boolean
  /** Whether the company has the module on. */
  moduleOn: (key: ModuleKey) => boolean
  /** The module that is off and closes this permission's pages, or null. */
  offModuleOf: (permission: Permission) => ModuleKey | null
}

export const SessionContext = createContext<Session | null>(null)

export function makeSession(me: Me): Session {
  const granted = new Set<string>(me.permissions)
  const moduleOn = (key: ModuleKey) => me.modules[key]
  const offModuleOf = (permission: Permission) => {
    const key = moduleOfPermission(permission)
    return key && !moduleOn(key) ? key : null
  }
  return {
    me,
    can: (permission) => granted.has(permission) && offModuleOf(permission) === null,
    moduleOn,
    offModuleOf,
  }
}

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession outside a signed-in route')
  return session
}
