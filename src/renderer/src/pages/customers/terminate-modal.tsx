import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconInfoCircle } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { customerTerminateInput } from '@shared/schemas'
import { trpc } from '../../api/client'
import { FormAlert } from '../../components/form-alert'
import { useFormState } from '../../forms/use-form-state'
import { refreshCustomers } from './refresh-customers'
import type { CustomerDetail } from './types'
import { DateField } from '../../components/date-field'

/** Ends every open service of the customer; nothing is deleted, so it is said before it is done. */
export function TerminateModal({
  customer,
  onClose,
}: {
  customer: CustomerDetail
  onClose: () => void
}) {
  const { t } = useTranslation()
  const form = useFormState({ reason: '', effectiveDate: '' })
  const terminate = useMutation(
    trpc.customers.terminate.mutationOptions({
      onSuccess: (result) => {
        notifications.show({
          color: 'teal',
          message: t('terminate.done', { name: customer.name, count: result.terminated }),
        })
        refreshCustomers(customer.id)
        onClose()
      },
      onError: (error) => form.showServerError(error),
    }),
  )

  const submit = () => {
    const input = {
      customerId: customer.id,
      reason: form.values.reason,
      effectiveDate: form.values.effectiveDate || undefined,
    }
    if (form.validate(customerTerminateInput, input)) terminate.mutate(input)
  }

  return (
    <Modal opened onClose={onClose} title={t('terminate.title', { name: customer.name })}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        <Stack gap="md">
          <Text fz="sm">{t('terminate.body')}</Text>
          <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />}>
            {t('terminate.kept')}
          </Alert>
          <Textarea
            label={t('terminate.reason')}
            required
            autosize
            minRows={2}
            data-autofocus
            {...form.text('reason')}
          />
          <DateField
            label={t('terminate.effectiveDate')}
            description={t('terminate.effectiveHint')}
            {...form.date('effectiveDate')}
          />
          <FormAlert error={form.serverError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={terminate.isPending}>
              {t('terminate.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
