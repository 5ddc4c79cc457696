import { Checkbox, Select, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { oneTimeChargeInput } from '@shared/schemas'
import { trpc } from '../../api/client'
import { FormModal } from '../../components/form-modal'
import { rupiahOrNull } from '../../forms/parse'
import { useFormState } from '../../forms/use-form-state'
import { refreshBilling } from '../billing/refresh-billing'
import type { CustomerDetail } from './types'

/** A one-time charge (installation, a device, a penalty): on the next invoice, or billed now. */
export function ChargeModal({
  customer,
  onClose,
}: {
  customer: CustomerDetail
  onClose: () => void
}) {
  const { t } = useTranslation()
  const form = useFormState({ description: '', amount: '', serviceId: '', invoiceNow: false })
  const add = useMutation(
    trpc.billing.addCharge.mutationOptions({
      onSuccess: (r) => {
        notifications.show({
          color: 'teal',
          message: r.number
            ? t('billing.chargeDialog.invoiced', { number: r.number })
            : t('billing.chargeDialog.added'),
        })
        refreshBilling()
        onClose()
      },
      onError: (error) => form.showServerError(error),
    }),
  )
  const submit = () => {
    const v = form.values
    const input = {
      customerId: customer.id,
      serviceId: v.serviceId ? Number(v.serviceId) : null,
      description: v.description,
      amount: rupiahOrNull(v.amount) ?? Number.NaN,
      invoiceNow: v.invoiceNow,
    }
    if (form.validate(oneTimeChargeInput, input)) add.mutate(input)
  }
  return (
    <FormModal
      title={t('billing.chargeDialog.title')}
      onClose={onClose}
      onSubmit={submit}
      error={form.serverError}
      saving={add.isPending}
      submitLabel={t('billing.chargeDialog.submit')}
    >
      <TextInput
        label={t('billing.chargeDialog.description')}
        placeholder={t('billing.chargeDialog.descriptionPlaceholder')}
        required
        data-autofocus
        {...form.text('description')}
      />
      <TextInput
        label={t('billing.chargeDialog.amount')}
        required
        inputMode="numeric"
        leftSection={<Text fz="sm">Rp</Text>}
        {...form.text('amount')}
      />
      {customer.services.length > 0 && (
        <Select
          label={t('billing.chargeDialog.service')}
          placeholder={t('billing.chargeDialog.noService')}
          data={customer.services.map((s) => ({
            value: String(s.id),
            label: `${s.sid} — ${s.productName}`,
          }))}
          clearable
          {...form.select('serviceId')}
        />
      )}
      <Checkbox
        label={t('billing.chargeDialog.invoiceNow')}
        description={t('billing.chargeDialog.invoiceNowHint')}
        checked={form.values.invoiceNow}
        onChange={(e) => form.setValue('invoiceNow', e.currentTarget.checked)}
      />
    </FormModal>
  )
}
