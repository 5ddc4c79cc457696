import { Stack, Tabs, Text, Title } from '@mantine/core'
import { IconTicket, IconUsersGroup } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { useSession } from '../../session/session'
import { BatchDetailView } from './batch-detail'
import { BatchesTab } from './batches-tab'
import { ProfilesTab } from './profiles-tab'

/**
 * Hotspot vouchers: batches (the default tab) and profiles; a batch opens in place
 * (`?batch=12`), so links and the back button work without a route of its own.
 */
export function HotspotPage() {
  const { t } = useTranslation()
  const { can } = useSession()
  const canManage = can('hotspot.manage')
  const [params, setParams] = useSearchParams()
  const batchId = Number(params.get('batch'))
  const tab = params.get('tab') === 'profiles' ? 'profiles' : 'batches'

  if (Number.isInteger(batchId) && batchId > 0) {
    return <BatchDetailView id={batchId} canManage={canManage} onBack={() => setParams({})} />
  }
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} fz="h2">
          {t('hotspot.title')}
        </Title>
        <Text c="dimmed">{t('hotspot.intro')}</Text>
      </div>
      <Tabs
        value={tab}
        onChange={(value) => setParams(value === 'profiles' ? { tab: value } : {})}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="batches" leftSection={<IconTicket size={16} />}>
            {t('hotspot.tabs.batches')}
          </Tabs.Tab>
          <Tabs.Tab value="profiles" leftSection={<IconUsersGroup size={16} />}>
            {t('hotspot.tabs.profiles')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="batches" pt="md">
          <BatchesTab canManage={canManage} onOpen={(id) => setParams({ batch: String(id) })} />
        </Tabs.Panel>
        <Tabs.Panel value="profiles" pt="md">
          <ProfilesTab canManage={canManage} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
