import { ActionIcon, Badge, Button, EmptyState, Group, Table, Text, Tooltip } from '@mantine/core'
import { IconDevices, IconUsers } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { formatPhone } from '@shared/phone'
import type { UserRow } from './types'

interface Props {
  users: UserRow[]
  meId: number
  manageable: (user: UserRow) => boolean
  onEdit: (user: UserRow) => void
  onReset: (user: UserRow) => void
  /** Superadmin only: the user's sessions and trusted devices. */
  onDevices?: (user: UserRow) => void
  onDeactivate: (user: UserRow) => void
  onReactivate: (user: UserRow) => void
  reactivatingId: number | null
  /** The company's 2FA rule asks this user for a WhatsApp code at sign-in. */
  twoFactor: (user: UserRow) => boolean
}

export function UsersTable(props: Props) {
  const { t } = useTranslation()
  const { users, meId, manageable } = props
  if (users.length === 0) {
    return (
      <EmptyState
        icon={<IconUsers size={28} />}
        title={t('users.empty')}
        size="sm"
        data-testid="users-empty"
      />
    )
  }
  const anyActions = users.some(manageable)
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.colName')}</Table.Th>
            <Table.Th>{t('fields.username')}</Table.Th>
            <Table.Th>{t('fields.role')}</Table.Th>
            <Table.Th>{t('fields.phone')}</Table.Th>
            <Table.Th>{t('fields.email')}</Table.Th>
            <Table.Th>{t('users.colStatus')}</Table.Th>
            {anyActions && <Table.Th>{t('common.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id} data-testid="user-row" data-username={user.username}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text fw={600} size="sm">
                    {user.name}
                  </Text>
                  {user.id === meId && (
                    <Badge size="xs" variant="outline" color="gray">
                      {t('users.you')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{user.username}</Table.Td>
              <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {user.phone ? formatPhone(user.phone) : t('common.empty')}
              </Table.Td>
              <Table.Td>{user.email ?? t('common.empty')}</Table.Td>
              <Table.Td>
                <Group gap={6}>
                  <Badge color={user.active ? 'teal' : 'gray'} variant="light">
                    {user.active ? t('users.active') : t('users.inactive')}
                  </Badge>
                  {props.twoFactor(user) && (
                    <Badge
                      color={user.phone ? 'blue' : 'red'}
                      variant="light"
                      data-testid="two-factor-badge"
                    >
                      {user.phone ? t('twoFactor.badge') : t('twoFactor.badgeNoNumber')}
                    </Badge>
                  )}
                  {user.mustChangePassword && (
                    <Badge color="orange" variant="light">
                      {t('users.mustChange')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              {anyActions && (
                <Table.Td>{manageable(user) && <RowActions {...props} user={user} />}</Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

function RowActions(props: Props & { user: UserRow }) {
  const { user, meId, onEdit, onReset, onDevices, onDeactivate, onReactivate, reactivatingId } =
    props
  const { t } = useTranslation()
  const self = user.id === meId
  return (
    // Wraps rather than pushing the table past a 1366-wide screen when a row has every action.
    <Group gap={4}>
      <Button size="compact-sm" variant="subtle" onClick={() => onEdit(user)}>
        {t('common.edit')}
      </Button>
      {/* One's own password is changed from the user menu, not reset. */}
      {user.active && !self && (
        <Button size="compact-sm" variant="subtle" onClick={() => onReset(user)}>
          {t('users.resetPassword')}
        </Button>
      )}
      {/* An icon: the row's text buttons already fill a 1366-wide screen. One's own devices
          are on Perangkat aktif in the user menu. */}
      {onDevices && user.active && !self && (
        <Tooltip label={t('devices.userAction')} withArrow>
          <ActionIcon
            variant="subtle"
            aria-label={t('devices.userAction')}
            onClick={() => onDevices(user)}
          >
            <IconDevices size={18} />
          </ActionIcon>
        </Tooltip>
      )}
      {/* Nobody deactivates themselves: the API refuses, so the button is not offered. */}
      {!self &&
        (user.active ? (
          <Button size="compact-sm" variant="subtle" color="red" onClick={() => onDeactivate(user)}>
            {t('users.deactivate')}
          </Button>
        ) : (
          <Button
            size="compact-sm"
            variant="subtle"
            color="teal"
            loading={reactivatingId === user.id}
            onClick={() => onReactivate(user)}
          >
            {t('users.reactivate')}
          </Button>
        ))}
    </Group>
  )
}
