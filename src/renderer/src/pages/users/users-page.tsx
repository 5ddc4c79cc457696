import { Alert, Button, Group, Paper, Stack, TextInput, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconSearch, IconUserPlus } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { twoFactorCovers } from '@shared/schemas'
import { trpc } from '../../api/client'
import { errorMessage } from '../../api/errors'
import { PageLoader, QueryError } from '../../components/query-state'
import { useSession } from '../../session/session'
import { DeactivateModal } from './deactivate-modal'
import { ResetPasswordModal } from './reset-password-modal'
import { UserFormModal } from './user-form-modal'
import { UserDevicesModal } from './user-devices-modal'
import { UsersTable } from './users-table'
import { refreshUsers } from './refresh-users'
import type { UserDialog, UserRow } from './types'

export function UsersPage() {
  const { t } = useTranslation()
  const { me, can } = useSession()
  const [search, setSearch] = useState('')
  const [debounced] = useDebouncedValue(search.trim(), 250)
  const [dialog, setDialog] = useState<UserDialog>(null)
  const list = useQuery(
    trpc.users.list.queryOptions(
      { search: debounced || undefined, includeInactive: true },
      {
        placeholderData: (previous) => previous,
      },
    ),
  )
  const reactivate = useMutation(
    trpc.users.reactivate.mutationOptions({
      onSuccess: (user) => {
        notifications.show({ color: 'teal', message: t('users.reactivated', { name: user.name }) })
        refreshUsers()
      },
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
    }),
  )
  // Who must sign in with a WhatsApp code, and who of them has no number to receive it.
  const twoFactor = useQuery(
    trpc.company.twoFactor.queryOptions(undefined, { enabled: can('company.view') }),
  )
  const canManage = can('users.manage')
  // A lesser admin cannot touch a superadmin's account (the API refuses with SUPERADMIN_ONLY).
  const manageable = (user: UserRow) =>
    canManage && (me.user.role === 'superadmin' || user.role !== 'superadmin')

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1} fz="h2">
          {t('users.title')}
        </Title>
        {canManage && (
          <Button
            leftSection={<IconUserPlus size={18} />}
            onClick={() => setDialog({ kind: 'create' })}
          >
            {t('users.add')}
          </Button>
        )}
      </Group>
      {!!twoFactor.data?.withoutNumber.length && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="2fa-no-number">
          {t('twoFactor.withoutNumber', {
            names: twoFactor.data.withoutNumber.map((u) => u.name).join(', '),
          })}
        </Alert>
      )}
      <Paper withBorder radius="md" p="md">
        <Stack gap="md">
          <TextInput
            label={t('users.search')}
            placeholder={t('users.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            maw={360}
          />
          {list.isPending ? (
            <PageLoader />
          ) : list.isError ? (
            <QueryError error={list.error} onRetry={() => void list.refetch()} />
          ) : (
            <UsersTable
              users={list.data}
              meId={me.user.id}
              manageable={manageable}
              onEdit={(user) => setDialog({ kind: 'edit', user })}
              onReset={(user) => setDialog({ kind: 'reset', user })}
              // Another user's sessions are the superadmin's business only (the API checks).
              onDevices={
                me.user.role === 'superadmin'
                  ? (user) => setDialog({ kind: 'devices', user })
                  : undefined
              }
              onDeactivate={(user) => setDialog({ kind: 'deactivate', user })}
              onReactivate={(user) => reactivate.mutate({ id: user.id })}
              reactivatingId={reactivate.isPending ? reactivate.variables.id : null}
              twoFactor={(user) =>
                user.active && !!twoFactor.data && twoFactorCovers(twoFactor.data, user)
              }
            />
          )}
        </Stack>
      </Paper>
      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <UserFormModal
          user={dialog.kind === 'edit' ? dialog.user : null}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'reset' && (
        <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'devices' && (
        <UserDevicesModal user={dialog.user} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'deactivate' && (
        <DeactivateModal user={dialog.user} onClose={() => setDialog(null)} />
      )}
    </Stack>
  )
}
