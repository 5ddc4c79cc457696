import { PasswordInput, Select, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { serviceNetworkInput } from '@shared/schemas'
import { trpc } from '../../api/client'
import { FormModal } from '../../components/form-modal'
import { useFormState } from '../../forms/use-form-state'
import { refreshNetwork } from '../network/jobs-tab'
import { refreshCustomers } from './refresh-customers'
import type { ServiceDetail } from './types'

/** Which router a service lives on, and its login or static IP; the router follows by queue. */
export function ServiceNetworkModal({
  customerId,
  service,
  onClose,
}: {
  customerId: number
  service: ServiceDetail
  onClose: () => void
}) {
  const { t } = useTranslation()
  const routers = useQuery(trpc.network.routers.queryOptions())
  const form = useFormState({
    routerId: service.routerId ? String(service.routerId) : '',
    pppoeUsername: service.pppoeUsername ?? '',
    pppoePassword: '',
    staticIp: service.staticIp ?? '',
  })
  const save = useMutation(
    trpc.network.setServiceNetwork.mutationOptions({
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          message: t('serviceNetwork.saved', { sid: service.sid }),
        })
        refreshCustomers(customerId)
        refreshNetwork()
        onClose()
      },
      onError: (error) =>
        form.showServerError(error, {
          PPPOE_USERNAME_TAKEN: 'pppoeUsername',
          NOT_FOUND: 'routerId',
        }),
    }),
  )
  const submit = () => {
    const v = form.values
    const input = {
      serviceId: service.id,
      routerId: v.routerId ? Number(v.routerId) : null,
      pppoeUsername: v.pppoeUsername,
      pppoePassword: v.pppoePassword,
      staticIp: v.staticIp,
    }
    if (form.validate(serviceNetworkInput, input)) save.mutate(input)
  }
  return (
    <FormModal
      title={t('serviceNetwork.title', { sid: service.sid })}
      onClose={onClose}
      onSubmit={submit}
      error={form.serverError}
      saving={save.isPending}
    >
      <Select
        label={t('serviceNetwork.router')}
        placeholder={t('serviceNetwork.noRouter')}
        clearable
        data={(routers.data ?? []).map((r) => ({ value: String(r.id), label: r.name }))}
        {...form.select('routerId')}
      />
      <TextInput
        label={t('serviceNetwork.username')}
        autoComplete="off"
        {...form.text('pppoeUsername')}
      />
      <PasswordInput
        label={t('serviceNetwork.password')}
        placeholder={t('serviceNetwork.passwordKeep')}
        autoComplete="new-password"
        {...form.text('pppoePassword')}
      />
      <TextInput
        label={t('serviceNetwork.staticIp')}
        placeholder="10.20.0.5"
        {...form.text('staticIp')}
      />
    </FormModal>
  )
}
