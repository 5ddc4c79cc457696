import { Alert } from '@mantine/core'
import { IconAlertCircle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { paymentErrorText } from './payment-text'

/** A server error of the payment pages, with its amounts and receipt numbers filled in. */
export function PaymentAlert({ error }: { error: unknown }) {
  const { t } = useTranslation()
  if (!error) return null
  return (
    <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert" data-testid="form-error">
      {paymentErrorText(t, error)}
    </Alert>
  )
}
