import { Badge, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { periodLabel } from '@shared/billing'
import { calendarDate, formatShortDate } from '@shared/dates'
import { formatRupiah } from '@shared/money'
import { trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import { intlLocale } from '../../i18n'
import { useSession } from '../../session/session'

/**
 * "Riwayat pembayaran" (seed 003): a year of the customer's invoices month by month, which
 * payments paid them on which day, and a mark on an invoice paid in instalments.
 */
export function CustomerPaymentHistory({
  customerId,
  thisYear,
}: {
  customerId: number
  thisYear: number
}) {
  const { t } = useTranslation()
  const { can } = useSession()
  const visible = can('reports.view') || can('billing.view') || can('payments.record')
  const [year, setYear] = useState(thisYear)
  const history = useQuery(
    trpc.reports.customerPayments.queryOptions(
      { customerId, year },
      { enabled: visible, placeholderData: keepPreviousData },
    ),
  )
  if (!visible) return null
  const years = [...new Set([thisYear, year, ...(history.data?.years ?? [])])].sort((a, b) => b - a)
  const data = history.data

  return (
    <Card withBorder radius="md" padding="md" data-testid="customer-payment-history">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={2} fz="h4">
            {t('paymentHistory.title')}
          </Title>
          <Select
            aria-label={t('paymentHistory.year')}
            w={120}
            data={years.map(String)}
            value={String(year)}
            onChange={(v) => v && setYear(Number(v))}
            allowDeselect={false}
          />
        </Group>
        {!data ? (
          history.isError ? (
            <QueryError error={history.error} onRetry={() => void history.refetch()} />
          ) : (
            <PageLoader />
          )
        ) : (
          <>
            <Table striped withRowBorders={false} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('paymentHistory.month')}</Table.Th>
                  <Table.Th>{t('paymentHistory.invoice')}</Table.Th>
                  <Table.Th>{t('paymentHistory.paidOn')}</Table.Th>
                  <Table.Th>{t('paymentHistory.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.months.flatMap((m) =>
                  m.invoices.length === 0
                    ? [
                        <Table.Tr key={m.period}>
                          <Table.Td>{periodLabel(m.period, intlLocale())}</Table.Td>
                          <Table.Td colSpan={3} c="dimmed">
                            {t('paymentHistory.noInvoice')}
                          </Table.Td>
                        </Table.Tr>,
                      ]
                    : m.invoices.map((i) => (
                        <Table.Tr key={i.invoiceId} data-testid="payment-history-row">
                          <Table.Td>{periodLabel(m.period, intlLocale())}</Table.Td>
                          <Table.Td>
                            <Text fz="sm">{i.number}</Text>
                            <Text fz="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                              {formatRupiah(i.total)}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            {i.payments.length === 0
                              ? '—'
                              : i.payments.map((p, n) => (
                                  <Text key={n} fz="sm" style={{ whiteSpace: 'nowrap' }}>
                                    {formatShortDate(calendarDate(p.date))} ·{' '}
                                    {formatRupiah(p.amount)}
                                  </Text>
                                ))}
                          </Table.Td>
                          <Table.Td>
                            <Stack gap={4} align="flex-start">
                              <Text fz="sm">{t(`billing.paymentStatus.${i.status}`)}</Text>
                              {i.instalments && (
                                <Badge size="sm" variant="light" data-testid="instalment-badge">
                                  {t('paymentHistory.instalments', { count: i.payments.length })}
                                </Badge>
                              )}
                            </Stack>
                          </Table.Td>
                        </Table.Tr>
                      )),
                )}
              </Table.Tbody>
            </Table>
            <Text fz="sm">
              {t('paymentHistory.totals', {
                invoiced: formatRupiah(data.totals.invoiced),
                paid: formatRupiah(data.totals.paid),
                balance: formatRupiah(data.totals.balance),
              })}
            </Text>
          </>
        )}
      </Stack>
    </Card>
  )
}
