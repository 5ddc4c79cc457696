import {
  Alert,
  Anchor,
  Button,
  Center,
  Paper,
  PinInput,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatPhone, normalisePhone } from '@shared/phone'
import { portalTrpc } from '../../api/portal-client'
import { codeError, ResendButton } from './portal-sign-in'

/**
 * Daftar: the newcomer's WhatsApp number proved by a code, then name and address; the office
 * finds the card at step 1 (Registrasi) of its workflow. Closed unless the company opened it.
 */
export function PortalRegister({ open }: { open: boolean }) {
  const { t } = useTranslation()
  const [phone, setPhone] = useState('')
  const [sent, setSent] = useState<{ phone: string; challenge: string; resendAt: string } | null>(
    null,
  )
  const [form, setForm] = useState({ code: '', name: '', address: '', email: '', note: '' })
  const request = useMutation(
    portalTrpc.portal.registerOtp.mutationOptions({
      onSuccess: (r, input) => setSent({ ...r, phone: input.phone }),
    }),
  )
  const register = useMutation(portalTrpc.portal.register.mutationOptions())
  const valid = normalisePhone(phone) !== null
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }))
  const failure = request.error ?? register.error
  return (
    <Center mih="100dvh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="lg" w="100%" maw={460}>
        <Stack>
          <Title order={1} fz={24}>
            {t('portal.register.title')}
          </Title>
          {!open ? (
            <Alert color="gray">{t('portal.register.closed')}</Alert>
          ) : register.data ? (
            <Alert color="teal">
              {t('portal.register.done', { code: register.data.customerCode })}
            </Alert>
          ) : !sent ? (
            <>
              <Text size="sm">{t('portal.register.intro')}</Text>
              <TextInput
                label={t('portal.register.phone')}
                inputMode="tel"
                placeholder="0812-3456-7890"
                value={phone}
                onChange={(e) => setPhone(e.currentTarget.value)}
                error={phone && !valid ? t('validation.phone') : undefined}
              />
              <Button
                disabled={!valid}
                loading={request.isPending}
                onClick={() => request.mutate({ phone })}
              >
                {t('portal.register.sendCode')}
              </Button>
            </>
          ) : (
            <form
              onSubmit={(e) => {
                e.preventDefault()
                register.mutate({
                  phone: sent.phone,
                  challenge: sent.challenge,
                  code: form.code,
                  name: form.name,
                  address: form.address,
                  email: form.email,
                  note: form.note,
                })
              }}
            >
              <Stack>
                <Text size="sm">
                  {t('portal.register.codeSent', {
                    phone: formatPhone(normalisePhone(sent.phone)!),
                  })}
                </Text>
                <Text size="sm" fw={500}>
                  {t('portal.register.code')}
                </Text>
                <PinInput
                  length={6}
                  type="number"
                  oneTimeCode
                  value={form.code}
                  onChange={set('code')}
                />
                <ResendButton
                  resendAt={sent.resendAt}
                  loading={request.isPending}
                  onClick={() => request.mutate({ phone: sent.phone })}
                />
                <TextInput
                  label={t('portal.register.name')}
                  required
                  maxLength={160}
                  value={form.name}
                  onChange={(e) => set('name')(e.currentTarget.value)}
                />
                <Textarea
                  label={t('portal.register.address')}
                  required
                  maxLength={500}
                  autosize
                  minRows={2}
                  value={form.address}
                  onChange={(e) => set('address')(e.currentTarget.value)}
                />
                <TextInput
                  label={t('portal.register.email')}
                  type="email"
                  value={form.email}
                  onChange={(e) => set('email')(e.currentTarget.value)}
                />
                <Textarea
                  label={t('portal.register.note')}
                  maxLength={1000}
                  autosize
                  minRows={2}
                  value={form.note}
                  onChange={(e) => set('note')(e.currentTarget.value)}
                />
                <Button
                  type="submit"
                  loading={register.isPending}
                  disabled={form.code.length !== 6 || !form.name.trim() || !form.address.trim()}
                >
                  {t('portal.register.submit')}
                </Button>
              </Stack>
            </form>
          )}
          {failure && <Alert color="red">{codeError(t, failure)}</Alert>}
          <Anchor component={Link} to="/portal" size="sm">
            {t('portal.register.back')}
          </Anchor>
        </Stack>
      </Paper>
    </Center>
  )
}
