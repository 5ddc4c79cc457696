import { Button, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core'
import {
  IconAdjustments,
  IconArrowsDiff,
  IconDownload,
  IconListCheck,
  IconPlugConnected,
  IconRouter,
  IconUserOff,
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import type { Permission } from '@shared/permissions'
import { useSession } from '../../session/session'
import { IsolirBatchTab } from './isolir-batch-tab'
import { IsolirSetupTab } from './isolir-setup-tab'
import { JobsTab } from './jobs-tab'
import { MonitorTab } from './monitor-tab'
import { ReconcileTab } from './reconcile-tab'
import { RoutersTab } from './routers-tab'

const TABS: { value: string; icon: typeof IconRouter; permission: Permission }[] = [
  { value: 'routers', icon: IconRouter, permission: 'network.view' },
  { value: 'jobs', icon: IconListCheck, permission: 'network.view' },
  { value: 'batch', icon: IconUserOff, permission: 'isolir.manage' },
  { value: 'online', icon: IconPlugConnected, permission: 'network.view' },
  { value: 'reconcile', icon: IconArrowsDiff, permission: 'network.view' },
  { value: 'setup', icon: IconAdjustments, permission: 'network.view' },
]

/** Everything about the routers in one place; the open tab is in the URL (`?tab=…`). */
export function NetworkPage() {
  const { t } = useTranslation()
  const { can } = useSession()
  const [params, setParams] = useSearchParams()
  const tabs = TABS.filter((x) => can(x.permission))
  const tab = tabs.find((x) => x.value === params.get('tab'))?.value ?? 'routers'

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} fz="h2">
            {t('network.title')}
          </Title>
          <Text c="dimmed">{t('network.intro')}</Text>
        </div>
        {can('network.manage') && (
          <Button
            component={Link}
            to="/network/import"
            variant="light"
            leftSection={<IconDownload size={16} />}
          >
            {t('network.importFromRouter')}
          </Button>
        )}
      </Group>
      <Tabs
        value={tab}
        onChange={(v) => v && setParams({ tab: v }, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          {tabs.map(({ value, icon: Icon }) => (
            <Tabs.Tab key={value} value={value} leftSection={<Icon size={16} />}>
              {t(`network.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Paper withBorder radius="md" p="md" mt="md">
          <Tabs.Panel value="routers">
            <RoutersTab />
          </Tabs.Panel>
          <Tabs.Panel value="jobs">
            <JobsTab />
          </Tabs.Panel>
          <Tabs.Panel value="batch">
            <IsolirBatchTab />
          </Tabs.Panel>
          <Tabs.Panel value="online">
            <MonitorTab />
          </Tabs.Panel>
          <Tabs.Panel value="reconcile">
            <ReconcileTab />
          </Tabs.Panel>
          <Tabs.Panel value="setup">
            <IsolirSetupTab />
          </Tabs.Panel>
        </Paper>
      </Tabs>
    </Stack>
  )
}
