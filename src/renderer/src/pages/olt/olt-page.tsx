import { Stack, Tabs, Text, Title } from '@mantine/core'
import {
  IconAccessPoint,
  IconAlertTriangle,
  IconListDetails,
  IconSitemap,
  IconUrgent,
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { OltsTab } from './olts-tab'
import { OnusTab } from './onus-tab'
import { WeakTab } from './weak-tab'
import { OutagesTab } from '../topology/outages-tab'
import { TopologyTab } from '../topology/topology-tab'

const TABS = [
  { value: 'olts', icon: IconAccessPoint },
  { value: 'onus', icon: IconListDetails },
  { value: 'weak', icon: IconAlertTriangle },
  { value: 'topologi', icon: IconSitemap },
  { value: 'gangguan', icon: IconUrgent },
] as const
type Tab = (typeof TABS)[number]['value']

/**
 * OLT & ONU: the OLTs, one OLT's ONUs per PON port, weak / offline ONUs, the topology tree and
 * mass outages (`?tab=`).
 */
export function OltPage() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const tab: Tab = TABS.find((x) => x.value === params.get('tab'))?.value ?? 'olts'
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} fz="h2">
          {t('olt.title')}
        </Title>
        <Text c="dimmed">{t('olt.intro')}</Text>
      </div>
      <Tabs
        value={tab}
        onChange={(value) => setParams(value && value !== 'olts' ? { tab: value } : {})}
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.map(({ value, icon: Icon }) => (
            <Tabs.Tab key={value} value={value} leftSection={<Icon size={16} />}>
              {t(`olt.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="olts" pt="md">
          <OltsTab />
        </Tabs.Panel>
        <Tabs.Panel value="onus" pt="md">
          <OnusTab />
        </Tabs.Panel>
        <Tabs.Panel value="weak" pt="md">
          <WeakTab />
        </Tabs.Panel>
        <Tabs.Panel value="topologi" pt="md">
          <TopologyTab />
        </Tabs.Panel>
        <Tabs.Panel value="gangguan" pt="md">
          <OutagesTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
