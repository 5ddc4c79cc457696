import { Alert, NumberInput, Stack, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconInfoCircle } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { queryClient, trpc } from '../../api/client'
import { FormAlert } from '../../components/form-alert'
import { useFormState } from '../../forms/use-form-state'
import type { RouterOutputs } from '../../session/session'
import { customerSettingsInput, EXAMPLE_CUSTOMER, settingsExamples } from './customer-settings'
import { SettingsSection, SaveButton } from './settings-section'

type CustomerSettings = RouterOutputs['company']['customerSettings']

// Monospace for what is typed only: the label and the explanation stay in the normal font.
const MONO_INPUT = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } }

interface Values {
  sidPattern: string
  pppoeUsernameRule: string
  pppoePasswordLength: number | string
}

/** How new services get their SID and PPPoE credentials; its own form with its own save. */
export function CustomerSettingsSection({ editable }: { editable: boolean }) {
  const { t } = useTranslation()
  const settings = useQuery(trpc.company.customerSettings.queryOptions())
  return (
    <SettingsSection
      testId="customer-settings"
      title={t('customerSettings.title')}
      intro={t('customerSettings.intro')}
      query={settings}
    >
      {(data) => <CustomerSettingsForm settings={data} editable={editable} />}
    </SettingsSection>
  )
}

function CustomerSettingsForm({
  settings,
  editable,
}: {
  settings: CustomerSettings
  editable: boolean
}) {
  const { t } = useTranslation()
  const form = useFormState<Values>(settings)
  const save = useMutation(
    trpc.company.updateCustomerSettings.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.company.customerSettings.queryKey(), saved)
        form.reset(saved)
        notifications.show({ color: 'teal', message: t('customerSettings.saved') })
      },
      onError: (error) => form.showServerError(error),
    }),
  )

  const submit = () => {
    const v = form.values
    const input = {
      sidPattern: v.sidPattern.trim(),
      pppoeUsernameRule: v.pppoeUsernameRule.trim(),
      pppoePasswordLength:
        v.pppoePasswordLength === '' ? Number.NaN : Number(v.pppoePasswordLength),
    }
    if (form.validate(customerSettingsInput, input)) save.mutate(input)
  }

  const example = settingsExamples(form.values)
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <Stack gap="md">
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />}>
          {t('customerSettings.kept')}
        </Alert>
        <div>
          <TextInput
            label={t('customerSettings.sidPattern')}
            description={t('customerSettings.sidPatternHint')}
            required={editable}
            readOnly={!editable}
            styles={MONO_INPUT}
            maw={420}
            {...form.text('sidPattern')}
          />
          <Text fz="sm" c="dimmed" mt={6} data-testid="sid-example">
            {t('customerSettings.sidExample', { example: example.sid })}
          </Text>
        </div>
        <div>
          <TextInput
            label={t('customerSettings.usernameRule')}
            description={t('customerSettings.usernameRuleHint')}
            required={editable}
            readOnly={!editable}
            styles={MONO_INPUT}
            maw={420}
            {...form.text('pppoeUsernameRule')}
          />
          <Text fz="sm" c="dimmed" mt={6} data-testid="username-example">
            {t('customerSettings.usernameExample', {
              ...EXAMPLE_CUSTOMER,
              example: example.username,
            })}
          </Text>
        </div>
        <NumberInput
          label={t('customerSettings.passwordLength')}
          description={t('customerSettings.passwordLengthHint')}
          min={6}
          max={32}
          allowDecimal={false}
          allowNegative={false}
          readOnly={!editable}
          maw={420}
          value={form.values.pppoePasswordLength}
          onChange={(v) => form.setValue('pppoePasswordLength', v)}
          // Only a range problem is possible here; say the range rather than "outside the limits".
          error={
            form.errorOf('pppoePasswordLength') ? t('customerSettings.passwordRange') : undefined
          }
        />
        <FormAlert error={form.serverError} />
        <SaveButton editable={editable} saving={save.isPending} />
      </Stack>
    </form>
  )
}
