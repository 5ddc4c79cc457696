import { Group, Select, Text, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { SERVICE_STATUSES, type ServiceStatus } from '@shared/catalog'
import { serviceStatusInput } from '@shared/schemas'
import { trpc } from '../../api/client'
import { FormModal } from '../../components/form-modal'
import { useFormState } from '../../forms/use-form-state'
import { StatusBadge } from './status-badge'
import { refreshCustomers } from './refresh-customers'
import type { ServiceDetail } from './types'
import { DateField } from '../../components/date-field'

/**
 * A service's next step (survei → instalasi → aktif) or isolir and back. Ending a service is
 * not here: the customer's "Putus" asks for confirmation and ends every service at once.
 */
export function StatusChangeModal({
  customerId,
  service,
  onClose,
}: {
  customerId: number
  service: ServiceDetail
  onClose: () => void
}) {
  const { t } = useTranslation()
  const form = useFormState({ status: '', reason: '', effectiveDate: '' })
  const change = useMutation(
    trpc.customers.changeStatus.mutationOptions({
      onSuccess: (result) => {
        notifications.show({
          color: 'teal',
          message: t('statusChange.done', {
            sid: service.sid,
            status: t(`serviceStatus.${result.status}`),
          }),
        })
        refreshCustomers(customerId)
        onClose()
      },
      onError: (error) =>
        form.showServerError(error, {
          INVALID_STATUS_CHANGE: 'status',
          SERVICE_TERMINATED: 'status',
        }),
    }),
  )
  const options = SERVICE_STATUSES.filter((s) => s !== service.status && s !== 'putus').map(
    (s) => ({
      value: s,
      label: t(`serviceStatus.${s}`),
    }),
  )

  const submit = () => {
    const { status, reason, effectiveDate } = form.values
    const input = {
      serviceId: service.id,
      status: status as ServiceStatus,
      reason,
      effectiveDate: effectiveDate || undefined,
    }
    if (form.validate(serviceStatusInput, input)) change.mutate(input)
  }

  return (
    <FormModal
      title={t('statusChange.title', { sid: service.sid })}
      onClose={onClose}
      onSubmit={submit}
      error={form.serverError}
      saving={change.isPending}
      submitLabel={t('statusChange.submit')}
    >
      <Group gap="xs">
        <Text fz="sm">{t('statusChange.current')}:</Text>
        <StatusBadge status={service.status} />
      </Group>
      <Select
        label={t('statusChange.newStatus')}
        placeholder={t('statusChange.pickStatus')}
        description={t('statusChange.terminateHint')}
        required
        data={options}
        allowDeselect={false}
        {...form.select('status')}
      />
      <Textarea
        label={t('statusChange.reason')}
        required
        autosize
        minRows={2}
        {...form.text('reason')}
      />
      <DateField
        label={t('statusChange.effectiveDate')}
        description={t('statusChange.effectiveHint')}
        {...form.date('effectiveDate')}
      />
    </FormModal>
  )
}
