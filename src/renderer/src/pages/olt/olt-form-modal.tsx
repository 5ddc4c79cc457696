import { PasswordInput, Select, SimpleGrid, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { OLT_VENDORS, oltInput, oltUpdateInput } from '@shared/schemas'
import { snmpDestination } from '@shared/secret-destination'
import { queryClient, trpc } from '../../api/client'
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

export type OltRow = RouterOutputs['olt']['list'][number]

const VENDOR_LABELS: Record<(typeof OLT_VENDORS)[number], string> = {
  'zte-1012': 'ZTE C300/C320 (1012)',
  'zte-1082': 'ZTE C320 V2 (1082)',
  huawei: 'Huawei MA5608T/MA5800',
  cdata: 'C-Data EPON',
}

/** Add or edit an OLT; "Tes koneksi" works on the form's values before saving. */
export function OltFormModal({ olt, onClose }: { olt: OltRow | null; onClose: () => void }) {
  const { t } = useTranslation()
  const form = useFormState({
    name: olt?.name ?? '',
    vendor: olt?.vendor ?? 'zte-1012',
    host: olt?.host ?? '',
    port: olt?.port ?? 161,
    version: olt?.version ?? 'v2c',
    community: '',
    v3User: olt?.v3User ?? '',
    v3AuthProtocol: olt?.v3AuthProtocol ?? 'sha',
    v3AuthKey: '',
    v3PrivProtocol: olt?.v3PrivProtocol ?? 'aes',
    v3PrivKey: '',
    notes: olt?.notes ?? '',
    active: olt?.active ?? true,
  })
  const v = form.values
  // The saved community goes only where it was saved for: a new address or port needs it again.
  const moved =
    !!olt && snmpDestination({ host: v.host, port: Number(v.port) }) !== snmpDestination(olt)
  const secretField = v.version === 'v2c' ? 'community' : 'v3AuthKey'
  const needsSecret = () => {
    if ((olt && !moved && v.version === olt.version) || v[secretField]) return false
    form.setFieldError(
      secretField,
      moved ? 'validation.password_destination_changed' : 'validation.required',
    )
    return true
  }
  const done = (saved: { name: string }) => {
    notifications.show({
      color: 'teal',
      message: t(olt ? 'olt.updated' : 'olt.created', { name: saved.name }),
    })
    void queryClient.invalidateQueries({ queryKey: trpc.olt.list.queryKey() })
    onClose()
  }
  const onError = (error: unknown) => form.showServerError(error, { NAME_TAKEN: 'name' })
  const create = useMutation(trpc.olt.create.mutationOptions({ onSuccess: done, onError }))
  const update = useMutation(trpc.olt.update.mutationOptions({ onSuccess: done, onError }))
  const test = useMutation(trpc.olt.test.mutationOptions())

  const fields = () => ({
    ...v,
    vendor: v.vendor as (typeof OLT_VENDORS)[number],
    port: Number(v.port),
    version: v.version as 'v2c' | 'v3',
    v3AuthProtocol: v.v3AuthProtocol as 'md5' | 'sha',
    v3PrivProtocol: v.v3PrivProtocol as 'none' | 'des' | 'aes',
  })
  const submit = () => {
    if (needsSecret()) return
    if (olt) {
      const input = { ...fields(), id: olt.id }
      if (form.validate(oltUpdateInput, input)) update.mutate(input)
    } else if (form.validate(oltInput, fields())) create.mutate(fields())
  }
  const runTest = () => {
    if (needsSecret()) return
    test.mutate({ ...fields(), ...(olt ? { id: olt.id } : {}) })
  }

  return (
    <FormModal
      title={olt ? t('olt.editTitle', { name: olt.name }) : t('olt.createTitle')}
      size="lg"
      onClose={onClose}
      onSubmit={submit}
      error={form.serverError}
      saving={create.isPending || update.isPending}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('olt.name')} required data-autofocus {...form.text('name')} />
        <Select
          label={t('olt.vendor')}
          required
          allowDeselect={false}
          data={OLT_VENDORS.map((value) => ({ value, label: VENDOR_LABELS[value] }))}
          data-testid="olt-vendor"
          {...form.select('vendor')}
        />
      </SimpleGrid>
      <HostPortFields
        form={form}
        hostLabel={t('olt.host')}
        portLabel={t('olt.port')}
        placeholder="10.10.1.2"
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('olt.version')}
          allowDeselect={false}
          data={[
            { value: 'v2c', label: 'SNMP v2c' },
            { value: 'v3', label: 'SNMP v3' },
          ]}
          {...form.select('version')}
        />
        {v.version === 'v2c' ? (
          <SavedSecretInput
            label={t('olt.community')}
            saved={!!olt}
            moved={moved}
            keepText={t('olt.communityKeep')}
            movedText={t('olt.communityMoved')}
            data-testid="olt-community"
            style={{ gridColumn: 'span 2' }}
            {...form.text('community')}
          />
        ) : (
          <TextInput
            label={t('olt.v3User')}
            required
            style={{ gridColumn: 'span 2' }}
            {...form.text('v3User')}
          />
        )}
      </SimpleGrid>
      {v.version === 'v3' && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('olt.v3AuthProtocol')}
            allowDeselect={false}
            data={[
              { value: 'sha', label: 'SHA' },
              { value: 'md5', label: 'MD5' },
            ]}
            {...form.select('v3AuthProtocol')}
          />
          <SavedSecretInput
            label={t('olt.v3AuthKey')}
            saved={!!olt}
            moved={moved}
            keepText={t('olt.communityKeep')}
            {...form.text('v3AuthKey')}
          />
          <Select
            label={t('olt.v3PrivProtocol')}
            allowDeselect={false}
            data={[
              { value: 'aes', label: 'AES' },
              { value: 'des', label: 'DES' },
              { value: 'none', label: t('olt.privNone') },
            ]}
            {...form.select('v3PrivProtocol')}
          />
          <PasswordInput
            label={t('olt.v3PrivKey')}
            autoComplete="new-password"
            disabled={v.v3PrivProtocol === 'none'}
            {...form.text('v3PrivKey')}
          />
        </SimpleGrid>
      )}
      <Text fz="xs" c="dimmed">
        {t('olt.sealedNote')}
      </Text>
      <TestConnectionButton
        label={t('olt.test')}
        pendingLabel={t('olt.testing')}
        pending={test.isPending}
        onClick={runTest}
        testId="olt-test"
      />
      {test.isSuccess && (
        <Text fz="sm" c="teal.8" data-testid="olt-test-ok">
          {t('olt.testOk', { name: test.data.sysName ?? '' })} · {test.data.sysDescr}
          {test.data.uptimeSeconds !== null &&
            ` · ${t('olt.uptime', { days: Math.floor(test.data.uptimeSeconds / 86400) })}`}
        </Text>
      )}
      {test.isError && <FormAlert error={test.error} />}
      <NotesAndActiveFields
        form={form}
        notesLabel={t('olt.notes')}
        activeLabel={t('olt.active')}
        editing={!!olt}
      />
    </FormModal>
  )
}
