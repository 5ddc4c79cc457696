import { Stack, Tabs, Text, Title } from '@mantine/core'
import { IconAccessPoint, IconAlertTriangle, IconListDetails } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { OltsTab } from './olts-tab'
import { OnusTab } from './onus-tab'
import { WeakTab } from './weak-tab'

const TABS = [
  { value: 'olts', icon: IconAccessPoint },
  { value: 'onus', icon: IconListDetails },
  { value: 'weak', icon: IconAlertTriangle },
] as const
type Tab = (typeof TABS)[number]['value']

/** OLT & ONU: the OLTs, one OLT's ONUs per PON port, and weak / offline ONUs (`?tab=`). */
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
      </Tabs>
    </Stack>
  )
}
