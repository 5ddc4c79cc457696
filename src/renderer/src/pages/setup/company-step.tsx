import { Button, Group, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { CompanyFields, type CompanyFormValues } from '../../components/company-fields'
import type { FormState } from '../../forms/use-form-state'

export function CompanyStep({
  form,
  onSubmit,
}: {
  form: FormState<CompanyFormValues>
  onSubmit: () => void
}) {
  const { t } = useTranslation()
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        onSubmit()
      }}
    >
      <Stack gap="md" pt="md">
        <CompanyFields field={form.text} select={form.select} />
        <Group justify="flex-end">
          <Button type="submit">{t('common.next')}</Button>
        </Group>
      </Stack>
    </form>
  )
}
