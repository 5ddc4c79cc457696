import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import {
  IconChevronDown,
  IconDevices,
  IconInfoCircle,
  IconKey,
  IconLogout,
} from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { signOut, trpc } from '../api/client'
import { useSession } from '../session/session'

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('')
}

/**
 * Name and role of the signed-in user, with password change, Perangkat aktif, Tentang Loket (for
 * those who manage the company) and sign-out.
 */
export function UserMenu() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { me, can } = useSession()
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      // Signing out must work even when the session already ended on the server.
      meta: { ownAuthHandling: true },
      onSettled: () => {
        signOut()
        // The previous user's messages are not the next one's business.
        notifications.clean()
        notifications.show({ color: 'teal', message: t('login.signedOut') })
        void navigate('/login', { replace: true })
      },
    }),
  )
  return (
    <Menu position="bottom-end" width={220} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('header.userMenu')} data-testid="user-menu">
          <Group gap="xs" wrap="nowrap">
            <Avatar radius="xl" size="sm" color="teal">
              {initials(me.user.name)}
            </Avatar>
            <div>
              <Text size="sm" fw={600} lh={1.2} data-testid="header-user-name">
                {me.user.name}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2} data-testid="header-user-role">
                {t(`roles.${me.user.role}`)}
              </Text>
            </div>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>@{me.user.username}</Menu.Label>
        <Menu.Item
          leftSection={<IconKey size={16} />}
          onClick={() => void navigate('/change-password')}
        >
          {t('header.changePassword')}
        </Menu.Item>
        <Menu.Item
          leftSection={<IconDevices size={16} />}
          onClick={() => void navigate('/devices')}
        >
          {t('devices.menu')}
        </Menu.Item>
        {can('company.manage') && (
          <Menu.Item
            leftSection={<IconInfoCircle size={16} />}
            onClick={() => void navigate('/about')}
            data-testid="menu-about"
          >
            {t('about.menu')}
          </Menu.Item>
        )}
        <Menu.Item
          color="red"
          leftSection={<IconLogout size={16} />}
          disabled={logout.isPending}
          onClick={() => logout.mutate()}
        >
          {t('header.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}
