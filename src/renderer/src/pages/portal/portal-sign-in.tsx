import {
  Alert,
  Anchor,
  Button,
  Center,
  Checkbox,
  Paper,
  PinInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatPhone, normalisePhone } from '@shared/phone'
import { errorMessage, uiErrorOf } from '../../api/errors'
import { portalEndedBecause, portalTrpc, setPortalToken } from '../../api/portal-client'
import { whenLocal } from './format'

/** Seconds until `iso`, at least 0, ticking every second. */
export function useCountdown(iso: string | null): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!iso) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [iso])
  return iso ? Math.max(0, Math.ceil((new Date(iso).getTime() - now) / 1000)) : 0
}

/** "Kirim ulang kode", counting down the 60 s until a new code may be asked for. */
export function ResendButton(props: { resendAt: string; loading?: boolean; onClick: () => void }) {
  const { t } = useTranslation()
  const wait = useCountdown(props.resendAt)
  return (
    <Button variant="subtle" disabled={wait > 0} loading={props.loading} onClick={props.onClick}>
      {wait > 0 ? t('portal.signIn.resendIn', { seconds: wait }) : t('portal.signIn.resend')}
    </Button>
  )
}

/** What a refused code step says: the lock with its end time, or the translated reason. */
export function codeError(t: (k: string, o?: Record<string, unknown>) => string, error: unknown) {
  const { code, details } = uiErrorOf(error)
  if (code === 'OTP_LOCKED' && typeof details.lockedUntil === 'string')
    return t('portal.signIn.locked', { time: whenLocal(details.lockedUntil) })
  return errorMessage(t as never, error)
}

/**
 * Masuk: the WhatsApp number, then the 6-digit code. The page says the same thing whether the
 * number is registered or not (so does the server); a new code after the 60 s countdown.
 */
export function PortalSignIn(props: { companyName: string | null; selfRegistration: boolean }) {
  const { t } = useTranslation()
  const [phone, setPhone] = useState('')
  const [sent, setSent] = useState<{ challenge: string; resendAt: string; phone: string } | null>(
    null,
  )
  const [code, setCode] = useState('')
  const [remember, setRemember] = useState(false)
  const ended = portalEndedBecause()

  const request = useMutation(
    portalTrpc.portal.requestOtp.mutationOptions({
      onSuccess: (r, input) => setSent({ ...r, phone: input.phone }),
    }),
  )
  const resend = useMutation(
    portalTrpc.portal.resendOtp.mutationOptions({
      onSuccess: (r) => setSent((s) => (s ? { ...s, ...r } : s)),
    }),
  )
  const verify = useMutation(
    portalTrpc.portal.verifyOtp.mutationOptions({
      onSuccess: (r) => setPortalToken(r.token),
      onError: () => setCode(''),
    }),
  )
  const valid = normalisePhone(phone) !== null
  const failure = request.error ?? resend.error ?? verify.error

  return (
    <Center mih="100dvh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="lg" w="100%" maw={420}>
        <Stack>
          <div>
            <Text c="dimmed" size="sm">
              {props.companyName}
            </Text>
            <Title order={1} fz={24}>
              {t('portal.title')}
            </Title>
          </div>
          {ended && !sent && (
            <Alert color="yellow">{t(`portal.ended.${ended}`, { defaultValue: '' })}</Alert>
          )}
          {!sent ? (
            <form
              onSubmit={(e) => {
                e.preventDefault()
                if (valid) request.mutate({ phone })
              }}
            >
              <Stack>
                <Text size="sm">{t('portal.signIn.intro')}</Text>
                <TextInput
                  label={t('portal.signIn.phone')}
                  placeholder={t('portal.signIn.phonePlaceholder')}
                  inputMode="tel"
                  autoComplete="tel"
                  value={phone}
                  onChange={(e) => setPhone(e.currentTarget.value)}
                  error={phone && !valid ? t('validation.phone') : undefined}
                  required
                />
                <Button type="submit" disabled={!valid} loading={request.isPending}>
                  {t('portal.signIn.send')}
                </Button>
              </Stack>
            </form>
          ) : (
            <form
              onSubmit={(e) => {
                e.preventDefault()
                if (code.length === 6)
                  verify.mutate({ phone: sent.phone, challenge: sent.challenge, code, remember })
              }}
            >
              <Stack>
                <Text size="sm">
                  {t('portal.signIn.sentTo', { phone: formatPhone(normalisePhone(sent.phone)!) })}
                </Text>
                <Text size="sm" fw={500}>
                  {t('portal.signIn.code')}
                </Text>
                <PinInput
                  length={6}
                  type="number"
                  oneTimeCode
                  value={code}
                  onChange={setCode}
                  aria-label={t('portal.signIn.code')}
                  size="md"
                />
                <Checkbox
                  label={t('portal.signIn.remember')}
                  checked={remember}
                  onChange={(e) => setRemember(e.currentTarget.checked)}
                />
                <Button type="submit" disabled={code.length !== 6} loading={verify.isPending}>
                  {t('portal.signIn.submit')}
                </Button>
                <ResendButton
                  resendAt={sent.resendAt}
                  loading={resend.isPending}
                  onClick={() => resend.mutate({ challenge: sent.challenge })}
                />
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  onClick={() => {
                    setSent(null)
                    setCode('')
                    verify.reset()
                  }}
                >
                  {t('portal.signIn.otherNumber')}
                </Anchor>
              </Stack>
            </form>
          )}
          {failure && (
            <Alert color="red" role="alert">
              {codeError(t, failure)}
            </Alert>
          )}
          {props.selfRegistration && (
            <Anchor component={Link} to="/portal/daftar" size="sm">
              {t('portal.signIn.register')}
            </Anchor>
          )}
        </Stack>
      </Paper>
    </Center>
  )
}
