import { Anchor, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { IssueView } from '@shared/billing'
import { calendarDate, formatShortDate } from '@shared/dates'
import { formatRupiah } from '@shared/money'
import { hasInvoiceFilters, type InvoiceFilters } from './invoice-params'
import type { InvoiceList } from './types'

/**
 * What the totals include, in words, above the list: issued up to today (the default), issued
 * later, or all; the invoices left out by name and amount; and, for the plain default list, that
 * its balance is the receivables report's total (both stop at today).
 */
export function InvoiceSummary({
  list,
  filters,
  onShow,
}: {
  list: Pick<InvoiceList, 'issue' | 'today' | 'total' | 'paid' | 'upcoming'>
  filters: InvoiceFilters
  onShow: (issue: IssueView) => void
}) {
  const { t } = useTranslation()
  const today = formatShortDate(calendarDate(list.today))
  const upcoming = { count: list.upcoming.count, total: formatRupiah(list.upcoming.total) }
  const otherFilters = hasInvoiceFilters({ ...filters, issue: 'issued' })
  return (
    <Text fz="sm" data-testid="invoice-summary">
      {t(`billing.list.summary.${list.issue}`, {
        today,
        total: formatRupiah(list.total),
        balance: formatRupiah(list.total - list.paid),
      })}{' '}
      {list.issue === 'issued' && upcoming.count > 0 && (
        <>
          {t('billing.list.summary.excluded', upcoming)}{' '}
          <Anchor component="button" type="button" fz="sm" onClick={() => onShow('upcoming')}>
            {t('billing.list.summary.show')}
          </Anchor>{' '}
        </>
      )}
      {list.issue === 'all' && upcoming.count > 0 && (
        <>{t('billing.list.summary.included', upcoming)} </>
      )}
      <Text span fz="sm" c="dimmed">
        {list.issue === 'issued' && !otherFilters
          ? t('billing.list.summary.sameAsReceivables')
          : otherFilters
            ? t('billing.list.summary.filtered')
            : null}
      </Text>
    </Text>
  )
}
