import { Anchor, Button, EmptyState, Stack, Table, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconCalendarDollar } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatShortDate, formatInstant, type CalendarDate } from '@shared/dates'
import { queryClient, trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import { useSession, type RouterOutputs } from '../../session/session'
import { ConfirmDialog } from '../billing/confirm-dialog'

type PromiseRow = RouterOutputs['collections']['promises'][number]

/** Cancelling or recording a promise changes the isolir preview and the customer's card too. */
export function refreshCollections() {
  void queryClient.invalidateQueries(trpc.collections.promises.queryFilter())
  void queryClient.invalidateQueries(trpc.collections.isolirPreview.queryFilter())
  void queryClient.invalidateQueries(trpc.collections.customerCollections.queryFilter())
}

/** The promises to pay still running, who agreed to each, and a way to cancel one. */
export function PromisesTab() {
  const { t, i18n } = useTranslation()
  const { me, can } = useSession()
  const list = useQuery(trpc.collections.promises.queryOptions({}))
  const [cancelling, setCancelling] = useState<PromiseRow | null>(null)
  const cancel = useMutation(
    trpc.collections.cancelPromise.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('collections.promises.cancelled') })
        setCancelling(null)
        refreshCollections()
      },
    }),
  )
  const locale = i18n.language
  return (
    <Stack>
      <Text c="dimmed" fz="sm">
        {t('collections.promises.intro')}
      </Text>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <EmptyState
          icon={<IconCalendarDollar size={28} />}
          title={t('collections.promises.empty')}
          description={t('collections.promises.emptyHint')}
          size="sm"
          data-testid="promises-empty"
        />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing={4} fz="sm" data-testid="promises-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('collections.promises.colCustomer')}</Table.Th>
                <Table.Th>{t('collections.promises.colUntil')}</Table.Th>
                <Table.Th>{t('collections.promises.colNote')}</Table.Th>
                <Table.Th>{t('collections.promises.colAgreed')}</Table.Th>
                {can('collections.manage') && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((p) => (
                <Table.Tr key={p.id} data-testid="promise-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/customers/${p.customerId}`} fz="sm">
                      {p.customerCode}
                    </Anchor>{' '}
                    — {p.customerName}
                  </Table.Td>
                  <Table.Td>{formatShortDate(p.untilDate as CalendarDate)}</Table.Td>
                  <Table.Td>{p.note ?? '—'}</Table.Td>
                  <Table.Td title={formatInstant(p.createdAt, me.company.timeZone, locale)}>
                    {p.username}
                  </Table.Td>
                  {can('collections.manage') && (
                    <Table.Td ta="right">
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => setCancelling(p)}
                      >
                        {t('collections.promises.cancel')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {cancelling && (
        <ConfirmDialog
          title={t('collections.promises.cancelTitle')}
          body={t('collections.promises.cancelBody', {
            name: cancelling.customerName,
            date: formatShortDate(cancelling.untilDate as CalendarDate),
          })}
          confirmLabel={t('collections.promises.cancel')}
          loading={cancel.isPending}
          error={cancel.error}
          onConfirm={() => cancel.mutate({ id: cancelling.id })}
          onClose={() => setCancelling(null)}
        />
      )}
    </Stack>
  )
}
