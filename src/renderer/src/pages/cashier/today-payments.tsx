import { ActionIcon, Group, Paper, ScrollArea, Stack, Text, Title, Tooltip } from '@mantine/core'
import { IconPrinter } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { formatRupiah } from '@shared/money'
import { trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import { methodLabel } from './payment-text'
import { useReceiptPrint } from './use-receipt-print'

/** More than a cashier takes in a day at a small ISP; the list is for a glance, not an audit. */
const TODAY_LIMIT = 200

/** This cashier's payments of today, newest first, with the day's total kept. */
export function TodayPayments({ userId, today }: { userId: number; today: string }) {
  const { t } = useTranslation()
  const list = useQuery(
    trpc.payments.list.queryOptions({ from: today, to: today, userId, limit: TODAY_LIMIT }),
  )
  const print = useReceiptPrint()
  const rows = list.data?.rows ?? []
  const total = rows.filter((r) => r.status === 'ok').reduce((sum, r) => sum + r.amount, 0)

  return (
    <Paper withBorder radius="md" p="md" data-testid="cashier-today">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} fz="h5">
            {t('cashier.today')}
          </Title>
          <Text fw={700} data-testid="cashier-today-total">
            {formatRupiah(total)}
          </Text>
        </Group>
        {list.isPending ? (
          <PageLoader />
        ) : list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : rows.length === 0 ? (
          <Text c="dimmed" fz="sm">
            {t('cashier.todayEmpty')}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={520}>
            <Stack gap={6}>
              {rows.map((row) => {
                const reversed = row.status !== 'ok'
                return (
                  <Group
                    key={row.id}
                    justify="space-between"
                    wrap="nowrap"
                    gap="xs"
                    data-testid="cashier-today-row"
                  >
                    <div style={{ minWidth: 0 }}>
                      <Text fz="sm" fw={600} truncate td={reversed ? 'line-through' : undefined}>
                        {row.number} · {formatRupiah(row.amount)}
                      </Text>
                      <Text fz="xs" c="dimmed" truncate>
                        {row.customerCode} · {row.customerName} · {methodLabel(t, row.method)}
                        {reversed ? ` · ${t('payments.reversed')}` : ''}
                      </Text>
                    </div>
                    <Tooltip label={t('cashier.reprint')}>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('cashier.reprintOf', { number: row.number })}
                        tabIndex={-1}
                        loading={print.isPending && print.variables.paymentId === row.id}
                        onClick={() => print.mutate({ paymentId: row.id })}
                      >
                        <IconPrinter size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                )
              })}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Stack>
    </Paper>
  )
}
