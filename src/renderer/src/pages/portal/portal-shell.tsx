import {
  Alert,
  Box,
  Button,
  Container,
  Group,
  Menu,
  Paper,
  Text,
  UnstyledButton,
} from '@mantine/core'
import {
  IconAddressBook,
  IconCreditCard,
  IconDevices,
  IconDotsCircleHorizontal,
  IconEye,
  IconHistory,
  IconLogout,
  IconMessageReport,
  IconReceipt,
  IconUser,
  IconWifi,
} from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router'
import { clearPortalToken, portalTrpc } from '../../api/portal-client'
import { PageLoader, QueryError } from '../../components/query-state'

const MAIN = [
  { path: 'tagihan', icon: IconReceipt },
  { path: 'bayar', icon: IconCreditCard },
  { path: 'keluhan', icon: IconMessageReport },
  { path: 'profil', icon: IconUser },
] as const
const MORE = [
  { path: 'riwayat', icon: IconHistory },
  { path: 'layanan', icon: IconWifi },
  { path: 'perangkat', icon: IconDevices },
  { path: 'kontak', icon: IconAddressBook },
] as const

/**
 * The portal's frame: the company and the customer on top, the page, and the menu — a bar at
 * the bottom on a phone (four pages and "Menu" for the rest), a row of links on a wide screen.
 * A staff member's read-only view carries a banner on every page.
 */
export function PortalShell({ companyName }: { companyName: string }) {
  const { t } = useTranslation()
  const me = useQuery(portalTrpc.portal.me.queryOptions())
  const signOut = useMutation(
    portalTrpc.portal.signOut.mutationOptions({
      onSettled: () => clearPortalToken(),
    }),
  )
  if (me.isPending) return <PageLoader />
  if (me.isError)
    return (
      <Container size={480} py="xl">
        <QueryError error={me.error} onRetry={() => void me.refetch()} />
      </Container>
    )
  return (
    <Box mih="100dvh" bg="gray.0" pb={80}>
      <Paper radius={0} shadow="xs" px="md" py="sm">
        <Container size={760} p={0}>
          <Group justify="space-between" wrap="nowrap">
            <Box miw={0}>
              <Text fw={700} truncate>
                {companyName}
              </Text>
              <Text size="sm" c="dimmed" truncate>
                {me.data.name} · {me.data.code}
              </Text>
            </Box>
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconLogout size={16} />}
              loading={signOut.isPending}
              onClick={() => signOut.mutate()}
            >
              {t('portal.signOut')}
            </Button>
          </Group>
          <Group gap={4} mt="xs" visibleFrom="sm" wrap="wrap">
            {[...MAIN, ...MORE].map((item) => (
              <Button
                key={item.path}
                component={NavLink}
                to={`/portal/${item.path}`}
                variant="subtle"
                size="compact-sm"
                leftSection={<item.icon size={16} />}
              >
                {t(`portal.nav.${item.path}`)}
              </Button>
            ))}
          </Group>
        </Container>
      </Paper>
      {me.data.readOnly && (
        <Alert
          color="yellow"
          radius={0}
          icon={<IconEye size={18} />}
          data-testid="portal-staff-banner"
        >
          {t('portal.readOnlyBanner', { name: me.data.name })}
        </Alert>
      )}
      <Container size={760} px="md" py="md">
        <Outlet />
      </Container>
      <BottomNav />
    </Box>
  )
}

function BottomNav() {
  const { t } = useTranslation()
  const location = useLocation()
  const navigate = useNavigate()
  const active = (path: string) => location.pathname.startsWith(`/portal/${path}`)
  return (
    <Paper
      hiddenFrom="sm"
      shadow="md"
      radius={0}
      pos="fixed"
      bottom={0}
      left={0}
      right={0}
      style={{ zIndex: 10 }}
    >
      <Group grow gap={0} wrap="nowrap" component="nav" aria-label={t('portal.menu')}>
        {MAIN.map((item) => (
          <NavItem
            key={item.path}
            icon={<item.icon size={22} />}
            label={t(`portal.nav.${item.path}`)}
            active={active(item.path)}
            onClick={() => void navigate(`/portal/${item.path}`)}
          />
        ))}
        <Menu position="top-end" withinPortal>
          <Menu.Target>
            <UnstyledButton
              py={8}
              c={MORE.some((m) => active(m.path)) ? 'teal.7' : 'gray.7'}
              style={ITEM}
            >
              <IconDotsCircleHorizontal size={22} />
              <Text size="xs" fw={500}>
                {t('portal.menu')}
              </Text>
            </UnstyledButton>
          </Menu.Target>
          <Menu.Dropdown>
            {MORE.map((item) => (
              <Menu.Item
                key={item.path}
                leftSection={<item.icon size={18} />}
                onClick={() => void navigate(`/portal/${item.path}`)}
              >
                {t(`portal.nav.${item.path}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Paper>
  )
}

const ITEM = { display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 2 } as const

function NavItem(props: {
  icon: React.ReactNode
  label: string
  active: boolean
  onClick?: () => void
}) {
  return (
    <UnstyledButton
      onClick={props.onClick}
      py={8}
      c={props.active ? 'teal.7' : 'gray.7'}
      aria-current={props.active ? 'page' : undefined}
      style={ITEM}
    >
      {props.icon}
      <Text size="xs" fw={props.active ? 700 : 500}>
        {props.label}
      </Text>
    </UnstyledButton>
  )
}
