import { Anchor, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { calendarDate, formatShortDate } from '@shared/dates'
import { formatRupiah } from '@shared/money'

/**
 * What the receivables total includes, in words: invoices issued up to the as-of date. The ones
 * an anniversary run dated after today are named (count and balance) with a way to see them in
 * Tagihan, and as of today the total is said to equal Tagihan's default balance.
 */
export function ReceivablesNote({
  asOf,
  today,
  upcoming,
  filtered = false,
}: {
  asOf: string
  today: string
  upcoming: { count: number; balance: number }
  /** Narrowed to an area or package: Tagihan's totals (and its upcoming list) are of everyone. */
  filtered?: boolean
}) {
  const { t } = useTranslation()
  return (
    <Text fz="sm" data-testid="receivables-note">
      {t('reports.receivables.includes', {
        asOf: formatShortDate(calendarDate(asOf)),
      })}{' '}
      {!filtered && upcoming.count > 0 && (
        <>
          {t('reports.receivables.upcoming', {
            count: upcoming.count,
            balance: formatRupiah(upcoming.balance),
          })}{' '}
          <Anchor component={Link} to="/billing?issue=upcoming" fz="sm">
            {t('reports.receivables.upcomingLink')}
          </Anchor>{' '}
        </>
      )}
      {!filtered && asOf === today && (
        <Text span fz="sm" c="dimmed">
          {t('reports.receivables.sameAsBilling')}
        </Text>
      )}
    </Text>
  )
}
