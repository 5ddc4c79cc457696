import { Alert, Button, Group, Modal, Stack, Table, Text, Textarea, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OutageTarget } from '@shared/schemas'
import { queryClient, trpc } from '../../api/client'
import { errorMessage } from '../../api/errors'
import { Loaded } from '../olt/loaded'

const refresh = () => {
  void queryClient.invalidateQueries({ queryKey: trpc.topology.tree.queryKey() })
  void queryClient.invalidateQueries({ queryKey: trpc.topology.outages.queryKey() })
  void queryClient.invalidateQueries({ queryKey: trpc.topology.outage.queryKey() })
}

/**
 * "Tandai gangguan": who is behind the part (read before anything changes), an optional cause,
 * then one ticket for all of them; offers the message to them right after.
 */
export function DeclareOutageModal({
  target,
  onClose,
}: {
  target: OutageTarget
  onClose: () => void
}) {
  const { t } = useTranslation()
  const preview = useQuery(trpc.topology.outagePreview.queryOptions({ target }))
  const [cause, setCause] = useState('')
  const [declared, setDeclared] = useState<{ id: number; label: string } | null>(null)
  const declare = useMutation(
    trpc.topology.declareOutage.mutationOptions({
      onSuccess: (r) => {
        notifications.show({
          color: 'teal',
          message: t('outage.declared', { number: r.ticketNumber, count: r.services }),
        })
        refresh()
        setDeclared({ id: r.id, label: preview.data?.label ?? '' })
      },
      onError: (e) => notifications.show({ color: 'red', message: errorMessage(t, e) }),
    }),
  )
  if (declared)
    return <NotifyModal outageId={declared.id} body={t('outage.bodyDown')} onClose={onClose} />
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t('outage.declareTitle', { label: preview.data?.label ?? '' })}
    >
      <Loaded query={preview}>
        {(p) => (
          <Stack gap="sm" data-testid="outage-declare">
            {p.services.length === 0 ? (
              <Alert color="gray">{t('outage.noneAffected')}</Alert>
            ) : (
              <>
                <Text fw={600}>
                  {t('outage.affected', { customers: p.customers, services: p.services.length })}
                </Text>
                <Table.ScrollContainer minWidth={480} mah={260}>
                  <Table striped verticalSpacing={4}>
                    <Table.Tbody>
                      {p.services.map((s) => (
                        <Table.Tr key={s.serviceId} data-testid="affected-row">
                          <Table.Td>
                            {s.customerName} ({s.customerCode})
                          </Table.Td>
                          <Table.Td>{s.sid}</Table.Td>
                          <Table.Td>{s.odpName ? `${s.odpName} · ${s.port}` : ''}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                <TextInput
                  label={t('outage.cause')}
                  placeholder={t('outage.causeHint')}
                  value={cause}
                  onChange={(e) => setCause(e.currentTarget.value)}
                />
              </>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button
                color="red"
                disabled={p.services.length === 0}
                loading={declare.isPending}
                onClick={() => declare.mutate({ target, cause: cause || undefined })}
              >
                {t('outage.declare')}
              </Button>
            </Group>
          </Stack>
        )}
      </Loaded>
    </Modal>
  )
}

/** The message to everyone an outage cut off: how many it reaches first, then send. */
export function NotifyModal({
  outageId,
  body: initial,
  onClose,
}: {
  outageId: number
  body: string
  onClose: () => void
}) {
  const { t } = useTranslation()
  const preview = useQuery(trpc.topology.outageBroadcastPreview.queryOptions({ outageId }))
  const [body, setBody] = useState(initial)
  const [clientId] = useState(() => crypto.randomUUID())
  const send = useMutation(
    trpc.topology.outageBroadcast.mutationOptions({
      onSuccess: (r) => {
        notifications.show({
          color: 'teal',
          message: t('outage.sent', { queued: r.queued, skipped: r.skipped }),
        })
        onClose()
      },
      onError: (e) => notifications.show({ color: 'red', message: errorMessage(t, e) }),
    }),
  )
  return (
    <Modal opened onClose={onClose} size="lg" title={t('outage.notifyTitle')}>
      <Stack gap="sm" data-testid="outage-notify">
        <Loaded query={preview}>
          {(p) => (
            <Text fz="sm">
              {t('outage.notifyPreview', { sendable: p.sendable, skipped: p.skipped })}
            </Text>
          )}
        </Loaded>
        <Textarea
          label={t('outage.body')}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          autosize
          minRows={3}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button
            loading={send.isPending}
            disabled={!body.trim()}
            onClick={() => send.mutate({ outageId, body, clientId })}
          >
            {t('outage.send')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

/** "Tandai selesai": closes the ticket, then offers the "sudah normal" message. */
export function ResolveOutageModal({
  outage,
  onClose,
}: {
  outage: { id: number; label: string; ticketNumber: string | null }
  onClose: () => void
}) {
  const { t } = useTranslation()
  const [note, setNote] = useState('')
  const [done, setDone] = useState(false)
  const resolve = useMutation(
    trpc.topology.resolveOutage.mutationOptions({
      onSuccess: (r) => {
        notifications.show({
          color: 'teal',
          message: t('outage.resolved', { number: r.ticketNumber ?? '' }),
        })
        refresh()
        setDone(true)
      },
      onError: (e) => notifications.show({ color: 'red', message: errorMessage(t, e) }),
    }),
  )
  if (done) return <NotifyModal outageId={outage.id} body={t('outage.bodyUp')} onClose={onClose} />
  return (
    <Modal opened onClose={onClose} title={t('outage.resolveTitle', { label: outage.label })}>
      <Stack gap="sm">
        <Text fz="sm">{t('outage.resolveBody', { number: outage.ticketNumber ?? '' })}</Text>
        <Textarea
          label={t('outage.resolveNote')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="teal"
            loading={resolve.isPending}
            onClick={() => resolve.mutate({ id: outage.id, note: note || undefined })}
          >
            {t('outage.resolve')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
