import { ActionIcon, Button, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import type { ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { BillingSettingsInput } from '@shared/schemas'
import type { FormState } from '../../forms/use-form-state'
import type { BillingSettingsValues } from './billing-settings-values'

type Account = BillingSettingsInput['bankAccounts'][number]

/** The API allows ten; more than that would not fit on a printed invoice anyway. */
const MAX_ACCOUNTS = 10

/** The transfer destinations printed on invoices: add, edit in place, remove. */
export function BankAccountsEditor({
  form,
  editable,
}: {
  form: FormState<BillingSettingsValues>
  editable: boolean
}) {
  const { t } = useTranslation()
  const accounts = form.values.bankAccounts
  const set = (next: Account[]) => form.setValue('bankAccounts', next)
  const change = (index: number, key: keyof Account, value: string) =>
    set(accounts.map((a, i) => (i === index ? { ...a, [key]: value } : a)))
  const field = (index: number, key: keyof Account) => ({
    label: t(`billing.settings.${key}`),
    value: accounts[index]![key],
    onChange: (e: ChangeEvent<HTMLInputElement>) => change(index, key, e.currentTarget.value),
    error: form.errorOf(`bankAccounts.${index}.${key}`),
    readOnly: !editable,
    required: editable,
  })

  return (
    <Stack gap="sm" data-testid="bank-accounts">
      {accounts.length === 0 && (
        <Text fz="sm" c="dimmed">
          {t('billing.settings.bankAccountsEmpty')}
        </Text>
      )}
      {accounts.map((_, index) => (
        <Group key={index} align="flex-start" gap="sm" wrap="nowrap" data-testid="bank-account">
          <TextInput {...field(index, 'bank')} w={140} />
          <TextInput {...field(index, 'accountNumber')} style={{ flex: 1 }} />
          <TextInput {...field(index, 'accountName')} style={{ flex: 1 }} />
          {editable && (
            <Tooltip label={t('billing.settings.removeAccount', { index: index + 1 })}>
              <ActionIcon
                variant="subtle"
                color="red"
                mt={26}
                size="input-sm"
                aria-label={t('billing.settings.removeAccount', { index: index + 1 })}
                onClick={() => set(accounts.filter((__, i) => i !== index))}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      ))}
      {editable && accounts.length < MAX_ACCOUNTS && (
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => set([...accounts, { bank: '', accountNumber: '', accountName: '' }])}
          >
            {t('billing.settings.addAccount')}
          </Button>
        </Group>
      )}
    </Stack>
  )
}
