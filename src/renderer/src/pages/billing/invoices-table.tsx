import { Anchor, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { periodLabel } from '@shared/billing'
import { formatShortDate, type CalendarDate } from '@shared/dates'
import { formatRupiah } from '@shared/money'
import { intlLocale } from '../../i18n'
import { InvoiceStatusBadge, UpcomingBadge } from './invoice-status-badge'
import type { InvoiceRow } from './types'

interface Props {
  rows: InvoiceRow[]
  totals: { count: number; total: number; paid: number }
}

const NUM = { ta: 'right', style: { whiteSpace: 'nowrap' } } as const

/** The invoices with a totals row; a row opens the invoice, its number is the keyboard's link. */
export function InvoicesTable({ rows, totals }: Props) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const locale = intlLocale()
  const date = (d: string) => formatShortDate(d as CalendarDate)
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped highlightOnHover verticalSpacing="xs" stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('billing.list.number')}</Table.Th>
            <Table.Th>{t('billing.list.customer')}</Table.Th>
            <Table.Th>{t('billing.list.period')}</Table.Th>
            <Table.Th>{t('billing.list.issueDate')}</Table.Th>
            <Table.Th>{t('billing.list.dueDate')}</Table.Th>
            <Table.Th ta="right">{t('billing.list.total')}</Table.Th>
            <Table.Th ta="right">{t('billing.list.paid')}</Table.Th>
            <Table.Th ta="right">{t('billing.list.balance')}</Table.Th>
            <Table.Th>{t('billing.list.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr
              key={r.id}
              data-testid="invoice-row"
              style={{ cursor: 'pointer' }}
              onClick={() => void navigate(`/billing/${r.id}`)}
            >
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/billing/${r.id}`}
                  ff="monospace"
                  fz="sm"
                  onClick={(e) => e.stopPropagation()}
                >
                  {r.number ?? t('billing.invoice.draft')}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text fz="sm" ff="monospace" c="dimmed" span>
                  {r.customerCode}
                </Text>{' '}
                <Text fz="sm" span>
                  {r.customerName}
                </Text>
              </Table.Td>
              <Table.Td>
                {r.period ? periodLabel(r.period, locale) : t('billing.list.oneTime')}
              </Table.Td>
              <Table.Td>{date(r.issueDate)}</Table.Td>
              <Table.Td>{date(r.dueDate)}</Table.Td>
              <Table.Td {...NUM}>{formatRupiah(r.total)}</Table.Td>
              <Table.Td {...NUM}>{formatRupiah(r.paid)}</Table.Td>
              <Table.Td {...NUM} fw={r.balance > 0 ? 600 : undefined}>
                {formatRupiah(r.balance)}
              </Table.Td>
              <Table.Td>
                {/* Stacked: side by side the column is too narrow and both badges get cut. */}
                <Stack gap={4} align="flex-start">
                  {r.upcoming && <UpcomingBadge issueDate={r.issueDate} />}
                  <InvoiceStatusBadge invoice={r} />
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr data-testid="invoice-totals" fw={700}>
            <Table.Td colSpan={5}>
              {t('billing.list.totals', { count: totals.count })}
              <Text fz="xs" c="dimmed" fw={400}>
                {t('billing.list.totalsHint')}
              </Text>
            </Table.Td>
            <Table.Td {...NUM}>{formatRupiah(totals.total)}</Table.Td>
            <Table.Td {...NUM}>{formatRupiah(totals.paid)}</Table.Td>
            <Table.Td {...NUM}>{formatRupiah(totals.total - totals.paid)}</Table.Td>
            <Table.Td />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  )
}
