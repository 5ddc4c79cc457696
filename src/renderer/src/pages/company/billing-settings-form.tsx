import {
  Fieldset,
  Group,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import {
  CASH_ROUNDING_STEPS,
  PRORATION_POLICIES,
  RECEIPT_PAPERS,
  TERMINATION_POLICIES,
} from '@shared/billing'
import { formatRupiah } from '@shared/money'
import { billingSettingsInput, type BillingSettingsInput } from '@shared/schemas'
import { queryClient, trpc } from '../../api/client'
import { FormAlert } from '../../components/form-alert'
import { useFormState, type FormState } from '../../forms/use-form-state'
import { BankAccountsEditor } from './billing-settings-banks'
import {
  toInput,
  toValues,
  WHOLE_FIELDS,
  type BillingSettingsValues,
} from './billing-settings-values'
import { SettingsSection, SaveButton } from './settings-section'

const MONO_INPUT = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } }

type Form = FormState<BillingSettingsValues>
type WholeField = (typeof WHOLE_FIELDS)[number]

/** How invoices are numbered, dated, taxed and paid; its own form with its own save. */
export function BillingSettingsSection({ editable }: { editable: boolean }) {
  const { t } = useTranslation()
  const settings = useQuery(trpc.billing.settings.queryOptions())
  return (
    <SettingsSection
      testId="billing-settings"
      title={t('billing.settings.title')}
      intro={t('billing.settings.intro')}
      query={settings}
    >
      {(data) => <BillingSettingsForm settings={data} editable={editable} />}
    </SettingsSection>
  )
}

function BillingSettingsForm({
  settings,
  editable,
}: {
  settings: BillingSettingsInput
  editable: boolean
}) {
  const { t } = useTranslation()
  const form = useFormState<BillingSettingsValues>(toValues(settings))
  const save = useMutation(
    trpc.billing.updateSettings.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.billing.settings.queryKey(), saved)
        form.reset(toValues(saved))
        notifications.show({ color: 'teal', message: t('billing.settings.saved') })
      },
      onError: (error) => form.showServerError(error),
    }),
  )
  const submit = () => {
    const input = toInput(form.values)
    if (form.validate(billingSettingsInput, input)) save.mutate(input)
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <Stack gap="md">
        {/* A disabled fieldset makes every field read-only for those who may only look. */}
        <Fieldset variant="unstyled" disabled={!editable}>
          <Stack gap="md">
            <Numbering form={form} />
            <DueDates form={form} />
            <Policies form={form} />
            <Tax form={form} />
            <Money form={form} />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('billing.settings.bankAccounts')}>
          <Text fz="sm" c="dimmed" mb="sm">
            {t('billing.settings.bankAccountsHint')}
          </Text>
          <BankAccountsEditor form={form} editable={editable} />
        </Fieldset>
        <Textarea
          label={t('billing.settings.invoiceNotes')}
          description={t('billing.settings.invoiceNotesHint')}
          autosize
          minRows={2}
          readOnly={!editable}
          {...form.text('invoiceNotes')}
        />
        <FormAlert error={form.serverError} />
        <SaveButton editable={editable} saving={save.isPending} />
      </Stack>
    </form>
  )
}

/** A whole-number input bound to one of the number settings. */
function Whole({
  form,
  name,
  min,
  max,
  label,
  description,
}: {
  form: Form
  name: WholeField
  min: number
  max: number
  label: string
  description?: string
}) {
  return (
    <NumberInput
      label={label}
      description={description}
      min={min}
      max={max}
      allowDecimal={false}
      allowNegative={false}
      value={form.values[name]}
      onChange={(v) => form.setValue(name, v)}
      error={form.errorOf(name)}
    />
  )
}

function Numbering({ form }: { form: Form }) {
  const { t } = useTranslation()
  return (
    <Fieldset legend={t('billing.settings.numbering')}>
      <Text fz="sm" c="dimmed" mb="sm">
        {t('billing.settings.numberingHint')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('billing.settings.invoicePattern')}
          styles={MONO_INPUT}
          {...form.text('invoicePattern')}
        />
        <TextInput
          label={t('billing.settings.creditNotePattern')}
          styles={MONO_INPUT}
          {...form.text('creditNotePattern')}
        />
        <TextInput
          label={t('billing.settings.receiptPattern')}
          styles={MONO_INPUT}
          {...form.text('receiptPattern')}
        />
      </SimpleGrid>
    </Fieldset>
  )
}

