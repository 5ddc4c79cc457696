import { Alert, SimpleGrid, Stack, Text } from '@mantine/core'
import { IconPlugConnectedX } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import { useSession } from '../../session/session'
import { ChannelCard } from './channel-card'

/**
 * Saluran: the company's WhatsApp and e-mail channels, one card each. Without messages.manage the
 * settings are shown, not editable.
 */
export function ChannelsTab() {
  const { t } = useTranslation()
  const { can } = useSession()
  const canManage = can('messages.manage')
  const list = useQuery(trpc.channels.list.queryOptions(undefined, { refetchInterval: 30_000 }))

  if (list.isPending) return <PageLoader />
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />
  const none = !list.data.whatsapp && !list.data.email
  return (
    <Stack gap="md">
      <Text c="dimmed" maw={900}>
        {t('channels.intro')}
      </Text>
      {none && (
        <Alert
          color="yellow"
          icon={<IconPlugConnectedX size={20} />}
          title={t('channels.emptyTitle')}
          data-testid="channels-empty"
        >
          {t('channels.emptyHint')}
        </Alert>
      )}
      {!canManage && (
        <Text fz="sm" c="dimmed">
          {t('channels.readOnly')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <ChannelCard kind="whatsapp" saved={list.data.whatsapp} canManage={canManage} />
        <ChannelCard kind="email" saved={list.data.email} canManage={canManage} />
      </SimpleGrid>
    </Stack>
  )
}
