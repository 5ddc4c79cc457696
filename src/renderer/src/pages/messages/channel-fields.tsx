import {
  NumberInput,
  PasswordInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { channelDestination } from '@shared/secret-destination'
import type { FormState } from '../../forms/use-form-state'
import type { ChannelFormValues, ChannelRow } from './channel-form'

interface FieldsProps {
  form: FormState<ChannelFormValues>
  saved: ChannelRow | null
}

/**
 * A secret kept on the host: empty means "keep the stored one" when the provider is unchanged and
 * the destination is the one it was saved for. A changed address, port or URL needs it typed
 * again (the server refuses otherwise), and the field says so as soon as the address changes.
 */
function SecretInput({
  form,
  saved,
  field,
}: FieldsProps & {
  field: 'token' | 'password'
}) {
  const { t } = useTranslation()
  const v = form.values
  const stored =
    saved?.provider === v.provider && (field === 'token' ? saved.hasToken : saved.hasPassword)
  const moved =
    stored &&
    channelDestination(v.provider, v) !== channelDestination(saved.provider, saved.settings)
  return (
    <PasswordInput
      label={t(`channels.field.${field}`)}
      autoComplete="new-password"
      required={moved}
      placeholder={stored && !moved ? t(`channels.field.${field}Stored`) : undefined}
      description={
        moved ? (
          <Text span fz="xs" c="orange.8">
            {t(`channels.field.${field}Moved`)}
          </Text>
        ) : undefined
      }
      data-testid={`channel-${field}`}
      {...form.text(field)}
    />
  )
}

function WhatsappGatewayFields({ form, saved }: FieldsProps) {
  const { t } = useTranslation()
  const v = form.values
  return (
    <>
      <SecretInput form={form} saved={saved} field="token" />
      <TextInput
        label={t('channels.field.baseUrl')}
        description={t('channels.field.baseUrlHint')}
        placeholder={v.provider === 'wablas' ? 'https://solo.wablas.com' : 'https://api.fonnte.com'}
        required={v.provider === 'wablas'}
        data-testid="channel-base-url"
        {...form.text('baseUrl')}
      />
    </>
  )
}

function UrlTemplateFields({ form, saved }: FieldsProps) {
  const { t } = useTranslation()
  const v = form.values
  return (
    <>
      <SegmentedControl
        aria-label={t('channels.field.method')}
        data={['GET', 'POST']}
        value={v.method}
        onChange={(value) => form.setValue('method', value as 'GET' | 'POST')}
        w="fit-content"
      />
      <TextInput
        label={t('channels.field.templateUrl')}
        description={t('channels.field.templateUrlHint')}
        required
        data-testid="channel-template-url"
        {...form.text('templateUrl')}
      />
      {v.method === 'POST' && (
        <>
          <Textarea
            label={t('channels.field.bodyTemplate')}
            description={t('channels.field.bodyTemplateHint')}
            autosize
            minRows={2}
            {...form.text('bodyTemplate')}
          />
          <Select
            label={t('channels.field.bodyType')}
            allowDeselect={false}
            data={(['form', 'json', 'text'] as const).map((k) => ({
              value: k,
              label: t(`channels.field.bodyTypes.${k}`),
            }))}
            {...form.select('bodyType')}
          />
        </>
      )}
      <SecretInput form={form} saved={saved} field="token" />
    </>
  )
}

function SmtpFields({ form, saved }: FieldsProps) {
  const { t } = useTranslation()
  const v = form.values
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('channels.field.host')}
          required
          placeholder="smtp.gmail.com"
          style={{ gridColumn: 'span 2' }}
          data-testid="channel-host"
          {...form.text('host')}
        />
        <NumberInput
          label={t('channels.field.port')}
          required
          min={1}
          max={65535}
          value={v.port}
          error={form.errorOf('port')}
          onChange={(value) => {
            const port = Number(value) || 0
            form.setValue('port', port)
            if (port === 465) form.setValue('secure', true)
            else if (port === 587 || port === 25) form.setValue('secure', false)
          }}
        />
      </SimpleGrid>
      <Switch
        label={t('channels.field.secure')}
        checked={v.secure}
        onChange={(e) => form.setValue('secure', e.currentTarget.checked)}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('channels.field.user')} autoComplete="off" {...form.text('user')} />
        <SecretInput form={form} saved={saved} field="password" />
      </SimpleGrid>
      <TextInput
        label={t('channels.field.from')}
        description={t('channels.field.fromHint')}
        required
        data-testid="channel-from"
        {...form.text('from')}
      />
    </>
  )
}

/** The fields of the chosen provider, then the rate and the on/off switch every channel has. */
export function ChannelFields({ form, saved }: FieldsProps) {
  const { t } = useTranslation()
  const v = form.values
  return (
    <Stack gap="sm">
      {(v.provider === 'fonnte' || v.provider === 'wablas') && (
        <WhatsappGatewayFields form={form} saved={saved} />
      )}
      {v.provider === 'url' && <UrlTemplateFields form={form} saved={saved} />}
      {v.provider === 'smtp' && <SmtpFields form={form} saved={saved} />}
      {v.provider !== 'baileys' && (
        <Text fz="xs" c="dimmed">
          {t('channels.sealedNote')}
        </Text>
      )}
      <NumberInput
        label={t('channels.field.rate')}
        description={t('channels.field.rateHint')}
        min={1}
        max={600}
        styles={{ wrapper: { maxWidth: 220 } }}
        value={v.ratePerMinute}
        error={form.errorOf('ratePerMinute')}
        onChange={(value) => form.setValue('ratePerMinute', Number(value) || 0)}
        data-testid="channel-rate"
      />
      <Switch
        label={t('channels.field.enabled')}
        checked={v.enabled}
        onChange={(e) => form.setValue('enabled', e.currentTarget.checked)}
        data-testid="channel-enabled"
      />
    </Stack>
  )
}
