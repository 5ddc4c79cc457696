import { Badge, Group, Paper, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatShortDate, type CalendarDate } from '@shared/dates'
import { formatRupiah } from '@shared/money'
import { formatPhone } from '@shared/phone'
import { intlLocale } from '../../i18n'
import { StatusBadge } from '../customers/status-badge'
import { periodText } from './payment-text'
import type { Due } from './types'
import { FigureGrid } from '../../components/figure-grid'

/** The picked customer and what they owe: open invoices oldest first, total due and credit. */
export function DuePanel({ due, today }: { due: Due; today: string }) {
  const { t } = useTranslation()
  const locale = intlLocale()
  const { customer } = due
  return (
    <Stack gap="sm" data-testid="cashier-due">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Text fw={700} fz="lg" data-testid="cashier-customer">
            {customer.code} · {customer.name}
          </Text>
          <Text fz="sm" c="dimmed">
            {[customer.address, customer.phone ? formatPhone(customer.phone) : null]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </div>
        <StatusBadge status={customer.status} size="md" />
      </Group>
      {due.invoices.length === 0 ? (
        <Text c="dimmed" fz="sm" data-testid="cashier-no-invoices">
          {t('cashier.noInvoices')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table striped verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cashier.invoice')}</Table.Th>
                <Table.Th>{t('cashier.period')}</Table.Th>
                <Table.Th>{t('cashier.dueDate')}</Table.Th>
                <Table.Th ta="right">{t('cashier.balance')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {due.invoices.map((invoice) => {
                const overdue = invoice.dueDate < today
                return (
                  <Table.Tr key={invoice.id} data-testid="cashier-invoice">
                    <Table.Td>{invoice.number}</Table.Td>
                    <Table.Td>{periodText(t, invoice.period, locale)}</Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        {formatShortDate(invoice.dueDate as CalendarDate)}
                        {overdue && (
                          <Badge color="red" variant="light" size="sm" tt="none">
                            {t('cashier.overdue')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right">{formatRupiah(invoice.balance)}</Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <FigureGrid>
        <Paper withBorder radius="md" p="xs" bg="var(--mantine-color-teal-light)">
          <Text fz="xs" c="dimmed">
            {t('cashier.totalDue')}
          </Text>
          <Text fw={800} fz="xl" data-testid="cashier-total-due">
            {formatRupiah(due.totalDue)}
          </Text>
        </Paper>
        <Paper withBorder radius="md" p="xs">
          <Text fz="xs" c="dimmed">
            {t('cashier.credit')}
          </Text>
          <Text fw={700} fz="xl" data-testid="cashier-credit">
            {formatRupiah(due.credit)}
          </Text>
        </Paper>
      </FigureGrid>
    </Stack>
  )
}
