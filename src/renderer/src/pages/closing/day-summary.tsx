import { Table } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { COUNTER_METHODS } from '@shared/billing'
import { formatRupiah } from '@shared/money'
import type { RouterOutputs } from '../../session/session'
import { methodLabel } from '../cashier/payment-text'

export type CashDay = RouterOutputs['payments']['cashDay']

/** What came in by method, the cash reversed that day and so the cash that should be there. */
export function DaySummary({ day }: { day: CashDay }) {
  const { t } = useTranslation()
  // The counter methods always; gateway only when some arrived under this cashier's name.
  const methods = (Object.keys(day.byMethod) as (keyof CashDay['byMethod'])[]).filter(
    (m) => (COUNTER_METHODS as readonly string[]).includes(m) || day.byMethod[m].count > 0,
  )
  return (
    <Table verticalSpacing="xs" data-testid="closing-summary">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('closing.method')}</Table.Th>
          <Table.Th ta="right">{t('closing.count')}</Table.Th>
          <Table.Th ta="right">{t('closing.amount')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {methods.map((m) => (
          <Table.Tr key={m} data-testid={`closing-method-${m}`}>
            <Table.Td>{methodLabel(t, m)}</Table.Td>
            <Table.Td ta="right">{day.byMethod[m].count}</Table.Td>
            <Table.Td ta="right">{formatRupiah(day.byMethod[m].amount)}</Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Td colSpan={2}>{t('closing.cashReversed')}</Table.Td>
          <Table.Td ta="right" c={day.cashReversed ? 'red' : undefined}>
            {day.cashReversed ? `−${formatRupiah(day.cashReversed)}` : formatRupiah(0)}
          </Table.Td>
        </Table.Tr>
        <Table.Tr fw={700}>
          <Table.Td colSpan={2}>{t('closing.expectedCash')}</Table.Td>
          <Table.Td ta="right" data-testid="closing-expected">
            {formatRupiah(day.expectedCash)}
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  )
}
