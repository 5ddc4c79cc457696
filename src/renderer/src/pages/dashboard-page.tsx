import {
  Card,
  Group,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
  UnstyledButton,
} from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { COMPANY_TIME_ZONES, dateInZone, formatShortDate } from '@shared/dates'
import { useSession } from '../session/session'
import { NAV_ITEMS } from '../shell/nav-items'
import { DashboardTraffic } from './dashboard-traffic'

function Fact({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Card withBorder radius="md" padding="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={600} mt={4} data-testid={testId}>
        {value}
      </Text>
    </Card>
  )
}

/** Who and where you are, and the way to the pages your role opens. Figures come with billing. */
export function DashboardPage() {
  const { t } = useTranslation()
  const { me, can } = useSession()
  const navigate = useNavigate()
  const zone = COMPANY_TIME_ZONES.find((z) => z.id === me.company.timeZone)
  const today = formatShortDate(dateInZone(new Date(), me.company.timeZone))
  const links = NAV_ITEMS.filter((item) => item.menu !== 'dashboard' && can(item.permission))

  return (
    <Stack gap="lg">
      <Title order={1} fz="h2">
        {t('dashboard.welcome', { name: me.user.name })}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <Fact label={t('dashboard.company')} value={me.company.name} testId="dashboard-company" />
        <Fact
          label={t('dashboard.timeZone')}
          value={zone ? `${zone.label} (${zone.id})` : me.company.timeZone}
          testId="dashboard-time-zone"
        />
        <Fact label={t('dashboard.today')} value={today} testId="dashboard-today" />
        <Fact
          label={t('dashboard.signedInAs')}
          value={`${me.user.name} (@${me.user.username})`}
          testId="dashboard-user"
        />
        <Fact
          label={t('dashboard.role')}
          value={t(`roles.${me.user.role}`)}
          testId="dashboard-role"
        />
        <Fact label={t('dashboard.version')} value={me.version} testId="dashboard-version" />
      </SimpleGrid>
      <DashboardTraffic />
      {links.length > 0 && (
        <Stack gap="xs">
          <Title order={2} fz="h4">
            {t('dashboard.quickLinks')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            {links.map((item) => (
              // Buttons, not links: the sidebar's links keep their names unique on the page.
              <UnstyledButton
                key={item.menu}
                onClick={() => void navigate(item.path)}
                h="100%"
                data-testid={`quick-${item.menu}`}
              >
                <Card withBorder radius="md" padding="md" h="100%">
                  <Group gap="sm" wrap="nowrap" h="100%">
                    <ThemeIcon variant="light" color="teal" size="lg">
                      <item.icon size={20} />
                    </ThemeIcon>
                    <Text fw={600}>{t(`nav.${item.menu}`)}</Text>
                  </Group>
                </Card>
              </UnstyledButton>
            ))}
          </SimpleGrid>
        </Stack>
      )}
    </Stack>
  )
}
