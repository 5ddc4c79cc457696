import {
  Button,
  CloseButton,
  Fieldset,
  Group,
  NumberInput,
  Pill,
  Radio,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPlus } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  collectionSettingsInput,
  DEFAULT_COLLECTION_SETTINGS,
  offsetLabel,
  RESTORE_POLICIES,
  type CollectionSettings,
} from '@shared/schemas'
import { queryClient, trpc } from '../../api/client'
import { FormAlert } from '../../components/form-alert'
import { PageLoader, QueryError } from '../../components/query-state'
import { useFormState, type FormState } from '../../forms/use-form-state'
import { useSession } from '../../session/session'

type Values = Omit<CollectionSettings, 'graceDays'> & { graceDays: number | string }
type Form = FormState<Values>

const SWITCHES = [
  'sendWelcome',
  'sendInvoiceNotice',
  'sendReceipt',
  'sendIsolirNotice',
  'sendManualIsolirNotice',
  'sendRestoreNotice',
  'sendPackageNotice',
] as const

/** The collections policy (rules 28–30): reminder days, grace, restore, notices, payment link. */
export function PolicyTab() {
  const settings = useQuery(trpc.collections.settings.queryOptions())
  if (settings.isPending) return <PageLoader />
  if (settings.isError)
    return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />
  return <PolicyForm settings={settings.data} />
}

function PolicyForm({ settings }: { settings: CollectionSettings }) {
  const { t } = useTranslation()
  const { can } = useSession()
  const editable = can('collections.manage')
  const form = useFormState<Values>(settings)
  const save = useMutation(
    trpc.collections.setSettings.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.collections.settings.queryKey(), saved)
        void queryClient.invalidateQueries(trpc.collections.isolirPreview.queryFilter())
        form.reset(saved)
        notifications.show({ color: 'teal', message: t('collections.policy.saved') })
      },
      onError: (error) => form.showServerError(error),
    }),
  )
  const submit = () => {
    const g = form.values.graceDays
    const input = {
      ...form.values,
      graceDays: g === '' ? Number.NaN : Number(g),
      paymentLinkBase: form.values.paymentLinkBase.trim(),
    }
    if (form.validate(collectionSettingsInput, input)) save.mutate(input)
  }
  const v = form.values

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
      data-testid="collections-policy"
    >
      <Stack gap="md">
        <Text c="dimmed" fz="sm">
          {t('collections.policy.intro')}
        </Text>
        <Fieldset legend={t('collections.policy.reminders')} disabled={!editable}>
          <Stack gap="sm">
            <Switch
              label={t('collections.policy.autoReminders')}
              checked={v.autoReminders}
              onChange={(e) => form.setValue('autoReminders', e.currentTarget.checked)}
            />
            <OffsetsEditor form={form} editable={editable} />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('collections.policy.isolir')} disabled={!editable}>
          <Stack gap="sm">
            <Switch
              label={t('collections.policy.autoIsolir')}
              checked={v.autoIsolir}
              onChange={(e) => form.setValue('autoIsolir', e.currentTarget.checked)}
            />
            <NumberInput
              label={t('collections.policy.graceDays')}
              description={t('collections.policy.graceHint')}
              min={0}
              max={90}
              allowDecimal={false}
              value={v.graceDays}
              onChange={(n) => form.setValue('graceDays', n)}
              error={form.errorOf('graceDays')}
              w={220}
            />
            <Radio.Group
              label={t('collections.policy.restoreOn')}
              value={v.restoreOn}
              onChange={(value) => form.setValue('restoreOn', value as Values['restoreOn'])}
            >
              <Stack gap={6} mt={6}>
                {RESTORE_POLICIES.map((p) => (
                  <Radio key={p} value={p} label={t(`collections.policy.restore.${p}`)} />
                ))}
              </Stack>
            </Radio.Group>
          </Stack>
        </Fieldset>
        <Fieldset legend={t('collections.policy.messages')} disabled={!editable}>
          <Stack gap="sm">
            {SWITCHES.map((key) => (
              <Switch
                key={key}
                label={t(`collections.policy.${key}`)}
                checked={v[key]}
                onChange={(e) => form.setValue(key, e.currentTarget.checked)}
              />
            ))}
            <TextInput
              label={t('collections.policy.paymentLinkBase')}
              description={t('collections.policy.paymentLinkHint')}
              placeholder="https://bayar.contoh.id/p/"
              {...form.text('paymentLinkBase')}
            />
          </Stack>
        </Fieldset>
        <FormAlert error={form.serverError} />
        {editable && (
          <Group justify="flex-end">
            <Button variant="default" onClick={() => form.reset(DEFAULT_COLLECTION_SETTINGS)}>
              {t('collections.policy.defaults')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  )
}

/** Reminder days as chips (D-3, D0, D+3); a new one is typed as a number of days. */
function OffsetsEditor({ form, editable }: { form: Form; editable: boolean }) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState('')
  const offsets = form.values.reminderOffsets
  const add = () => {
    const n = Number(draft.trim().replace(/^D/i, ''))
    if (!draft.trim() || !Number.isInteger(n) || n < -30 || n > 60 || offsets.includes(n)) {
      form.setFieldError('reminderOffsets', 'validation.reminder_offsets')
      return
    }
    form.setValue(
      'reminderOffsets',
      [...offsets, n].sort((a, b) => a - b),
    )
    setDraft('')
  }
  return (
    <Stack gap={6}>
      <Text fz="sm" fw={500}>
        {t('collections.policy.offsets')}
      </Text>
      <Text fz="xs" c="dimmed">
        {t('collections.policy.offsetsHint')}
      </Text>
      {offsets.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('collections.policy.noOffsets')}
        </Text>
      ) : (
        <Group gap="xs" data-testid="reminder-offsets">
          {offsets.map((o) => (
            <Pill
              key={o}
              size="lg"
              withRemoveButton={editable}
              removeButtonProps={{
                'aria-label': t('collections.policy.removeOffset', { label: offsetLabel(o) }),
              }}
              onRemove={() =>
                form.setValue(
                  'reminderOffsets',
                  offsets.filter((x) => x !== o),
                )
              }
            >
              {offsetLabel(o)}
            </Pill>
          ))}
        </Group>
      )}
      {editable && (
        <Group gap="xs" align="flex-start">
          <TextInput
            aria-label={t('collections.policy.offsetInput')}
            placeholder={t('collections.policy.offsetPlaceholder')}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault()
                add()
              }
            }}
            error={form.errorOf('reminderOffsets')}
            w={180}
            rightSection={draft ? <CloseButton size="sm" onClick={() => setDraft('')} /> : null}
          />
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={add}>
            {t('collections.policy.addOffset')}
          </Button>
        </Group>
      )}
    </Stack>
  )
}
