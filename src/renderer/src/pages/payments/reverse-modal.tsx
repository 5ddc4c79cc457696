import { Stack, Text, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { formatRupiah } from '@shared/money'
import { reversePaymentInput } from '@shared/schemas'
import { queryClient, trpc } from '../../api/client'
import { FormModal } from '../../components/form-modal'
import { useFormState } from '../../forms/use-form-state'
import type { PaymentRow } from '../cashier/types'

/** Reversing needs a reason: it is kept on the receipt and in the audit log. */
export function ReverseModal({ payment, onClose }: { payment: PaymentRow; onClose: () => void }) {
  const { t } = useTranslation()
  const form = useFormState({ reason: '' })
  const reverse = useMutation(
    trpc.payments.reverse.mutationOptions({
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          message: t('payments.reverseDone', { number: payment.number }),
        })
        // The invoices open again and the cash day changes, not only this list.
        void queryClient.invalidateQueries(trpc.payments.pathFilter())
        void queryClient.invalidateQueries(trpc.billing.pathFilter())
        onClose()
      },
      onError: (error) => form.showServerError(error),
    }),
  )

  const submit = () => {
    const input = { paymentId: payment.id, reason: form.values.reason }
    if (form.validate(reversePaymentInput, input)) reverse.mutate(input)
  }

  return (
    <FormModal
      title={t('payments.reverseTitle', { number: payment.number })}
      onClose={onClose}
      onSubmit={submit}
      error={form.serverError}
      saving={reverse.isPending}
      submitLabel={t('payments.reverseConfirm')}
      submitColor="red"
    >
      <Stack gap="sm">
        <Text fz="sm">
          {t('payments.reverseIntro', {
            amount: formatRupiah(payment.amount),
            customer: `${payment.customerCode} · ${payment.customerName}`,
          })}
        </Text>
        <Textarea
          label={t('payments.reverseReason')}
          required
          autosize
          minRows={2}
          data-autofocus
          {...form.text('reason')}
        />
      </Stack>
    </FormModal>
  )
}
