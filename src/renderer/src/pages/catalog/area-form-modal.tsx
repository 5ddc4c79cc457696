import { Switch, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { DEFAULT_CUSTOMER_CODE_PATTERN } from '@shared/catalog'
import { areaInput, areaUpdateInput } from '@shared/schemas'
import { trpc } from '../../api/client'
import { FormModal } from '../../components/form-modal'
import { useFormState } from '../../forms/use-form-state'
import { formatCode } from '@shared/codes'
import { refreshCatalog } from './refresh-catalog'
import type { AreaRow } from './types'

/** An area: its code starts every customer code in it, by the pattern shown live below. */
export function AreaFormModal({ area, onClose }: { area: AreaRow | null; onClose: () => void }) {
  const { t } = useTranslation()
  const form = useFormState({
    code: area?.code ?? '',
    name: area?.name ?? '',
    codePattern: area?.codePattern ?? DEFAULT_CUSTOMER_CODE_PATTERN,
    active: area?.active ?? true,
  })
  const v = form.values
  const saved = (code: string, key: string) => {
    notifications.show({ color: 'teal', message: t(key, { code }) })
    refreshCatalog()
    onClose()
  }
  const codeFields = { CODE_TAKEN: 'code' } as const
  const create = useMutation(
    trpc.catalog.createArea.mutationOptions({
      onSuccess: (a) => saved(a.code, 'areas.created'),
      onError: (error) => form.showServerError(error, codeFields),
    }),
  )
  const update = useMutation(
    trpc.catalog.updateArea.mutationOptions({
      onSuccess: (a) => saved(a.code, 'areas.updated'),
      onError: (error) => form.showServerError(error, codeFields),
    }),
  )

  const submit = () => {
    const fields = { code: v.code, name: v.name, codePattern: v.codePattern }
    if (!area) {
      if (form.validate(areaInput, fields)) create.mutate(fields)
      return
    }
    const input = { ...fields, id: area.id, active: v.active }
    if (form.validate(areaUpdateInput, input)) update.mutate(input)
  }

  const example = formatCode(v.codePattern.trim(), {
    area: v.code.trim().toUpperCase() || 'CBG01',
    n: 1,
  })
  return (
    <FormModal
      title={area ? t('areas.editTitle') : t('areas.createTitle')}
      onClose={onClose}
      onSubmit={submit}
      error={form.serverError}
      saving={create.isPending || update.isPending}
    >
      <TextInput
        label={t('areas.code')}
        description={area ? t('areas.codeChangeHint') : t('areas.codeHint')}
        required
        autoCapitalize="characters"
        data-autofocus
        {...form.text('code')}
      />
      <TextInput label={t('areas.name')} required {...form.text('name')} />
      <TextInput
        label={t('areas.pattern')}
        description={t('areas.patternHint')}
        ff="monospace"
        {...form.text('codePattern')}
      />
      <Text fz="sm" c="dimmed" data-testid="code-example">
        {t('areas.example', { example })}
      </Text>
      {area && (
        <Switch
          label={t('areas.active')}
          checked={v.active}
          onChange={(e) => form.setValue('active', e.currentTarget.checked)}
        />
      )}
    </FormModal>
  )
}
