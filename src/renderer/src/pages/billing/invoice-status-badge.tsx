import { Badge, type MantineColor, type MantineSize } from '@mantine/core'
import { useTranslation } from 'react-i18next'

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
