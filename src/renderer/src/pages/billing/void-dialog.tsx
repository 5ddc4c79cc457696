import { Alert, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { voidInvoiceInput } from '@shared/schemas'
import { trpc } from '../../api/client'
import { FormModal } from '../../components/form-modal'
import { useFormState } from '../../forms/use-form-state'
import { refreshBilling } from './refresh-billing'
import type { InvoiceDetail } from './types'

/** Voids an unpaid invoice; the reason is required because the number stays on record. */
export function VoidDialog({ invoice, onClose }: { invoice: InvoiceDetail; onClose: () => void }) {
  const { t } = useTranslation()
  const form = useFormState({ reason: '' })
  const number = invoice.number ?? ''
  const voidInvoice = useMutation(
    trpc.billing.voidInvoice.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('billing.voidDialog.done', { number }) })
        refreshBilling()
        onClose()
      },
      onError: (error) => form.showServerError(error),
    }),
  )
  const submit = () => {
    const input = { invoiceId: invoice.id, reason: form.values.reason }
    if (form.validate(voidInvoiceInput, input)) voidInvoice.mutate(input)
  }
  return (
    <FormModal
      title={t('billing.voidDialog.title', { number })}
      onClose={onClose}
      onSubmit={submit}
      error={form.serverError}
      saving={voidInvoice.isPending}
      submitLabel={t('billing.voidDialog.submit')}
      submitColor="red"
    >
      <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
        {t('billing.voidDialog.body')}
      </Alert>
      <Textarea
        label={t('billing.voidDialog.reason')}
        required
        autosize
        minRows={2}
        data-autofocus
        {...form.text('reason')}
      />
    </FormModal>
  )
}
