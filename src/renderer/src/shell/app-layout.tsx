import {
  ActionIcon,
  AppShell,
  Burger,
  Group,
  NavLink,
  ScrollArea,
  Text,
  Tooltip,
} from '@mantine/core'
import { useDisclosure, useMediaQuery } from '@mantine/hooks'
import { IconQuestionMark } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, Outlet, useLocation } from 'react-router'
import { LanguageSwitch } from '../components/language-switch'
import { useSession } from '../session/session'
import { ClientStatusBar, HostUnreachableBanner, clientHost } from './host-status'
import { helpPathFor } from '../help/help-links'
import { HELP_NAV_ITEM, NAV_ITEMS } from './nav-items'
import { NotificationBell } from './notification-bell'
import { UpdateBanner } from './update-banner'
import { UserMenu } from './user-menu'

function isActive(pathname: string, path: string): boolean {
  return path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`)
}

/** The frame of every signed-in page: company in the header, a menu of what the role may open. */
export function AppLayout() {
  const { t } = useTranslation()
  const { me, can } = useSession()
  const { pathname } = useLocation()
  const [opened, { toggle, close }] = useDisclosure(false)
  const items = NAV_ITEMS.filter((item) => can(item.permission))
  // One language switch on the page: in the header when there is room, else in the menu.
  const wide = useMediaQuery('(min-width: 62em)', true)
  const host = clientHost()

  return (
    <AppShell
      header={{ height: 60 }}
      footer={host ? { height: 28 } : undefined}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggle')}
            />
            <Text fw={800} c="teal.8" fz="lg">
              {t('app.name')}
            </Text>
            <Text fw={600} truncate="end" data-testid="header-company-name">
              {me.company.name}
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            {wide && <LanguageSwitch />}
            <Tooltip label={t('help.forPage')}>
              <ActionIcon
                component={Link}
                to={helpPathFor(pathname)}
                variant="subtle"
                color="gray"
                size="lg"
                radius="xl"
                aria-label={t('help.forPage')}
                data-testid="help-button"
              >
                <IconQuestionMark size={20} />
              </ActionIcon>
            </Tooltip>
            <NotificationBell />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label={t('nav.main')}>
        <AppShell.Section grow component={ScrollArea}>
          {items.map((item) => (
            <NavLink
              key={item.menu}
              component={Link}
              to={item.path}
              label={t(`nav.${item.menu}`)}
              leftSection={<item.icon size={18} stroke={1.6} />}
              active={isActive(pathname, item.path)}
              onClick={close}
              variant="light"
              color="teal"
              data-testid={`nav-${item.menu}`}
            />
          ))}
          <NavLink
            component={Link}
            to={HELP_NAV_ITEM.path}
            label={t(`nav.${HELP_NAV_ITEM.menu}`)}
            leftSection={<HELP_NAV_ITEM.icon size={18} stroke={1.6} />}
            active={isActive(pathname, HELP_NAV_ITEM.path)}
            onClick={close}
            variant="light"
            color="teal"
            data-testid={`nav-${HELP_NAV_ITEM.menu}`}
          />
        </AppShell.Section>
        {!wide && (
          <AppShell.Section pt="sm">
            <LanguageSwitch />
          </AppShell.Section>
        )}
      </AppShell.Navbar>

      <AppShell.Main bg="var(--mantine-color-gray-0)">
        <HostUnreachableBanner />
        <UpdateBanner />
        <Outlet />
      </AppShell.Main>

      {host && (
        <AppShell.Footer>
          <ClientStatusBar host={host} />
        </AppShell.Footer>
      )}
    </AppShell>
  )
}
