import { Alert, Text, TextInput } from '@mantine/core'
import { IconCircleCheck } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MessageChannel } from '@shared/messaging'
import { formatPhone } from '@shared/phone'
import { channelTestInput } from '@shared/schemas'
import { queryClient, trpc } from '../../api/client'
import { FormModal } from '../../components/form-modal'
import { useFormState } from '../../forms/use-form-state'

/**
 * "Kirim pesan uji": asks for a number or address and sends one message now. The answer stays
 * in the dialog — the gateway's own words when it refuses — so the admin can fix and try again.
 */
export function ChannelTestModal({ kind, onClose }: { kind: MessageChannel; onClose: () => void }) {
  const { t } = useTranslation()
  const form = useFormState({ to: '' })
  const [sentTo, setSentTo] = useState<string | null>(null)
  const send = useMutation(
    trpc.channels.test.mutationOptions({
      onSuccess: (r) => {
        setSentTo(kind === 'whatsapp' ? formatPhone(r.to) : r.to)
      },
      onError: (error) => {
        setSentTo(null)
        form.showServerError(error)
      },
      onSettled: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.channels.list.queryKey() })
      },
    }),
  )
  const submit = () => {
    setSentTo(null)
    const input = { kind, to: form.values.to }
    if (form.validate(channelTestInput, input)) send.mutate(input)
  }
  return (
    <FormModal
      title={t('channels.test.title', { kind: t(`channels.kind.${kind}`) })}
      onClose={onClose}
      onSubmit={submit}
      error={form.serverError}
      saving={send.isPending}
      submitLabel={send.isPending ? t('channels.test.sending') : t('channels.test.send')}
    >
      <Text fz="sm" c="dimmed">
        {t('channels.test.intro')}
      </Text>
      <TextInput
        label={t(kind === 'whatsapp' ? 'channels.test.toWhatsapp' : 'channels.test.toEmail')}
        placeholder={kind === 'whatsapp' ? '0812-3456-7890' : 'admin@contoh.id'}
        required
        data-autofocus
        data-testid="channel-test-to"
        {...form.text('to')}
      />
      {sentTo && (
        <Alert color="teal" icon={<IconCircleCheck size={18} />} data-testid="channel-test-ok">
          {t('channels.test.ok', { to: sentTo })}
        </Alert>
      )}
    </FormModal>
  )
}
