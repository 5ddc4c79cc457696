import { Text, TextInput, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatRupiah } from '@shared/money'
import { creditNoteInput } from '@shared/schemas'
import { trpc } from '../../api/client'
import { uiErrorOf } from '../../api/errors'
import { FormModal } from '../../components/form-modal'
import { rupiahOrNull } from '../../forms/parse'
import { useFormState } from '../../forms/use-form-state'
import { refreshBilling } from './refresh-billing'
import type { InvoiceDetail } from './types'

/** What may still be credited: the total less the credit notes already made against it. */
export function creditableOf(invoice: InvoiceDetail): number {
  return Math.max(0, invoice.total - invoice.creditNotes.reduce((sum, cn) => sum + cn.amount, 0))
}

/** A credit note against an issued invoice (an outage refund, a goodwill discount). */
export function CreditNoteDialog({
  invoice,
  onClose,
}: {
  invoice: InvoiceDetail
  onClose: () => void
}) {
  const { t } = useTranslation()
  const form = useFormState({ amount: '', reason: '' })
  // The server's own limit when it refused the amount (someone else may have credited meanwhile).
  const [serverMax, setServerMax] = useState<number | null>(null)
  const [exceeds, setExceeds] = useState(false)
  const max = serverMax ?? creditableOf(invoice)
  const create = useMutation(
    trpc.billing.creditNote.mutationOptions({
      onSuccess: (note) => {
        notifications.show({
          color: 'teal',
          message: t('billing.creditDialog.done', { number: note.number }),
        })
        refreshBilling()
        onClose()
      },
      onError: (error) => {
        const { code, details } = uiErrorOf(error)
        if (code === 'CREDIT_EXCEEDS_INVOICE' && typeof details.max === 'number') {
          setServerMax(details.max)
          setExceeds(true)
          return
        }
        form.showServerError(error)
      },
    }),
  )
  const submit = () => {
    setExceeds(false)
    const input = {
      invoiceId: invoice.id,
      amount: rupiahOrNull(form.values.amount) ?? Number.NaN,
      reason: form.values.reason,
    }
    if (!form.validate(creditNoteInput, input)) return
    if (input.amount > max) {
      setExceeds(true)
      return
    }
    create.mutate(input)
  }
  return (
    <FormModal
      title={t('billing.creditDialog.title', { number: invoice.number ?? '' })}
      onClose={onClose}
      onSubmit={submit}
      error={form.serverError}
      saving={create.isPending}
      submitLabel={t('billing.creditDialog.submit')}
    >
      <Text fz="sm">{t('billing.creditDialog.body')}</Text>
      <TextInput
        label={t('billing.creditDialog.amount')}
        required
        inputMode="numeric"
        leftSection={<Text fz="sm">Rp</Text>}
        description={t('billing.creditDialog.max', { max: formatRupiah(max) })}
        data-autofocus
        {...form.text('amount')}
        onChange={(e) => {
          setExceeds(false)
          form.setValue('amount', e.currentTarget.value)
        }}
        error={
          exceeds
            ? t('errors.CREDIT_EXCEEDS_INVOICE', { max: formatRupiah(max) })
            : form.errorOf('amount')
        }
      />
      <Textarea
        label={t('billing.creditDialog.reason')}
        required
        autosize
        minRows={2}
        {...form.text('reason')}
      />
    </FormModal>
  )
}
