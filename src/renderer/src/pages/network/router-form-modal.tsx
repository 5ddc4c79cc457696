import { Select, SimpleGrid, Switch, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { routerInput, routerUpdateInput } from '@shared/schemas'
import { routerDestination } from '@shared/secret-destination'
import { trpc, queryClient } from '../../api/client'
import {
  HostPortFields,
  NotesAndActiveFields,
  SavedSecretInput,
  TestConnectionButton,
} from '../../components/device-fields'
import { FormAlert } from '../../components/form-alert'
import { FormModal } from '../../components/form-modal'
import { useFormState } from '../../forms/use-form-state'
import type { RouterOutputs } from '../../session/session'
import { RouterTestResult } from './router-test-result'

export type RouterRow = RouterOutputs['network']['routers'][number]

/** Add or edit a router; "test connection" works on the form's values before saving. */
export function RouterFormModal({
  router,
  onClose,
}: {
  router: RouterRow | null
  onClose: () => void
}) {
  const { t } = useTranslation()
  const areas = useQuery(trpc.catalog.areas.queryOptions())
  const pops = useQuery(trpc.catalog.pops.queryOptions())
  const form = useFormState({
    name: router?.name ?? '',
    host: router?.host ?? '',
    port: router?.port ?? 8728,
    tls: router?.tls ?? false,
    username: router?.username ?? '',
    password: '',
    areaId: router?.areaId ? String(router.areaId) : '',
    popId: router?.popId ? String(router.popId) : '',
    isolirProfile: router?.isolirProfile ?? 'ISOLIR',
    isolirList: router?.isolirList ?? 'isolir',
    notes: router?.notes ?? '',
    active: router?.active ?? true,
  })
  const v = form.values
  // The saved password goes only where it was saved for (DESIGN.md, Security): a new address,
  // port or TLS setting needs it typed again, which the field says before the server refuses.
  const moved =
    !!router &&
    routerDestination({ host: v.host, port: Number(v.port), tls: v.tls }) !==
      routerDestination(router)
  const needsPassword = () => {
    if (!moved || v.password) return false
    form.setFieldError('password', 'validation.password_destination_changed')
    return true
  }
  const done = (saved: { name: string }) => {
    notifications.show({
      color: 'teal',
      message: t(router ? 'routers.updated' : 'routers.created', { name: saved.name }),
    })
    void queryClient.invalidateQueries({ queryKey: trpc.network.routers.queryKey() })
    onClose()
  }
  const onError = (error: unknown) => form.showServerError(error, { NAME_TAKEN: 'name' })
  const create = useMutation(
    trpc.network.createRouter.mutationOptions({ onSuccess: done, onError }),
  )
  const update = useMutation(
    trpc.network.updateRouter.mutationOptions({ onSuccess: done, onError }),
  )
  const test = useMutation(trpc.network.testRouter.mutationOptions())

  const fields = () => ({
    name: v.name,
    host: v.host,
    port: Number(v.port),
    tls: v.tls,
    username: v.username,
    password: v.password,
    areaId: v.areaId ? Number(v.areaId) : null,
    popId: v.popId ? Number(v.popId) : null,
    isolirProfile: v.isolirProfile,
    isolirList: v.isolirList,
    notes: v.notes,
    active: v.active,
  })
  const submit = () => {
    if (needsPassword()) return
    if (router) {
      const input = { ...fields(), id: router.id }
      if (form.validate(routerUpdateInput, input)) update.mutate(input)
    } else if (!v.password) form.setFieldError('password', 'validation.required')
    else if (form.validate(routerInput, fields())) create.mutate(fields())
  }
  const runTest = () => {
    if (needsPassword()) return
    const f = fields()
    test.mutate({
      host: f.host,
      port: f.port,
      tls: f.tls,
      username: f.username,
      password: f.password,
      ...(router ? { id: router.id } : {}),
    })
  }

  return (
    <FormModal
      title={router ? t('routers.editTitle', { name: router.name }) : t('routers.createTitle')}
      size="lg"
      onClose={onClose}
      onSubmit={submit}
      error={form.serverError}
      saving={create.isPending || update.isPending}
    >
      <TextInput label={t('routers.name')} required data-autofocus {...form.text('name')} />
      <HostPortFields
        form={form}
        hostLabel={t('routers.host')}
        portLabel={t('routers.port')}
        placeholder="192.168.88.1"
      />
      <Switch
        label={t('routers.tls')}
        checked={v.tls}
        onChange={(e) => {
          const tls = e.currentTarget.checked
          form.setValue('tls', tls)
          if (v.port === 8728 || v.port === 8729) form.setValue('port', tls ? 8729 : 8728)
        }}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('routers.username')}
          required
          autoComplete="off"
          {...form.text('username')}
        />
        <SavedSecretInput
          label={t('routers.password')}
          saved={!!router}
          moved={moved}
          keepText={t('routers.passwordKeep')}
          movedText={t('routers.passwordMoved')}
          data-testid="router-password"
          {...form.text('password')}
        />
      </SimpleGrid>
      <Text fz="xs" c="dimmed">
        {t('routers.sealedNote')} {router && t('routers.passwordBound')}
      </Text>
      <TestConnectionButton
        label={t('routers.test')}
        pendingLabel={t('routers.testing')}
        pending={test.isPending}
        onClick={runTest}
        testId="router-test"
      />
      {test.isSuccess && <RouterTestResult probe={test.data} />}
      {test.isError && <FormAlert error={test.error} />}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('routers.area')}
          placeholder={t('routers.none')}
          clearable
          data={(areas.data ?? []).map((a) => ({
            value: String(a.id),
            label: `${a.code} — ${a.name}`,
          }))}
          {...form.select('areaId')}
        />
        <Select
          label={t('routers.pop')}
          placeholder={t('routers.none')}
          clearable
          data={(pops.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
          {...form.select('popId')}
        />
        <TextInput label={t('routers.isolirProfile')} required {...form.text('isolirProfile')} />
        <TextInput label={t('routers.isolirList')} required {...form.text('isolirList')} />
      </SimpleGrid>
      <NotesAndActiveFields
        form={form}
        notesLabel={t('routers.notes')}
        activeLabel={t('routers.active')}
        editing={!!router}
      />
    </FormModal>
  )
}
