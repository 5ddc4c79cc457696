import { notifications } from '@mantine/notifications'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { queryClient, trpc } from '../../api/client'
import type { RouterOutputs } from '../../session/session'

export type UserDevices = RouterOutputs['auth']['sessions']
export type SessionRow = UserDevices['sessions'][number]
export type TrustedDeviceRow = UserDevices['devices'][number]

/** Whose devices: one's own ("Perangkat aktif"), or another user's (superadmin, Pengguna page). */
export type DeviceScope = { kind: 'own' } | { kind: 'user'; userId: number; name: string }

/**
 * The list and its three actions for either scope. Both go through the API, which ends a session
 * at its next request; the list is refetched after every change.
 */
export function useDeviceActions(scope: DeviceScope) {
  const { t } = useTranslation()
  const userId = scope.kind === 'user' ? scope.userId : 0
  const own = useQuery(
    trpc.auth.sessions.queryOptions(undefined, { enabled: scope.kind === 'own' }),
  )
  const theirs = useQuery(
    trpc.users.sessions.queryOptions({ id: userId }, { enabled: scope.kind === 'user' }),
  )
  const refresh = () => {
    void queryClient.invalidateQueries(trpc.auth.sessions.pathFilter())
    void queryClient.invalidateQueries(trpc.users.sessions.pathFilter())
  }
  const ended = (r: { ended: number }) => {
    notifications.show({ color: 'teal', message: t('devices.endedCount', { count: r.ended }) })
    refresh()
  }
  const revoked = () => {
    notifications.show({ color: 'teal', message: t('devices.revoked') })
    refresh()
  }
  const endOwn = useMutation(trpc.auth.endSession.mutationOptions({ onSuccess: ended }))
  const endTheirs = useMutation(trpc.users.endSessions.mutationOptions({ onSuccess: ended }))
  const endOthers = useMutation(trpc.auth.endOtherSessions.mutationOptions({ onSuccess: ended }))
  const revokeOwn = useMutation(trpc.auth.revokeDevice.mutationOptions({ onSuccess: revoked }))
  const revokeTheirs = useMutation(trpc.users.revokeDevice.mutationOptions({ onSuccess: revoked }))

  const isOwn = scope.kind === 'own'
  return {
    list: isOwn ? own : theirs,
    /** One session; `undefined` ends every session of the user (all others, on one's own). */
    end: {
      run: (sessionId: number | undefined, done: () => void) => {
        if (isOwn && sessionId) endOwn.mutate({ id: sessionId }, { onSuccess: done })
        else if (isOwn) endOthers.mutate(undefined, { onSuccess: done })
        else endTheirs.mutate({ id: userId, sessionId }, { onSuccess: done })
      },
      pending: endOwn.isPending || endOthers.isPending || endTheirs.isPending,
      error: endOwn.error ?? endOthers.error ?? endTheirs.error,
      reset: () => [endOwn, endOthers, endTheirs].forEach((m) => m.reset()),
    },
    revoke: {
      run: (deviceId: number, done: () => void) => {
        if (isOwn) revokeOwn.mutate({ id: deviceId }, { onSuccess: done })
        else revokeTheirs.mutate({ id: userId, deviceId }, { onSuccess: done })
      },
      pending: revokeOwn.isPending || revokeTheirs.isPending,
      error: revokeOwn.error ?? revokeTheirs.error,
      reset: () => [revokeOwn, revokeTheirs].forEach((m) => m.reset()),
    },
  }
}
