import { Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { dateInZone } from '@shared/dates'
import { formatRupiah } from '@shared/money'
import { hotspotSaleInput } from '@shared/schemas'
import { trpc } from '../../api/client'
import { FormModal } from '../../components/form-modal'
import { integerOrNull } from '../../forms/parse'
import { useFormState } from '../../forms/use-form-state'
import { useSession } from '../../session/session'
import { refreshHotspot } from './types'
import { DateField } from '../../components/date-field'

/** Records vouchers handed over for money: count × the batch's price, on a date, by this cashier. */
export function SellModal({
  batchId,
  price,
  available,
  onClose,
}: {
  batchId: number
  price: number
  available: number
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { me } = useSession()
  const form = useFormState({
    count: String(Math.min(available, 1)),
    date: dateInZone(new Date(), me.company.timeZone) as string,
    note: '',
  })
  const v = form.values
  const count = integerOrNull(v.count)
  const sell = useMutation(
    trpc.hotspot.sell.mutationOptions({
      onSuccess: (s) => {
        notifications.show({
          color: 'teal',
          message: t('hotspot.sell.done', { count: s.count, amount: formatRupiah(s.amount) }),
        })
        refreshHotspot()
        onClose()
      },
      onError: (error) => form.showServerError(error),
    }),
  )
  const submit = () => {
    const input = { batchId, count: count ?? Number.NaN, date: v.date, note: v.note }
    if (form.validate(hotspotSaleInput, input)) sell.mutate(input)
  }
  return (
    <FormModal
      title={t('hotspot.sell.title')}
      onClose={onClose}
      onSubmit={submit}
      error={form.serverError}
      saving={sell.isPending}
      submitLabel={t('hotspot.sell.submit')}
    >
      <TextInput
        label={t('hotspot.sell.count')}
        description={t('hotspot.sell.countHint', { available })}
        required
        inputMode="numeric"
        data-autofocus
        {...form.text('count')}
      />
      <DateField label={t('hotspot.sell.date')} required {...form.date('date')} />
      <TextInput label={t('hotspot.sell.note')} {...form.text('note')} />
      {count !== null && !Number.isNaN(count) && (
        <Text fw={600}>
          {t('hotspot.sell.total', {
            count,
            price: formatRupiah(price),
            amount: formatRupiah(count * price),
          })}
        </Text>
      )}
    </FormModal>
  )
}
