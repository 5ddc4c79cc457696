import { Stack, Tabs, Text, Title } from '@mantine/core'
import { IconHistory, IconSpeakerphone, IconTemplate, IconPlugConnected } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { useSession } from '../../session/session'
import { BroadcastTab } from './broadcast-tab'
import { ChannelsTab } from './channels-tab'
import { HistoryTab } from './history-tab'
import { TemplatesTab } from './templates-tab'

const TABS = ['history', 'templates', 'broadcast', 'channels'] as const
type Tab = (typeof TABS)[number]

/**
 * Pesan: the outbox history (the default tab, its filters in the URL), the templates, broadcasts
 * and the channels. The tab is in the URL (`?tab=broadcast`) so a link or reload keeps it.
 */
export function MessagesPage() {
  const { t } = useTranslation()
  const { can } = useSession()
  const canManage = can('messages.manage')
  const [params, setParams] = useSearchParams()
  const wanted = params.get('tab')
  const tab: Tab = (TABS as readonly string[]).includes(wanted ?? '') ? (wanted as Tab) : 'history'

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} fz="h2">
          {t('messaging.title')}
        </Title>
        <Text c="dimmed">{t('messaging.intro')}</Text>
      </div>
      <Tabs
        value={tab}
        onChange={(value) => setParams(value && value !== 'history' ? { tab: value } : {})}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} />}>
            {t('messaging.tabs.history')}
          </Tabs.Tab>
          <Tabs.Tab value="templates" leftSection={<IconTemplate size={16} />}>
            {t('messaging.tabs.templates')}
          </Tabs.Tab>
          <Tabs.Tab value="broadcast" leftSection={<IconSpeakerphone size={16} />}>
            {t('messaging.tabs.broadcast')}
          </Tabs.Tab>
          <Tabs.Tab value="channels" leftSection={<IconPlugConnected size={16} />}>
            {t('messaging.tabs.channels')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="history" pt="md">
          <HistoryTab canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="templates" pt="md">
          <TemplatesTab canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="broadcast" pt="md">
          <BroadcastTab canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="channels" pt="md">
          <ChannelsTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
