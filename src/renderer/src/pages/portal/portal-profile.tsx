import { Alert, Button, Group, Paper, PinInput, Stack, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatPhone, normalisePhone } from '@shared/phone'
import { portalTrpc } from '../../api/portal-client'
import { errorMessage } from '../../api/errors'
import { PageLoader, QueryError } from '../../components/query-state'
import { Muted, PortalPage } from './portal-app'
import { codeError, ResendButton } from './portal-sign-in'

/**
 * Profil: e-mail and the address note are the customer's to change; the WhatsApp number too,
 * once a code sent to the new number comes back; name and address only the office changes.
 */
export function PortalProfile() {
  const { t } = useTranslation()
  const profile = useQuery(portalTrpc.portal.profile.queryOptions())
  if (profile.isPending) return <PageLoader />
  if (profile.isError)
    return <QueryError error={profile.error} onRetry={() => void profile.refetch()} />
  const p = profile.data
  return (
    <PortalPage title={t('portal.profile.title')}>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Field label={t('portal.profile.code')} value={p.code} />
          <Field label={t('portal.profile.name')} value={p.name} />
          <Field label={t('portal.profile.address')} value={p.address || '–'} />
          <Muted>{t('portal.profile.readOnlyNote')}</Muted>
        </Stack>
      </Paper>
      <ContactForm
        email={p.email ?? ''}
        addressNote={p.addressNote ?? ''}
        onSaved={() => void profile.refetch()}
      />
      <PhoneChange current={p.whatsapp} onChanged={() => void profile.refetch()} />
    </PortalPage>
  )
}

function ContactForm(props: { email: string; addressNote: string; onSaved: () => void }) {
  const { t } = useTranslation()
  const [email, setEmail] = useState(props.email)
  const [note, setNote] = useState(props.addressNote)
  const save = useMutation(
    portalTrpc.portal.saveProfile.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('portal.profile.saved') })
        props.onSaved()
      },
    }),
  )
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          save.mutate({ email, addressNote: note })
        }}
      >
        <Stack>
          <TextInput
            label={t('portal.profile.email')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <TextInput
            label={t('portal.profile.addressNote')}
            value={note}
            maxLength={300}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          {save.error && <Alert color="red">{errorMessage(t, save.error)}</Alert>}
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('portal.profile.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Muted>{label}</Muted>
      <Text>{value}</Text>
    </div>
  )
}

function PhoneChange({ current, onChanged }: { current: string | null; onChanged: () => void }) {
  const { t } = useTranslation()
  const [phone, setPhone] = useState('')
  const [code, setCode] = useState('')
  const [sent, setSent] = useState<{ phone: string; challenge: string; resendAt: string } | null>(
    null,
  )
  const request = useMutation(
    portalTrpc.portal.changePhone.mutationOptions({
      onSuccess: (r, input) => setSent({ ...r, phone: input.phone }),
    }),
  )
  const confirm = useMutation(
    portalTrpc.portal.confirmPhone.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('portal.profile.changed') })
        setSent(null)
        setPhone('')
        setCode('')
        onChanged()
      },
      onError: () => setCode(''),
    }),
  )
  const valid = normalisePhone(phone) !== null
  const failure = request.error ?? confirm.error
  return (
    <Paper withBorder p="md">
      <Stack>
        <Field label={t('portal.profile.whatsapp')} value={current ? formatPhone(current) : '–'} />
        {!sent ? (
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={t('portal.profile.newWhatsapp')}
              inputMode="tel"
              value={phone}
              onChange={(e) => setPhone(e.currentTarget.value)}
              error={phone && !valid ? t('validation.phone') : undefined}
              style={{ flex: 1, minWidth: 200 }}
            />
            <Button
              variant="light"
              disabled={!valid}
              loading={request.isPending}
              onClick={() => request.mutate({ phone })}
            >
              {t('portal.profile.sendCode')}
            </Button>
          </Group>
        ) : (
          <Stack>
            <Text size="sm">
              {t('portal.profile.codeSent', { phone: formatPhone(normalisePhone(sent.phone)!) })}
            </Text>
            <PinInput length={6} type="number" oneTimeCode value={code} onChange={setCode} />
            <Group>
              <Button
                disabled={code.length !== 6}
                loading={confirm.isPending}
                onClick={() =>
                  confirm.mutate({ phone: sent.phone, challenge: sent.challenge, code })
                }
              >
                {t('portal.profile.confirm')}
              </Button>
              <ResendButton
                resendAt={sent.resendAt}
                loading={request.isPending}
                onClick={() => request.mutate({ phone: sent.phone })}
              />
              <Button variant="default" onClick={() => setSent(null)}>
                {t('portal.profile.cancel')}
              </Button>
            </Group>
          </Stack>
        )}
        {failure && <Alert color="red">{codeError(t, failure)}</Alert>}
      </Stack>
    </Paper>
  )
}
