import { Anchor, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { periodLabel } from '@shared/billing'
import { formatShortDate, type CalendarDate } from '@shared/dates'
import { formatRupiah } from '@shared/money'
import { intlLocale } from '../../i18n'
import type { RouterOutputs } from '../../session/session'

type Entry = RouterOutputs['billing']['statement']['entries'][number]

const NUM = { ta: 'right', style: { whiteSpace: 'nowrap' } } as const

/** The description column in words: an invoice's period, a payment's method, a credit's reason. */
function useDescription() {
  const { t } = useTranslation()
  const locale = intlLocale()
  return (e: Entry): string => {
    if (e.kind === 'invoice' && /^\d{4}-\d{2}$/.test(e.description))
      return periodLabel(e.description, locale)
    if (e.kind === 'payment' && e.description)
      return t(`billing.method.${e.description}`, { defaultValue: e.description })
    return e.description
  }
}

/** Every invoice, payment, credit note and reversal in date order, with the running balance. */
export function StatementTable({ entries }: { entries: Entry[] }) {
  const { t } = useTranslation()
  const describe = useDescription()
  return (
    <Table.ScrollContainer minWidth={600} mah={420}>
      <Table striped verticalSpacing={6} fz="sm" stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('billing.statement.date')}</Table.Th>
            <Table.Th>{t('billing.statement.kind')}</Table.Th>
            <Table.Th>{t('billing.statement.reference')}</Table.Th>
            <Table.Th>{t('billing.statement.description')}</Table.Th>
            <Table.Th ta="right">{t('billing.statement.amount')}</Table.Th>
            <Table.Th ta="right">{t('billing.statement.running')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={`${e.kind}-${e.id}`} data-testid="statement-row" data-kind={e.kind}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatShortDate(e.date as CalendarDate)}
              </Table.Td>
              <Table.Td>{t(`billing.statement.kinds.${e.kind}`)}</Table.Td>
              <Table.Td ff="monospace">
                {e.kind === 'invoice' || e.kind === 'void' ? (
                  <Anchor component={Link} to={`/billing/${e.id}`} fz="sm" ff="monospace">
                    {e.reference}
                  </Anchor>
                ) : (
                  e.reference
                )}
              </Table.Td>
              <Table.Td>{describe(e)}</Table.Td>
              <Table.Td {...NUM} c={e.amount < 0 ? 'teal' : undefined}>
                {formatRupiah(e.amount)}
              </Table.Td>
              <Table.Td {...NUM}>
                <Text span fz="sm" fw={600}>
                  {formatRupiah(e.balance)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
