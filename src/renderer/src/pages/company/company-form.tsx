import { NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { companyUpdateInput } from '@shared/schemas'
import { queryClient, trpc } from '../../api/client'
import {
  CompanyFields,
  companyToForm,
  type CompanyFormValues,
} from '../../components/company-fields'
import { FormAlert } from '../../components/form-alert'
import { useFormState, type PathMapper } from '../../forms/use-form-state'
import type { RouterOutputs } from '../../session/session'
import { SaveButton } from './settings-section'

type Company = RouterOutputs['company']['get']

interface Values extends CompanyFormValues {
  /** Shown in hours (how people think of a work day); stored as minutes. */
  idleHours: number | string
  absoluteDays: number | string
}

/** The schema's session limits carry no i18n messages; these say the range in the UI's units. */
const mapPath: PathMapper = (path) =>
  path === 'security.sessionIdleMinutes'
    ? 'idleHours'
    : path === 'security.sessionAbsoluteDays'
      ? 'absoluteDays'
      : path

const RANGE_KEYS: Record<string, string> = {
  idleHours: 'company.idleRange',
  absoluteDays: 'company.absoluteRange',
}

export function CompanyForm({ company, editable }: { company: Company; editable: boolean }) {
  const { t } = useTranslation()
  const form = useFormState<Values>({
    ...companyToForm(company),
    idleHours: Math.round((company.security.sessionIdleMinutes / 60) * 100) / 100,
    absoluteDays: company.security.sessionAbsoluteDays,
  })
  const update = useMutation(
    trpc.company.update.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.company.get.queryKey(), saved)
        // The header shows the company name and the dates follow its time zone.
        void queryClient.invalidateQueries(trpc.auth.me.queryFilter())
        notifications.show({ color: 'teal', message: t('company.saved') })
      },
      onError: (error) => form.showServerError(error, {}, mapPath),
    }),
  )

  const submit = () => {
    const { idleHours, absoluteDays, ...profile } = form.values
    const input = {
      ...profile,
      security: {
        sessionIdleMinutes: Math.round(Number(idleHours) * 60),
        sessionAbsoluteDays: Number(absoluteDays),
      },
    }
    if (form.validate(companyUpdateInput, input, mapPath)) update.mutate(input)
  }

  // Range problems get the friendly message instead of zod's generic one.
  const numberError = (key: 'idleHours' | 'absoluteDays') =>
    form.errorOf(key) ? t(RANGE_KEYS[key] ?? 'validation.invalid') : undefined

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <Stack gap="lg">
        <Paper withBorder radius="md" p="lg">
          <Stack gap="md">
            <Title order={2} fz="h4">
              {t('company.profile')}
            </Title>
            <CompanyFields field={form.text} select={form.select} readOnly={!editable} />
          </Stack>
        </Paper>
        <Paper withBorder radius="md" p="lg">
          <Stack gap="md">
            <div>
              <Title order={2} fz="h4">
                {t('company.security')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('company.securityIntro')}
              </Text>
            </div>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NumberInput
                label={t('company.idleHours')}
                description={t('company.idleHint')}
                min={0.1}
                max={168}
                step={0.5}
                decimalScale={2}
                decimalSeparator={t('company.decimalSeparator')}
                readOnly={!editable}
                value={form.values.idleHours}
                onChange={(v) => form.setValue('idleHours', v)}
                error={numberError('idleHours')}
              />
              <NumberInput
                label={t('company.absoluteDays')}
                description={t('company.absoluteHint')}
                min={1}
                max={90}
                allowDecimal={false}
                readOnly={!editable}
                value={form.values.absoluteDays}
                onChange={(v) => form.setValue('absoluteDays', v)}
                error={numberError('absoluteDays')}
              />
            </SimpleGrid>
          </Stack>
        </Paper>
        <FormAlert error={form.serverError} />
        <SaveButton editable={editable} saving={update.isPending} />
      </Stack>
    </form>
  )
}