function DueDates({ form }: { form: Form }) {
  const { t } = useTranslation()
  const byDays = form.values.dueRule === 'days'
  return (
    <Fieldset legend={t('billing.settings.due')}>
      <Stack gap="sm">
        <Radio.Group
          label={t('billing.settings.dueRule')}
          value={form.values.dueRule}
          onChange={(v) => form.setValue('dueRule', v as BillingSettingsValues['dueRule'])}
        >
          <Group mt={6}>
            <Radio value="days" label={t('billing.settings.dueRules.days')} />
            <Radio value="fixed_day" label={t('billing.settings.dueRules.fixed_day')} />
          </Group>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {byDays ? (
            <Whole
              form={form}
              name="dueDays"
              min={0}
              max={90}
              label={t('billing.settings.dueDays')}
            />
          ) : (
            <Whole
              form={form}
              name="dueDay"
              min={1}
              max={28}
              label={t('billing.settings.dueDay')}
              description={t('billing.settings.dueDayHint')}
            />
          )}
          <Whole
            form={form}
            name="defaultBillingDay"
            min={1}
            max={28}
            label={t('billing.settings.defaultBillingDay')}
          />
        </SimpleGrid>
      </Stack>
    </Fieldset>
  )
}

function Policies({ form }: { form: Form }) {
  const { t } = useTranslation()
  return (
    <Fieldset legend={t('billing.settings.policies')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('billing.settings.proration')}
            data={PRORATION_POLICIES.map((p) => ({
              value: p,
              label: t(`billing.settings.prorations.${p}`),
            }))}
            allowDeselect={false}
            {...form.select('proration')}
          />
          <Select
            label={t('billing.settings.termination')}
            data={TERMINATION_POLICIES.map((p) => ({
              value: p,
              label: t(`billing.settings.terminations.${p}`),
            }))}
            allowDeselect={false}
            {...form.select('termination')}
          />
        </SimpleGrid>
        <Switch
          label={t('billing.settings.pauseWhileIsolated')}
          description={t('billing.settings.pauseWhileIsolatedHint')}
          checked={form.values.pauseWhileIsolated}
          onChange={(e) => form.setValue('pauseWhileIsolated', e.currentTarget.checked)}
        />
      </Stack>
    </Fieldset>
  )
}

function Tax({ form }: { form: Form }) {
  const { t } = useTranslation()
  const on = form.values.taxEnabled
  return (
    <Fieldset legend={t('billing.settings.tax')}>
      <Stack gap="sm">
        <Switch
          label={t('billing.settings.taxEnabled')}
          checked={on}
          onChange={(e) => form.setValue('taxEnabled', e.currentTarget.checked)}
        />
        {on && (
          <>
            <Switch
              label={t('billing.settings.taxInclusive')}
              checked={form.values.taxInclusive}
              onChange={(e) => form.setValue('taxInclusive', e.currentTarget.checked)}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Whole
                form={form}
                name="taxRatePercent"
                min={0}
                max={100}
                label={t('billing.settings.taxRatePercent')}
              />
              <Whole
                form={form}
                name="taxBaseNumerator"
                min={1}
                max={1000}
                label={`${t('billing.settings.taxBase')} — ${t('billing.settings.taxBaseNumerator')}`}
              />
              <Whole
                form={form}
                name="taxBaseDenominator"
                min={1}
                max={1000}
                label={`${t('billing.settings.taxBase')} — ${t('billing.settings.taxBaseDenominator')}`}
              />
            </SimpleGrid>
            <Text fz="sm" c="dimmed">
              {t('billing.settings.taxBaseHint')}
            </Text>
          </>
        )}
      </Stack>
    </Fieldset>
  )
}

/** Rounding, payments and receipts: what the cashier's counter follows. */
function Money({ form }: { form: Form }) {
  const { t } = useTranslation()
  return (
    <>
      <Fieldset legend={t('billing.settings.rounding')}>
        <Select
          label={t('billing.settings.cashRounding')}
          data={CASH_ROUNDING_STEPS.map((step) => ({
            value: String(step),
            label:
              step === 0
                ? t('billing.settings.roundingNone')
                : t('billing.settings.roundingTo', {
                    step: formatRupiah(step).replace(/^Rp\s*/, ''),
                  }),
          }))}
          allowDeselect={false}
          maw={320}
          {...form.select('cashRounding')}
        />
      </Fieldset>
      <Fieldset legend={t('billing.settings.payments')}>
        <Stack gap="sm">
          <TextInput
            label={t('billing.settings.minimumPayment')}
            description={t('billing.settings.minimumPaymentHint')}
            inputMode="numeric"
            leftSection={<Text fz="sm">Rp</Text>}
            maw={320}
            {...form.text('minimumPayment')}
          />
          <Switch
            label={t('billing.settings.allowCredit')}
            checked={form.values.allowCredit}
            onChange={(e) => form.setValue('allowCredit', e.currentTarget.checked)}
          />
        </Stack>
      </Fieldset>
      <Fieldset legend={t('billing.settings.receipts')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('billing.settings.receiptPaper')}
            data={RECEIPT_PAPERS.map((p) => ({
              value: p,
              label: t(`billing.settings.papers.${p}`),
            }))}
            allowDeselect={false}
            {...form.select('receiptPaper')}
          />
          <TextInput
            label={t('billing.settings.receiptPrinter')}
            description={t('billing.settings.receiptPrinterHint')}
            {...form.text('receiptPrinter')}
          />
        </SimpleGrid>
      </Fieldset>
    </>
  )
}
