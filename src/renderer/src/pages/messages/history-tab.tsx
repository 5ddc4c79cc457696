import { Button, Group, SegmentedControl } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconMessage2, IconRefresh } from '@tabler/icons-react'
import { keepPreviousData, useInfiniteQuery, useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MESSAGE_STATUSES, type MessageStatus } from '@shared/messaging'
import { trpc } from '../../api/client'
import { ListFooter, ListPage } from '../../components/list-page'
import { useUrlFilters } from '../../components/use-url-filters'
import { ConfirmAction } from './confirm-action'
import { HistoryFilters } from './history-filters'
import { HISTORY_CODEC, hasHistoryFilters, historyListInput } from './history-params'
import { MessageDetailDrawer } from './message-detail-drawer'
import { MessagesTable } from './messages-table'
import { refreshMessages } from './types'

const PAGE_SIZE = 50
/** The sender works in the background; the list follows it without a reload. */
const REFRESH_MS = 15_000

/** "Riwayat": every message the outbox holds, filtered, searched, opened, retried or cancelled. */
export function HistoryTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation()
  const list = useUrlFilters(HISTORY_CODEC)
  const { filters } = list
  const [openId, setOpenId] = useState<number | null>(null)
  const [confirmRetryAll, setConfirmRetryAll] = useState(false)
  const messages = useInfiniteQuery(
    trpc.messaging.list.infiniteQueryOptions(historyListInput(filters, PAGE_SIZE), {
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      placeholderData: keepPreviousData,
      refetchInterval: REFRESH_MS,
    }),
  )
  const retryAll = useMutation(
    trpc.messaging.retry.mutationOptions({
      onSuccess: (r) => {
        notifications.show({
          color: 'teal',
          message: t('messaging.history.retried', { count: r.retried }),
        })
        setConfirmRetryAll(false)
        refreshMessages()
      },
    }),
  )
  const pages = messages.data?.pages ?? []
  const rows = pages.flatMap((p) => p.rows)
  const first = pages[0]
  const counts = first?.counts ?? { antri: 0, terkirim: 0, gagal: 0, dilewati: 0 }
  const all = MESSAGE_STATUSES.reduce((sum, s) => sum + counts[s], 0)
  const filtered = hasHistoryFilters(filters) || !!filters.status

  return (
    <>
      <ListPage
        query={messages}
        filters={<HistoryFilters {...list.bar} />}
        clearFilters={list.clearButton(filtered, t('messaging.history.clearFilters'))}
        toolbar={
          <Group justify="space-between">
            <SegmentedControl
              data-testid="status-filter"
              value={filters.status ?? 'all'}
              onChange={(v) =>
                list.setFilters({ status: v === 'all' ? null : (v as MessageStatus) })
              }
              data={[
                { value: 'all', label: t('messaging.history.allStatuses', { count: all }) },
                ...MESSAGE_STATUSES.map((s) => ({
                  value: s,
                  label: t('messaging.history.statusCount', {
                    status: t(`messaging.status.${s}`),
                    count: counts[s],
                  }),
                })),
              ]}
            />
            {/* "All failed" means all of them: offered only while no other filter narrows the counts. */}
            {canManage && counts.gagal > 0 && !hasHistoryFilters(filters) && (
              <Button
                variant="light"
                leftSection={<IconRefresh size={16} />}
                onClick={() => setConfirmRetryAll(true)}
              >
                {t('messaging.history.retryAll', { count: counts.gagal })}
              </Button>
            )}
          </Group>
        }
        empty={() =>
          rows.length > 0
            ? null
            : {
                icon: <IconMessage2 size={28} />,
                title: filtered ? t('messaging.history.empty') : t('messaging.history.none'),
                description: filtered
                  ? t('messaging.history.emptyHint')
                  : t('messaging.history.noneHint'),
                testId: 'messages-empty',
              }
        }
      >
        {() => (
          <>
            <MessagesTable rows={rows} onOpen={setOpenId} />
            <ListFooter
              testId="messages-shown"
              shown={t('messaging.history.shown', { shown: rows.length, count: first?.total ?? 0 })}
              more={
                messages.hasNextPage
                  ? {
                      label: t('messaging.history.loadMore'),
                      loading: messages.isFetchingNextPage,
                      onMore: () => void messages.fetchNextPage(),
                    }
                  : null
              }
            />
          </>
        )}
      </ListPage>
      {openId !== null && (
        <MessageDetailDrawer id={openId} canManage={canManage} onClose={() => setOpenId(null)} />
      )}
      {confirmRetryAll && (
        <ConfirmAction
          title={t('messaging.history.retryAllTitle')}
          body={t('messaging.history.retryAllBody', { count: counts.gagal })}
          confirmLabel={t('messaging.history.retryAll', { count: counts.gagal })}
          loading={retryAll.isPending}
          error={retryAll.error}
          onConfirm={() => retryAll.mutate({ allFailed: true })}
          onClose={() => setConfirmRetryAll(false)}
        />
      )}
    </>
  )
}
