import {
  Alert,
  Group,
  NativeSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Switch,
  Text,
  TextInput,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { hotspotProfileInput, QUOTA_UNITS, quotaFromBytes, type QuotaUnit } from '@shared/schemas'
import { trpc } from '../../api/client'
import { FormModal } from '../../components/form-modal'
import { rupiahOrNull, rupiahText } from '../../forms/parse'
import { useFormState } from '../../forms/use-form-state'
import { refreshHotspot, type ProfileRow } from './types'

function toForm(p: ProfileRow | null) {
  const quota = p?.quotaBytes ? quotaFromBytes(p.quotaBytes) : null
  return {
    routerId: p ? String(p.routerId) : '',
    name: p?.name ?? '',
    rateLimit: p?.rateLimit ?? '2M/2M',
    validity: p?.validity ?? '1d',
    sharedUsers: p?.sharedUsers ?? 1,
    price: rupiahText(p?.price),
    dnsName: p?.dnsName ?? '',
    active: p?.active ?? true,
    quotaAmount: (quota?.amount ?? '') as number | string,
    quotaUnit: (quota?.unit ?? 'GB') as QuotaUnit,
  }
}

/** A voucher profile: speed, validity and price; router and name are fixed once created. */
export function ProfileFormModal({
  profile,
  onClose,
}: {
  profile: ProfileRow | null
  onClose: () => void
}) {
  const { t } = useTranslation()
  const routers = useQuery(trpc.hotspot.routers.queryOptions())
  const form = useFormState(toForm(profile))
  const v = form.values
  const save = useMutation(
    trpc.hotspot.saveProfile.mutationOptions({
      onSuccess: (p) => {
        notifications.show({
          color: 'teal',
          message: t('hotspot.profiles.saved', { name: p.name }),
        })
        refreshHotspot()
        onClose()
      },
      onError: (error) => form.showServerError(error, { NAME_TAKEN: 'name' }),
    }),
  )
  const submit = () => {
    const input = {
      ...(profile ? { id: profile.id } : {}),
      routerId: v.routerId ? Number(v.routerId) : Number.NaN,
      name: v.name,
      rateLimit: v.rateLimit,
      validity: v.validity,
      sharedUsers: v.sharedUsers,
      price: rupiahOrNull(v.price) ?? Number.NaN,
      dnsName: v.dnsName,
      active: v.active,
      // Empty: no quota. Anything else is checked by the schema (a number, MB whole, ≤ 10 TB).
      quotaAmount: v.quotaAmount === '' ? null : Number(v.quotaAmount),
      quotaUnit: v.quotaUnit,
    }
    if (form.validate(hotspotProfileInput, input)) save.mutate(input)
    // A number schema cannot say "required" of an empty choice; the form says it.
    else if (!v.routerId) form.setFieldError('routerId', 'validation.required')
  }
  const noRouter = routers.isSuccess && routers.data.length === 0

  return (
    <FormModal
      title={profile ? t('hotspot.profiles.editTitle') : t('hotspot.profiles.createTitle')}
      size="lg"
      onClose={onClose}
      onSubmit={submit}
      error={form.serverError}
      saving={save.isPending}
    >
      {noRouter && (
        <Alert color="yellow" variant="light">
          {t('hotspot.profiles.noRouter')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('hotspot.profileFields.router')}
          required
          disabled={profile !== null}
          data={(routers.data ?? []).map((r) => ({ value: String(r.id), label: r.name }))}
          allowDeselect={false}
          {...form.select('routerId')}
        />
        <TextInput
          label={t('hotspot.profileFields.name')}
          description={t('hotspot.profileFields.nameHint')}
          required
          disabled={profile !== null}
          data-autofocus
          {...form.text('name')}
        />
        <TextInput
          label={t('hotspot.profileFields.rateLimit')}
          description={t('hotspot.profileFields.rateLimitHint')}
          required
          {...form.text('rateLimit')}
        />
        <TextInput
          label={t('hotspot.profileFields.validity')}
          description={t('hotspot.profileFields.validityHint')}
          required
          {...form.text('validity')}
        />
        <TextInput
          label={t('hotspot.profileFields.price')}
          required
          leftSection="Rp"
          inputMode="numeric"
          {...form.text('price')}
        />
        <NumberInput
          label={t('hotspot.profileFields.sharedUsers')}
          min={1}
          max={100}
          allowDecimal={false}
          value={v.sharedUsers}
          onChange={(value) => form.setValue('sharedUsers', Number(value) || 0)}
          error={form.errorOf('sharedUsers')}
        />
      </SimpleGrid>
      <div>
        <Group align="flex-start" gap="sm" wrap="nowrap">
          <NumberInput
            style={{ flex: 1 }}
            label={t('hotspot.profileFields.quota')}
            min={0}
            decimalScale={2}
            decimalSeparator=","
            thousandSeparator="."
            allowNegative={false}
            value={v.quotaAmount}
            onChange={(value) => form.setValue('quotaAmount', value)}
            error={form.errorOf('quotaAmount')}
            data-testid="hotspot-quota"
          />
          <NativeSelect
            w={110}
            label={t('hotspot.profileFields.quotaUnit')}
            data={[...QUOTA_UNITS]}
            value={v.quotaUnit}
            onChange={(e) => form.setValue('quotaUnit', e.currentTarget.value as QuotaUnit)}
            data-testid="hotspot-quota-unit"
          />
        </Group>
        <Text fz="xs" c="dimmed" mt={4}>
          {t('hotspot.profileFields.quotaHint')}
        </Text>
      </div>
      <TextInput
        label={t('hotspot.profileFields.dnsName')}
        description={t('hotspot.profileFields.dnsNameHint')}
        {...form.text('dnsName')}
      />
      <Switch
        label={t('hotspot.profileFields.active')}
        checked={v.active}
        onChange={(e) => form.setValue('active', e.currentTarget.checked)}
      />
    </FormModal>
  )
}
