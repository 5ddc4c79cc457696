import { Button, EmptyState, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { IconCash, IconUpload } from '@tabler/icons-react'
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatRupiah } from '@shared/money'
import { trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import { useSession } from '../../session/session'
import type { PaymentRow } from '../cashier/types'
import { useReceiptPrint } from '../cashier/use-receipt-print'
import { PaymentFilters } from './payment-filters'
import { hasPaymentFilters, paymentListInput } from './payment-params'
import { PaymentsTable } from './payments-table'
import { ReverseModal } from './reverse-modal'
import { usePaymentParams } from './use-payment-params'
import { ClearFiltersButton } from '../../components/clear-filters-button'

const PAGE_SIZE = 100

/** Every payment, newest first: reprint a receipt, reverse a mistaken one (with a reason). */
export function PaymentsPage() {
  const { t } = useTranslation()
  const { me, can } = useSession()
  const list = usePaymentParams()
  const { filters } = list
  const [reversing, setReversing] = useState<PaymentRow | null>(null)
  const print = useReceiptPrint()
  const payments = useInfiniteQuery(
    trpc.payments.list.infiniteQueryOptions(paymentListInput(filters, PAGE_SIZE), {
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      initialCursor: 0,
      // A new filter keeps the old rows on screen until its answer arrives.
      placeholderData: keepPreviousData,
    }),
  )
  const filtered = hasPaymentFilters(filters)
  const rows = payments.data?.pages.flatMap((p) => p.rows) ?? []
  const received = rows.filter((r) => r.status === 'ok').reduce((sum, r) => sum + r.amount, 0)

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Title order={1} fz="h2">
          {t('payments.title')}
        </Title>
        {can('payments.import') && (
          <Button
            component={Link}
            to="/payments/import"
            variant="default"
            leftSection={<IconUpload size={18} />}
          >
            {t('payments.import')}
          </Button>
        )}
      </Group>
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <PaymentFilters
            filters={filters}
            searchText={list.searchText}
            onSearch={list.setSearchText}
            onChange={list.setFilters}
          />
          <ClearFiltersButton
            shown={filtered}
            label={t('payments.clearFilters')}
            onClear={list.clearFilters}
          />
          {payments.isPending ? (
            <PageLoader />
          ) : payments.isError ? (
            <QueryError error={payments.error} onRetry={() => void payments.refetch()} />
          ) : rows.length === 0 ? (
            <EmptyState
              icon={<IconCash size={28} />}
              title={filtered ? t('payments.emptyFiltered') : t('payments.empty')}
              size="sm"
              data-testid="payments-empty"
            />
          ) : (
            <>
              <PaymentsTable
                rows={rows}
                timeZone={me.company.timeZone}
                printingId={print.isPending ? print.variables.paymentId : null}
                onPrint={(row) => print.mutate({ paymentId: row.id })}
                onReverse={can('payments.reverse') ? setReversing : undefined}
              />
              <Group justify="space-between">
                <Text fz="sm" c="dimmed">
                  {t('payments.shown', { count: rows.length, total: formatRupiah(received) })}
                </Text>
                {payments.hasNextPage && (
                  <Button
                    variant="default"
                    loading={payments.isFetchingNextPage}
                    onClick={() => void payments.fetchNextPage()}
                  >
                    {t('payments.more')}
                  </Button>
                )}
              </Group>
            </>
          )}
        </Stack>
      </Paper>
      {reversing && <ReverseModal payment={reversing} onClose={() => setReversing(null)} />}
    </Stack>
  )
}
