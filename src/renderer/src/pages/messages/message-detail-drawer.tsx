import { Anchor, Button, Code, Drawer, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPlayerStop, IconRefresh } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatInstant } from '@shared/dates'
import { whoText } from '@shared/who'
import { trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import { intlLocale } from '../../i18n'
import { useSession } from '../../session/session'
import { ConfirmAction } from './confirm-action'
import { formatRecipient, MessageStatusBadge } from './message-labels'
import { refreshMessages, type MessageDetail } from './types'

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
      <Text fz="sm" component="div">
        {children}
      </Text>
    </div>
  )
}

/** One message in full: its text, where it went, why it was skipped or failed, and what to do. */
export function MessageDetailDrawer({
  id,
  canManage,
  onClose,
}: {
  id: number
  canManage: boolean
  onClose: () => void
}) {
  const { t } = useTranslation()
  const message = useQuery(trpc.messaging.get.queryOptions({ id }))
  return (
    <Drawer opened onClose={onClose} position="right" size="lg" title={t('messaging.detail.title')}>
      {message.isPending ? (
        <PageLoader />
      ) : message.isError ? (
        <QueryError error={message.error} onRetry={() => void message.refetch()} />
      ) : (
        <DetailBody m={message.data} canManage={canManage} />
      )}
    </Drawer>
  )
}

function DetailBody({ m, canManage }: { m: MessageDetail; canManage: boolean }) {
  const { t } = useTranslation()
  const { me } = useSession()
  const [confirm, setConfirm] = useState<'retry' | 'cancel' | null>(null)
  const time = (iso: string | null) =>
    iso ? formatInstant(iso, me.company.timeZone, intlLocale()) : t('common.empty')
  const done = (message: string) => {
    notifications.show({ color: 'teal', message })
    setConfirm(null)
    refreshMessages()
  }
  const retry = useMutation(
    trpc.messaging.retry.mutationOptions({
      onSuccess: (r) => done(t('messaging.history.retried', { count: r.retried })),
    }),
  )
  const cancel = useMutation(
    trpc.messaging.cancel.mutationOptions({
      onSuccess: (r) => done(t('messaging.history.cancelled', { count: r.cancelled })),
    }),
  )
  return (
    <Stack gap="md" data-testid="message-detail">
      <Group justify="space-between">
        <MessageStatusBadge status={m.status} />
        {canManage && m.status === 'gagal' && (
          <Button leftSection={<IconRefresh size={16} />} onClick={() => setConfirm('retry')}>
            {t('messaging.detail.retry')}
          </Button>
        )}
        {canManage && m.status === 'antri' && (
          <Button
            color="red"
            variant="light"
            leftSection={<IconPlayerStop size={16} />}
            onClick={() => setConfirm('cancel')}
          >
            {t('messaging.detail.cancel')}
          </Button>
        )}
      </Group>
      {m.reason && (
        <Field label={t('messaging.detail.reason')}>
          <Text fz="sm" fw={600} data-testid="message-reason">
            {t(`messaging.reason.${m.reason}`, { defaultValue: m.reason })}
          </Text>
        </Field>
      )}
      {m.errorDetail && (
        <Field label={t('messaging.detail.error')}>
          <Code block c="red" data-testid="message-error">
            {m.errorDetail}
          </Code>
        </Field>
      )}
      <SimpleGrid cols={2}>
        <Field label={t('messaging.detail.customer')}>
          {m.customer ? (
            <Anchor component={Link} to={`/customers/${m.customer.id}`} fz="sm">
              {m.customer.code} — {m.customer.name}
            </Anchor>
          ) : (
            t('common.empty')
          )}
        </Field>
        <Field label={t('messaging.detail.recipient')}>
          {formatRecipient(m.channel, m.recipient) || t('common.empty')} ·{' '}
          {t(`messaging.channel.${m.channel}`)}
        </Field>
        <Field label={t('messaging.detail.kind')}>
          {t(`messaging.kind.${m.kind}`, { defaultValue: m.kind })}
        </Field>
        <Field label={t('messaging.detail.attempts')}>{m.attempts}</Field>
        <Field label={t('messaging.detail.created')}>
          {time(m.createdAt)}
          {m.createdBy && (
            <Text fz="xs" c="dimmed">
              {t('messaging.detail.by', { name: whoText(t, m.createdBy) })}
            </Text>
          )}
        </Field>
        <Field label={t('messaging.detail.sent')}>{time(m.sentAt)}</Field>
        {m.nextAttemptAt && (
          <Field label={t('messaging.detail.nextAttempt')}>{time(m.nextAttemptAt)}</Field>
        )}
        {m.providerId && (
          <Field label={t('messaging.detail.providerId')}>
            <Text ff="monospace" fz="sm">
              {m.providerId}
            </Text>
          </Field>
        )}
      </SimpleGrid>
      {m.subject && m.channel === 'email' && (
        <Field label={t('messaging.detail.subject')}>{m.subject}</Field>
      )}
      <Field label={t('messaging.detail.body')}>
        <Paper withBorder p="sm" radius="md">
          <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="message-body">
            {m.body}
          </Text>
        </Paper>
      </Field>
      {confirm === 'retry' && (
        <ConfirmAction
          title={t('messaging.detail.retryTitle')}
          body={t('messaging.detail.retryBody')}
          confirmLabel={t('messaging.detail.retry')}
          loading={retry.isPending}
          error={retry.error}
          onConfirm={() => retry.mutate({ ids: [m.id] })}
          onClose={() => setConfirm(null)}
        />
      )}
      {confirm === 'cancel' && (
        <ConfirmAction
          title={t('messaging.detail.cancelTitle')}
          body={t('messaging.detail.cancelBody')}
          confirmLabel={t('messaging.detail.cancel')}
          color="red"
          loading={cancel.isPending}
          error={cancel.error}
          onConfirm={() => cancel.mutate({ ids: [m.id] })}
          onClose={() => setConfirm(null)}
        />
      )}
    </Stack>
  )
}
