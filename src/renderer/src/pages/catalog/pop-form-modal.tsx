import { Select, Switch, TextInput, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { popInput, popUpdateInput } from '@shared/schemas'
import { trpc } from '../../api/client'
import { FormModal } from '../../components/form-modal'
import { useFormState } from '../../forms/use-form-state'
import { refreshCatalog } from './refresh-catalog'
import type { PopRow } from './types'

/** A point of presence: where customers' lines come together, optionally in one area. */
export function PopFormModal({ pop, onClose }: { pop: PopRow | null; onClose: () => void }) {
  const { t } = useTranslation()
  const areas = useQuery(trpc.catalog.areas.queryOptions())
  const form = useFormState({
    name: pop?.name ?? '',
    areaId: pop?.areaId ? String(pop.areaId) : '',
    address: pop?.address ?? '',
    notes: pop?.notes ?? '',
    active: pop?.active ?? true,
  })
  const v = form.values
  const save = useMutation(
    trpc.catalog.savePop.mutationOptions({
      onSuccess: (saved) => {
        notifications.show({
          color: 'teal',
          message: t(pop ? 'pops.updated' : 'pops.created', { name: saved.name }),
        })
        refreshCatalog()
        onClose()
      },
      onError: (error) => form.showServerError(error, { NAME_TAKEN: 'name' }),
    }),
  )

  const submit = () => {
    const fields = {
      name: v.name,
      areaId: v.areaId ? Number(v.areaId) : null,
      address: v.address,
      notes: v.notes,
    }
    if (!pop) {
      if (form.validate(popInput, fields)) save.mutate(fields)
      return
    }
    const input = { ...fields, id: pop.id, active: v.active }
    if (form.validate(popUpdateInput, input)) save.mutate(input)
  }

  return (
    <FormModal
      title={pop ? t('pops.editTitle') : t('pops.createTitle')}
      onClose={onClose}
      onSubmit={submit}
      error={form.serverError}
      saving={save.isPending}
    >
      <TextInput label={t('pops.name')} required data-autofocus {...form.text('name')} />
      <Select
        label={t('pops.area')}
        placeholder={t('pops.noArea')}
        data={(areas.data ?? []).map((a) => ({
          value: String(a.id),
          label: `${a.code} — ${a.name}`,
        }))}
        clearable
        searchable
        {...form.select('areaId')}
      />
      <Textarea label={t('pops.address')} autosize minRows={2} {...form.text('address')} />
      <Textarea label={t('pops.notes')} autosize minRows={2} {...form.text('notes')} />
      {pop && (
        <Switch
          label={t('pops.active')}
          checked={v.active}
          onChange={(e) => form.setValue('active', e.currentTarget.checked)}
        />
      )}
    </FormModal>
  )
}
