import { Center, Container } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useMemo, type ReactNode } from 'react'
import { Navigate, Outlet, useLocation } from 'react-router'
import type { Permission } from '@shared/permissions'
import { trpc } from '../api/client'
import { useToken } from '../api/token'
import { PageLoader, QueryError } from '../components/query-state'
import { SessionContext, makeSession, useSession } from '../session/session'
import { NoAccessPage } from '../pages/no-access-page'
import { ModuleDisabledPage } from '../pages/module-disabled-page'

function FullPage({ children }: { children: ReactNode }) {
  return (
    <Center mih="100vh">
      <Container size={480} w="100%">
        {children}
      </Container>
    </Center>
  )
}

/** Until a company exists only the wizard is reachable; afterwards the wizard is gone for good. */
export function SetupGate() {
  const { pathname } = useLocation()
  const status = useQuery(trpc.setup.status.queryOptions(undefined, { staleTime: Infinity }))
  if (status.isPending) return <PageLoader />
  if (status.isError) {
    return (
      <FullPage>
        <QueryError error={status.error} onRetry={() => void status.refetch()} />
      </FullPage>
    )
  }
  const onSetup = pathname === '/setup'
  if (status.data.needsSetup && !onSetup) return <Navigate to="/setup" replace />
  if (!status.data.needsSetup && onSetup) return <Navigate to="/login" replace />
  return <Outlet />
}

/**
 * Everything past sign-in: needs a token and a live session (`auth.me`). An ended session is
 * caught by the API client, which drops the token; this guard then shows the sign-in page.
 */
export function RequireSession() {
  const token = useToken()
  // Back to the page asked for after signing in (a technician's bookmark of /lapangan).
  const { pathname } = useLocation()
  const me = useQuery(trpc.auth.me.queryOptions(undefined, { enabled: token !== null }))
  const session = useMemo(() => (me.data ? makeSession(me.data) : null), [me.data])
  if (!token) return <Navigate to="/login" replace state={{ from: pathname }} />
  if (me.isError) {
    return (
      <FullPage>
        <QueryError error={me.error} onRetry={() => void me.refetch()} />
      </FullPage>
    )
  }
  if (!session) return <PageLoader />
  return (
    <SessionContext.Provider value={session}>
      <Outlet />
    </SessionContext.Provider>
  )
}

/** A password reset by an admin must be replaced before anything else can be opened. */
export function RequirePasswordChanged() {
  const { me } = useSession()
  if (me.user.mustChangePassword) return <Navigate to="/change-password" replace />
  return <Outlet />
}

/**
 * The page, or a clear "no access" page: the menu hides it, but a typed URL still lands here. A
 * page of a module the company switched off says so instead (whatever the role).
 */
export function RequirePermission({
  permission,
  children,
}: {
  permission: Permission
  children: ReactNode
}) {
  const { can, offModuleOf } = useSession()
  const off = offModuleOf(permission)
  if (off) return <ModuleDisabledPage module={off} />
  return can(permission) ? children : <NoAccessPage />
}
