import { Badge, type MantineColor, type MantineSize } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { calendarDate, formatShortDate } from '@shared/dates'

/** Unpaid is the warm colour that asks for action; paid is done; void and draft are out of play. */
const COLORS: Record<string, MantineColor> = {
  belum_bayar: 'red',
  sebagian: 'yellow',
  lunas: 'green',
  void: 'gray',
  draft: 'blue',
}

/** A draft has no payment status yet, so the invoice's own status speaks for it. */
export function invoiceStatusKey(invoice: { status: string; paymentStatus: string }): string {
  return invoice.status === 'draft' ? 'draft' : invoice.paymentStatus
}

export function InvoiceStatusBadge({
  invoice,
  size = 'sm',
}: {
  invoice: { status: string; paymentStatus: string }
  size?: MantineSize
}) {
  const { t } = useTranslation()
  const key = invoiceStatusKey(invoice)
  return (
    <Badge
      color={COLORS[key] ?? 'gray'}
      variant="light"
      size={size}
      tt="none"
      data-testid="invoice-status"
      data-status={key}
    >
      {t(`billing.paymentStatus.${key}`, { defaultValue: key })}
    </Badge>
  )
}

/** An invoice dated after today: numbered by the run, the customer's bill from that day. */
export function UpcomingBadge({
  issueDate,
  size = 'sm',
}: {
  issueDate: string
  size?: MantineSize
}) {
  const { t } = useTranslation()
  return (
    <Badge color="indigo" variant="outline" size={size} tt="none" data-testid="invoice-upcoming">
      {t('billing.list.upcomingBadge', {
        date: formatShortDate(calendarDate(issueDate)),
      })}
    </Badge>
  )
}
