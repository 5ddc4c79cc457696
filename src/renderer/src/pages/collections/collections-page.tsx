import { Paper, Stack, Tabs, Text, Title } from '@mantine/core'
import { IconAdjustments, IconCalendarDollar, IconSend, IconUserOff } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { AutoIsolirTab } from './auto-isolir-tab'
import { PolicyTab } from './policy-tab'
import { PromisesTab } from './promises-tab'
import { ReminderQueueTab } from './reminder-queue-tab'

const TABS: { value: string; icon: typeof IconSend }[] = [
  { value: 'reminders', icon: IconSend },
  { value: 'isolir', icon: IconUserOff },
  { value: 'promises', icon: IconCalendarDollar },
  { value: 'policy', icon: IconAdjustments },
]

/** Penagihan: the reminder queue, the automatic isolir's preview and log, promises, policy. */
export function CollectionsPage() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const tab = TABS.find((x) => x.value === params.get('tab'))?.value ?? 'reminders'

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} fz="h2">
          {t('collections.title')}
        </Title>
        <Text c="dimmed">{t('collections.intro')}</Text>
      </div>
      <Tabs
        value={tab}
        onChange={(v) => v && setParams({ tab: v }, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.map(({ value, icon: TabIcon }) => (
            <Tabs.Tab key={value} value={value} leftSection={<TabIcon size={16} />}>
              {t(`collections.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Paper withBorder radius="md" p="md" mt="md">
          <Tabs.Panel value="reminders">
            <ReminderQueueTab />
          </Tabs.Panel>
          <Tabs.Panel value="isolir">
            <AutoIsolirTab />
          </Tabs.Panel>
          <Tabs.Panel value="promises">
            <PromisesTab />
          </Tabs.Panel>
          <Tabs.Panel value="policy">
            <PolicyTab />
          </Tabs.Panel>
        </Paper>
      </Tabs>
    </Stack>
  )
}
