import { Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatShortDate, type CalendarDate } from '@shared/dates'
import { formatRupiah } from '@shared/money'
import { cashClosingInput } from '@shared/schemas'
import { queryClient, trpc } from '../../api/client'
import { rupiahOrNull, rupiahText } from '../../forms/parse'
import { useFormState } from '../../forms/use-form-state'
import { PaymentAlert } from '../cashier/payment-alert'
import type { CashDay } from './day-summary'
import { Difference } from './difference'

/**
 * The count of the drawer against what the day says, and the closing itself. Closing freezes
 * the day, so it is asked once more with the numbers that will be kept.
 */
export function CloseDayForm({ day }: { day: CashDay }) {
  const { t } = useTranslation()
  const form = useFormState({ counted: '', notes: '' })
  const [confirming, setConfirming] = useState(false)
  const close = useMutation(
    trpc.payments.closeDay.mutationOptions({
      onSuccess: () => {
        setConfirming(false)
        notifications.show({
          color: 'teal',
          message: t('closing.done', { date: formatShortDate(day.date as CalendarDate) }),
        })
        void queryClient.invalidateQueries(trpc.payments.pathFilter())
      },
      onError: (error) => {
        setConfirming(false)
        form.showServerError(error, {}, (path) => (path === 'countedCash' ? 'counted' : path))
      },
    }),
  )
  const counted = rupiahOrNull(form.values.counted)
  const countedValid = counted !== null && !Number.isNaN(counted)
  const input = {
    date: day.date,
    countedCash: counted ?? Number.NaN,
    notes: form.values.notes,
  }

  const ask = () => {
    if (form.validate(cashClosingInput, input, (p) => (p === 'countedCash' ? 'counted' : p)))
      setConfirming(true)
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        ask()
      }}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            size="md"
            label={t('closing.counted')}
            leftSection={<Text fz="sm">Rp</Text>}
            inputMode="numeric"
            autoComplete="off"
            required
            {...form.text('counted')}
            onBlur={() => {
              if (countedValid) form.setValue('counted', rupiahText(counted))
            }}
          />
          <div>
            <Text fz="sm" fw={500}>
              {t('closing.difference')}
            </Text>
            {countedValid ? (
              <Difference
                amount={counted - day.expectedCash}
                fz="xl"
                data-testid="closing-difference"
              />
            ) : (
              <Text fz="xl" c="dimmed">
                {t('common.empty')}
              </Text>
            )}
            <Text fz="xs" c="dimmed">
              {t('closing.differenceHint')}
            </Text>
          </div>
        </SimpleGrid>
        <TextInput label={t('closing.notes')} autoComplete="off" {...form.text('notes')} />
        <PaymentAlert error={form.serverError} />
        <Group justify="flex-end">
          <Button type="submit">{t('closing.submit')}</Button>
        </Group>
      </Stack>
      {confirming && countedValid && (
        <Modal
          opened
          onClose={() => setConfirming(false)}
          title={t('closing.confirmTitle', {
            date: formatShortDate(day.date as CalendarDate),
          })}
        >
          <Stack gap="md">
            <Text fz="sm">
              {t('closing.confirmText', {
                counted: formatRupiah(counted),
                difference: formatRupiah(counted - day.expectedCash),
              })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
              <Button
                color="red"
                loading={close.isPending}
                onClick={() => close.mutate(input)}
                data-autofocus
              >
                {t('closing.confirm')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </form>
  )
}
