import {
  Alert,
  Code,
  Group,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { formatRupiah } from '@shared/money'
import {
  VOUCHER_CHARSETS,
  VOUCHER_MODES,
  hotspotBatchInput,
  quotaText,
  voucherFormatInput,
  type VoucherCharset,
  type VoucherMode,
} from '@shared/schemas'
import { trpc } from '../../api/client'
import { FormModal } from '../../components/form-modal'
import { integerOrNull } from '../../forms/parse'
import { useFormState } from '../../forms/use-form-state'
import { refreshHotspot } from './types'

/** Generate a batch: profile, how many, how codes look, with sample codes as they would print. */
export function GenerateModal({
  onClose,
  onCreated,
}: {
  onClose: () => void
  onCreated: (batchId: number) => void
}) {
  const { t } = useTranslation()
  const profiles = useQuery(trpc.hotspot.profiles.queryOptions())
  const active = (profiles.data ?? []).filter((p) => p.active)
  const form = useFormState({
    profileId: '',
    count: '10',
    prefix: '',
    length: '6',
    charset: 'numeric',
    mode: 'voucher',
    note: '',
  })
  const v = form.values
  const format = {
    prefix: v.prefix,
    length: integerOrNull(v.length) ?? Number.NaN,
    charset: v.charset as VoucherCharset,
    mode: v.mode as VoucherMode,
  }
  const formatOk = voucherFormatInput.safeParse(format)
  const preview = useQuery(
    trpc.hotspot.preview.queryOptions(formatOk.success ? formatOk.data : format, {
      enabled: formatOk.success,
      placeholderData: keepPreviousData,
      staleTime: Infinity,
    }),
  )
  const create = useMutation(
    trpc.hotspot.createBatch.mutationOptions({
      onSuccess: (b) => {
        notifications.show({
          color: 'teal',
          message: t('hotspot.generate.created', { count: b.count }),
        })
        refreshHotspot()
        onCreated(b.id)
      },
      onError: (error) => form.showServerError(error),
    }),
  )
  const count = integerOrNull(v.count)
  const profile = active.find((p) => String(p.id) === v.profileId)
  const submit = () => {
    const input = {
      ...format,
      profileId: v.profileId ? Number(v.profileId) : Number.NaN,
      count: count ?? Number.NaN,
      note: v.note,
    }
    if (form.validate(hotspotBatchInput, input)) create.mutate(input)
    // A number schema cannot say "required" of an empty choice; the form says it.
    else if (!v.profileId) form.setFieldError('profileId', 'validation.required')
  }

  return (
    <FormModal
      title={t('hotspot.generate.title')}
      size="lg"
      onClose={onClose}
      onSubmit={submit}
      error={form.serverError}
      saving={create.isPending}
      submitLabel={t('hotspot.generate.submit', { count: count ?? 0 })}
    >
      {profiles.isSuccess && active.length === 0 && (
        <Alert color="yellow" variant="light">
          {t('hotspot.profiles.empty')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('hotspot.generate.profile')}
          required
          data-autofocus
          data={active.map((p) => ({
            value: String(p.id),
            label: [
              p.name,
              formatRupiah(p.price),
              ...(p.quotaBytes ? [quotaText(p.quotaBytes)] : []),
              p.routerName ?? '',
            ].join(' · '),
          }))}
          allowDeselect={false}
          {...form.select('profileId')}
        />
        <TextInput
          label={t('hotspot.generate.count')}
          description={t('hotspot.generate.countHint')}
          required
          inputMode="numeric"
          {...form.text('count')}
        />
        <TextInput
          label={t('hotspot.generate.prefix')}
          description={t('hotspot.generate.prefixHint')}
          {...form.text('prefix')}
        />
        <TextInput
          label={t('hotspot.generate.length')}
          description={t('hotspot.generate.lengthHint')}
          required
          inputMode="numeric"
          {...form.text('length')}
        />
        <Select
          label={t('hotspot.generate.charset')}
          data={VOUCHER_CHARSETS.map((c) => ({ value: c, label: t(`hotspot.charset.${c}`) }))}
          allowDeselect={false}
          {...form.select('charset')}
        />
        <TextInput label={t('hotspot.generate.note')} {...form.text('note')} />
      </SimpleGrid>
      <Radio.Group
        label={t('hotspot.generate.mode')}
        value={v.mode}
        onChange={(value) => form.setValue('mode', value)}
      >
        <Group mt={4}>
          {VOUCHER_MODES.map((m) => (
            <Radio key={m} value={m} label={t(`hotspot.mode.${m}`)} />
          ))}
        </Group>
      </Radio.Group>
      <Stack gap={4} data-testid="voucher-preview">
        <Text fz="sm" fw={600}>
          {t('hotspot.generate.preview')}
        </Text>
        <Group gap="xs">
          {formatOk.success &&
            (preview.data ?? []).map((c) => (
              <Code key={c.username} fz="sm">
                {v.mode === 'voucher' ? c.username : `${c.username} / ${c.password}`}
              </Code>
            ))}
        </Group>
        <Text fz="xs" c="dimmed">
          {t('hotspot.generate.previewHint')}
        </Text>
        {profile && count !== null && !Number.isNaN(count) && (
          <Text fz="sm">
            {t('hotspot.generate.total', { amount: formatRupiah(count * profile.price) })}
          </Text>
        )}
      </Stack>
    </FormModal>
  )
}
