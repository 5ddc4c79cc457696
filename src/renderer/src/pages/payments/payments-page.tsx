import { Button, Group, Paper, Stack, Title } from '@mantine/core'
import { IconCash, IconUpload } from '@tabler/icons-react'
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatRupiah } from '@shared/money'
import { trpc } from '../../api/client'
import { ListFooter, ListPage } from '../../components/list-page'
import { useSession } from '../../session/session'
import type { PaymentRow } from '../cashier/types'
import { useReceiptPrint } from '../cashier/use-receipt-print'
import { PaymentFilters } from './payment-filters'
import { hasPaymentFilters, paymentListInput } from './payment-params'
import { PaymentsTable } from './payments-table'
import { ReverseModal } from './reverse-modal'
import { usePaymentParams } from './use-payment-params'

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
        <ListPage
          query={payments}
          filters={<PaymentFilters {...list.bar} />}
          clearFilters={list.clearButton(filtered, t('payments.clearFilters'))}
          empty={() =>
            rows.length > 0
              ? null
              : {
                  icon: <IconCash size={28} />,
                  title: filtered ? t('payments.emptyFiltered') : t('payments.empty'),
                  testId: 'payments-empty',
                }
          }
        >
          {() => (
            <>
              <PaymentsTable
                rows={rows}
                timeZone={me.company.timeZone}
                printingId={print.isPending ? print.variables.paymentId : null}
                onPrint={(row) => print.mutate({ paymentId: row.id })}
                onReverse={can('payments.reverse') ? setReversing : undefined}
              />
              <ListFooter
                shown={t('payments.shown', { count: rows.length, total: formatRupiah(received) })}
                more={
                  payments.hasNextPage
                    ? {
                        label: t('payments.more'),
                        loading: payments.isFetchingNextPage,
                        onMore: () => void payments.fetchNextPage(),
                      }
                    : null
                }
              />
            </>
          )}
        </ListPage>
      </Paper>
      {reversing && <ReverseModal payment={reversing} onClose={() => setReversing(null)} />}
    </Stack>
  )
}
