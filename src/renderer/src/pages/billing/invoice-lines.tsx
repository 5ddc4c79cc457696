import { Table, Text } from '@mantine/core'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import { formatShortDate, type CalendarDate } from '@shared/dates'
import { formatRupiah } from '@shared/money'
import { dayBefore } from './run-period'
import type { InvoiceDetail, InvoiceLine } from './types'

interface Group {
  key: string
  name: string | null
  lines: InvoiceLine[]
  subtotal: number
}

/**
 * Lines per package in the order they were billed, like the printed invoice: usage charges
 * (rule 17) under their own heading, other lines without a package under "Biaya lain".
 */
export function groupLines(lines: InvoiceLine[]): Group[] {
  const groups = new Map<string, Group>()
  for (const line of lines) {
    const key =
      line.productId !== null ? String(line.productId) : line.kind === 'usage' ? 'usage' : 'other'
    const group = groups.get(key) ?? { key, name: line.productName, lines: [], subtotal: 0 }
    group.lines.push(line)
    group.subtotal += line.amount
    groups.set(key, group)
  }
  return [...groups.values()]
}

const NUM = { ta: 'right', style: { whiteSpace: 'nowrap' } } as const

/** The lines, grouped by package, then subtotal, tax, rounding, total, paid and balance. */
export function InvoiceLines({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation()
  const groups = groupLines(invoice.lines)
  const date = (d: string) => formatShortDate(d as CalendarDate)
  const groupName = (g: Group) =>
    g.name ??
    (g.key === 'usage' ? t('billing.invoice.usageCharges') : t('billing.invoice.otherCharges'))
  const sum = (label: string, amount: number, testId: string, strong = false) => (
    <Table.Tr data-testid={testId}>
      <Table.Td colSpan={3} ta="right" fw={strong ? 700 : 500}>
        {label}
      </Table.Td>
      <Table.Td {...NUM} fw={strong ? 700 : 500}>
        {formatRupiah(amount)}
      </Table.Td>
    </Table.Tr>
  )
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('billing.invoice.description')}</Table.Th>
            <Table.Th>{t('billing.invoice.sid')}</Table.Th>
            <Table.Th>{t('billing.invoice.servicePeriod')}</Table.Th>
            <Table.Th ta="right">{t('billing.invoice.amount')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invoice.lines.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={4}>
                <Text c="dimmed" fz="sm">
                  {t('billing.invoice.noLines')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {groups.map((g) => (
            <Fragment key={g.key}>
              <Table.Tr bg="var(--mantine-color-default-hover)">
                <Table.Td colSpan={4} fw={700}>
                  {groupName(g)}
                </Table.Td>
              </Table.Tr>
              {g.lines.map((l) => (
                <Table.Tr key={l.id} data-testid="invoice-line">
                  <Table.Td>{l.description}</Table.Td>
                  <Table.Td ff="monospace">{l.sid ?? t('common.empty')}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {l.periodStart && l.periodEnd
                      ? `${date(l.periodStart)} – ${date(dayBefore(l.periodEnd))}`
                      : t('common.empty')}
                  </Table.Td>
                  <Table.Td {...NUM}>{formatRupiah(l.amount)}</Table.Td>
                </Table.Tr>
              ))}
              {groups.length > 1 &&
                sum(
                  t('billing.invoice.groupSubtotal', { name: groupName(g) }),
                  g.subtotal,
                  'invoice-group-subtotal',
                )}
            </Fragment>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          {sum(t('billing.invoice.subtotal'), invoice.subtotal, 'invoice-subtotal')}
          {(invoice.tax !== 0 || invoice.taxLabel) &&
            sum(invoice.taxLabel ?? t('billing.settings.tax'), invoice.tax, 'invoice-tax')}
          {invoice.rounding !== 0 &&
            sum(t('billing.invoice.rounding'), invoice.rounding, 'invoice-rounding')}
          {sum(t('billing.invoice.total'), invoice.total, 'invoice-total', true)}
          {sum(t('billing.invoice.paid'), invoice.paid, 'invoice-paid')}
          {sum(t('billing.invoice.balance'), invoice.balance, 'invoice-balance', true)}
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  )
}
