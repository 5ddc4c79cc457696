import { Alert, Badge, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconBrandWhatsapp, IconMail, IconSend } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatInstant } from '@shared/dates'
import { WHATSAPP_PROVIDERS, type ChannelProvider, type MessageChannel } from '@shared/messaging'
import { channelInput } from '@shared/schemas'
import { queryClient, trpc } from '../../api/client'
import { useFormState } from '../../forms/use-form-state'
import { intlLocale } from '../../i18n'
import { useSession } from '../../session/session'
import { BaileysPanel } from './channel-baileys'
import { ChannelFields } from './channel-fields'
import {
  channelInputOf,
  channelState,
  FONNTE_BASE_URL,
  initialValues,
  type ChannelRow,
} from './channel-form'
import { ChannelTestModal } from './channel-test-modal'
import { FormAlert } from '../../components/form-alert'

/** One channel (WhatsApp or e-mail): its provider and settings, its state, and the test button. */
export function ChannelCard({
  kind,
  saved,
  canManage,
}: {
  kind: MessageChannel
  saved: ChannelRow | null
  canManage: boolean
}) {
  const { t } = useTranslation()
  const { me } = useSession()
  const form = useFormState(initialValues(kind, saved))
  const [testing, setTesting] = useState(false)
  const v = form.values
  const save = useMutation(
    trpc.channels.set.mutationOptions({
      onSuccess: (row) => {
        notifications.show({
          color: 'teal',
          message: t('channels.saved', { kind: t(`channels.kind.${kind}`) }),
        })
        form.reset(initialValues(kind, row))
        void queryClient.invalidateQueries({ queryKey: trpc.channels.list.queryKey() })
      },
      onError: (error) => form.showServerError(error),
    }),
  )
  const submit = () => {
    const input = channelInputOf(form.values)
    if (form.validate(channelInput, input)) save.mutate(input)
  }
  const chooseProvider = (provider: ChannelProvider) => {
    form.setValue('provider', provider)
    // Fonnte has one public server; Wablas servers differ per account, so the field starts empty.
    if (provider === 'fonnte' && !v.baseUrl) form.setValue('baseUrl', FONNTE_BASE_URL)
    if (provider === 'wablas' && v.baseUrl === FONNTE_BASE_URL) form.setValue('baseUrl', '')
  }
  const state = channelState(saved)
  const Icon = kind === 'whatsapp' ? IconBrandWhatsapp : IconMail

  return (
    <Card withBorder padding="lg" data-testid={`channel-card-${kind}`}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Icon size={28} />
            <div>
              <Title order={2} fz="h4">
                {t(`channels.kind.${kind}`)}
              </Title>
              <Text fz="xs" c="dimmed">
                {t(`channels.kindHint.${kind}`)}
              </Text>
            </div>
          </Group>
          <Badge
            color={state.color}
            variant="light"
            tt="none"
            style={{ flexShrink: 0 }}
            data-testid="channel-status"
          >
            {t(`channels.status.${state.key}`)}
          </Badge>
        </Group>

        {saved?.checkedAt && (
          <Text fz="xs" c="dimmed">
            {t('channels.checkedAt', {
              when: formatInstant(saved.checkedAt, me.company.timeZone, intlLocale()),
            })}
          </Text>
        )}
        {saved?.status === 'error' && saved.statusDetail && (
          <Alert color="red" title={t('channels.lastError')} data-testid="channel-last-error">
            {saved.statusDetail}
          </Alert>
        )}
        {saved?.unreadable && <Alert color="orange">{t('channels.unreadable')}</Alert>}

        <fieldset disabled={!canManage} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault()
              submit()
            }}
          >
            <Stack gap="sm">
              {kind === 'whatsapp' && (
                <Select
                  label={t('channels.provider.label')}
                  allowDeselect={false}
                  data={WHATSAPP_PROVIDERS.map((p) => ({
                    value: p,
                    label: t(`channels.provider.${p}`),
                  }))}
                  value={v.provider}
                  onChange={(value) => value && chooseProvider(value as ChannelProvider)}
                  data-testid="channel-provider"
                />
              )}
              <Text fz="sm" c="dimmed">
                {t(`channels.providerHint.${v.provider}`)}
              </Text>
              <ChannelFields form={form} saved={saved} />
              <FormAlert error={form.serverError} />
              {canManage && (
                <Group>
                  <Button type="submit" loading={save.isPending} data-testid="channel-save">
                    {t('channels.save')}
                  </Button>
                  <Button
                    variant="light"
                    leftSection={<IconSend size={16} />}
                    disabled={!saved}
                    title={saved ? undefined : t('channels.test.saveFirst')}
                    onClick={() => setTesting(true)}
                    data-testid="channel-test"
                  >
                    {t('channels.test.button')}
                  </Button>
                </Group>
              )}
            </Stack>
          </form>
        </fieldset>

        {kind === 'whatsapp' &&
          (saved?.provider === 'baileys' ? (
            <BaileysPanel canManage={canManage} />
          ) : (
            v.provider === 'baileys' && (
              <Text fz="sm" c="dimmed">
                {t('channels.baileys.saveFirst')}
              </Text>
            )
          ))}
      </Stack>
      {testing && <ChannelTestModal kind={kind} onClose={() => setTesting(false)} />}
    </Card>
  )
}
