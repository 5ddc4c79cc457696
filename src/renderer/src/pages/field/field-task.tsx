import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  Group,
  Image,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { IconCamera } from '@tabler/icons-react'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatPhone } from '@shared/phone'
import { MAX_TICKET_PHOTO_BYTES } from '@shared/schemas'
import { TICKET_TRANSITIONS, isOpenTicket, type TicketStatus } from '@shared/tickets'
import { SignaturePad } from '../../components/signature-pad'
import {
  addCommand,
  addFile,
  removeCommand,
  removeFile,
  resendCommand,
  type OutboxCommand,
  type OutboxFile,
} from '../../field/outbox'
import { base64Bytes, shrinkPhoto } from '../../field/shrink-photo'
import { DueBadge, formatWhen } from './field-page'
import { CustomerContact, Section } from './field-parts'
import { StockUseSection } from './field-stock'
import type { FieldOutbox, FieldTask } from './types'

/** A photo kept on the phone, shown from its blob. */
function Thumb({ file }: { file: OutboxFile }) {
  const { t } = useTranslation()
  const [url, setUrl] = useState<string | null>(null)
  useEffect(() => {
    let alive = true
    const reader = new FileReader()
    reader.onload = () => {
      if (alive && typeof reader.result === 'string') setUrl(reader.result)
    }
    reader.readAsDataURL(file.blob)
    return () => {
      alive = false
    }
  }, [file.blob])
  const remove = () =>
    modals.openConfirmModal({
      title: t('field.photos.removeTitle'),
      labels: { confirm: t('field.photos.remove'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => void removeFile(file.id),
    })
  return (
    <Stack gap={2}>
      {url && <Image src={url} alt={file.name} h={90} fit="cover" radius="sm" />}
      <Button size="compact-xs" variant="subtle" color="red" onClick={remove}>
        {t('field.photos.remove')}
      </Button>
    </Stack>
  )
}

/** One command still on the phone: waiting, or refused with the host's reason. */
export function OutboxEntry({
  command,
  withLabel = false,
}: {
  command: OutboxCommand
  withLabel?: boolean
}) {
  const { t } = useTranslation()
  const status = typeof command.payload.status === 'string' ? command.payload.status : null
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(command.text)
      notifications.show({ color: 'teal', message: t('field.outbox.copied') })
    } catch {
      // Plain-HTTP pages have no clipboard API in some browsers: the text is selectable below.
    }
  }
  const discard = () =>
    modals.openConfirmModal({
      title: t('field.outbox.discardTitle'),
      children: <Text size="sm">{t('field.outbox.discardBody')}</Text>,
      labels: { confirm: t('field.outbox.discard'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => void removeCommand(command.id),
    })
  const refused = command.state === 'conflict'
  const photo =
    command.kind === 'ticket.photo' && typeof command.payload.contentBase64 === 'string'
      ? `data:${String(command.payload.mime)};base64,${command.payload.contentBase64}`
      : null
  return (
    <Alert
      color={refused ? 'red' : 'yellow'}
      variant="light"
      title={refused ? t('field.outbox.conflict') : t('field.outbox.pending')}
      data-testid={refused ? 'outbox-conflict' : 'outbox-pending'}
    >
      <Stack gap={6}>
        {withLabel && (
          <Text size="sm" fw={600}>
            {command.label}
          </Text>
        )}
        {refused && command.reason && <Text size="sm">{command.reason}</Text>}
        {photo && <Image src={photo} alt={t('field.photos.title')} h={90} w={120} radius="sm" />}
        {status && (
          <Text size="sm" fw={500}>
            {t('field.outbox.statusTo', {
              status: t(`field.status.${status}`, { defaultValue: status }),
            })}
          </Text>
        )}
        {command.text && (
          <Code block style={{ whiteSpace: 'pre-wrap', userSelect: 'text' }}>
            {command.text}
          </Code>
        )}
        {refused && (
          <Group gap="xs">
            {command.text && (
              <Button size="compact-sm" variant="light" onClick={() => void copy()}>
                {t('field.outbox.copy')}
              </Button>
            )}
            <Button size="compact-sm" variant="light" onClick={() => void resendCommand(command)}>
              {t('field.outbox.resend')}
            </Button>
            <Button size="compact-sm" variant="subtle" color="red" onClick={discard}>
              {t('field.outbox.discard')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  )
}

/** One ticket of "Tugas saya": how to reach the customer, what to write, what is waiting. */
export function FieldTaskView({
  task,
  outbox,
  timeZone,
  userId,
}: {
  task: FieldTask
  outbox: FieldOutbox
  timeZone: string
  userId: number
}) {
  const { t } = useTranslation()
  const [note, setNote] = useState('')
  const [status, setStatus] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [signature, setSignature] = useState<string | null>(null)
  const [padKey, setPadKey] = useState(0)
  const camera = useRef<HTMLInputElement>(null)
  const waiting = outbox.commands.filter((c) => c.taskKey === task.key)
  const files = outbox.files.filter((f) => f.taskKey === task.key)
  // Photos kept on the phone before photos were sent to the ticket (older versions).
  const photos = files.filter((f) => f.kind === 'photo')
  const waitingPhotos = outbox.commands.filter(
    (c) => c.taskKey === task.key && c.kind === 'ticket.photo',
  ).length
  const signatures = files.filter((f) => f.kind === 'signature')

  // Where the ticket will be once what waits is applied: the next moves start from there.
  const current = useMemo(() => {
    const last = [...waiting]
      .reverse()
      .find((c) => c.state === 'pending' && typeof c.payload.status === 'string')
    return (last?.payload.status as TicketStatus | undefined) ?? (task.status as TicketStatus)
  }, [waiting, task.status])
  const moves = TICKET_TRANSITIONS[current].filter(() => isOpenTicket(current))

  const save = async () => {
    const text = note.trim()
    if (!text && !status) {
      setError(t('field.form.needSomething'))
      return
    }
    setError(null)
    const base = { userId, taskKey: task.key, label: `${task.number} ${task.title}`, text }
    if (status)
      await addCommand({
        ...base,
        kind: 'ticket.status',
        payload: { ticketId: task.id, status, ...(text ? { note: text } : {}) },
      })
    else
      await addCommand({ ...base, kind: 'ticket.note', payload: { ticketId: task.id, note: text } })
    setNote('')
    setStatus(null)
    notifications.show({ color: 'teal', message: t('field.form.saved'), autoClose: 2500 })
  }

  // Each photo goes to the ticket as a `ticket.photo` command, made small first (1600 px JPEG).
  const takePhoto = async (list: FileList | null) => {
    for (const file of Array.from(list ?? [])) {
      let contentBase64: string
      try {
        contentBase64 = await shrinkPhoto(file)
        if (base64Bytes(contentBase64) > MAX_TICKET_PHOTO_BYTES)
          contentBase64 = await shrinkPhoto(file, 0.6)
      } catch {
        notifications.show({ color: 'red', message: t('field.photos.unreadable') })
        continue
      }
      if (base64Bytes(contentBase64) > MAX_TICKET_PHOTO_BYTES) {
        notifications.show({ color: 'red', message: t('field.photos.tooLarge') })
        continue
      }
      const base = file.name.replace(/\.[^.]*$/, '') || 'foto'
      await addCommand({
        kind: 'ticket.photo',
        payload: { ticketId: task.id, fileName: `${base}.jpg`, mime: 'image/jpeg', contentBase64 },
        userId,
        taskKey: task.key,
        label: `${task.number} ${task.title}`,
        text: '',
      })
    }
    if (camera.current) camera.current.value = ''
  }

  const saveSignature = async () => {
    if (!signature) return
    // From the data URL itself: the page's content policy allows no fetch of data: URLs.
    const bytes = Uint8Array.from(atob(signature.slice(signature.indexOf(',') + 1)), (ch) =>
      ch.charCodeAt(0),
    )
    const blob = new Blob([bytes], { type: 'image/png' })
    await addFile({
      userId,
      taskKey: task.key,
      kind: 'signature',
      name: `ttd-${task.number.replace(/\//g, '-')}.png`,
      blob,
    })
    setSignature(null)
    setPadKey((k) => k + 1)
    notifications.show({ color: 'teal', message: t('field.signature.saved') })
  }

  const c = task.customer

  return (
    <Stack gap="sm">
      <Anchor component={Link} to="/lapangan">
        ← {t('field.backToList')}
      </Anchor>
      <Stack gap={4}>
        <Group gap={6}>
          <Text size="xs" c="dimmed" ff="monospace">
            {task.number}
          </Text>
          <Badge size="sm" variant="light">
            {t(`field.status.${task.status}`, { defaultValue: task.status })}
          </Badge>
          <Badge size="sm" variant="outline" color="gray">
            {t(`field.priority.${task.priority}`, { defaultValue: task.priority })}
          </Badge>
        </Group>
        <Title order={2} size="h3">
          {task.title}
        </Title>
        <Group gap={6}>
          <Text size="sm" c="dimmed">
            {task.category}
          </Text>
          <DueBadge task={task} timeZone={timeZone} />
        </Group>
      </Stack>

      <Section title={t('field.contact.title')}>
        {c ? (
          <Stack gap="xs">
            <CustomerContact customer={c} />
            {!c.mapUrl && (
              <Text size="xs" c="dimmed">
                {t('field.contact.noMap')}
              </Text>
            )}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('field.contact.noCustomer')}
          </Text>
        )}
        {task.picName && (
          <Group gap="xs" mt="xs">
            <Text size="sm">{t('field.contact.pic', { name: task.picName })}</Text>
            {task.picPhone && (
              <Anchor href={`tel:+${task.picPhone}`} size="sm">
                {formatPhone(task.picPhone)}
              </Anchor>
            )}
          </Group>
        )}
      </Section>

      {task.description && (
        <Section title={t('field.description')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {task.description}
          </Text>
        </Section>
      )}

      {waiting.length > 0 && (
        <Section title={t('field.outbox.title')}>
          <Stack gap="xs">
            {waiting.map((command) => (
              <OutboxEntry key={command.id} command={command} />
            ))}
          </Stack>
        </Section>
      )}

      <Section title={t('field.form.title')}>
        <Stack gap="xs">
          <Textarea
            label={t('field.form.note')}
            placeholder={t('field.form.notePlaceholder')}
            autosize
            minRows={3}
            maxLength={4000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <Select
            label={t('field.form.status')}
            placeholder={t('field.form.statusNone')}
            data={moves.map((s) => ({ value: s, label: t(`field.status.${s}`) }))}
            value={status}
            onChange={setStatus}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
          {error && (
            <Text size="sm" c="red" role="alert">
              {error}
            </Text>
          )}
          <Button onClick={() => void save()}>{t('field.form.save')}</Button>
        </Stack>
      </Section>

      <Section title={t('field.stock.title')}>
        <StockUseSection task={task} outbox={outbox} userId={userId} />
      </Section>

      <Section title={t('field.photos.title')}>
        <Stack gap="xs">
          <input
            ref={camera}
            type="file"
            accept="image/*"
            capture="environment"
            hidden
            data-testid="camera-input"
            onChange={(e) => void takePhoto(e.currentTarget.files)}
          />
          <Button
            variant="light"
            leftSection={<IconCamera size={16} />}
            onClick={() => camera.current?.click()}
          >
            {t('field.photos.take')}
          </Button>
          {photos.length > 0 && (
            <SimpleGrid cols={3} spacing="xs">
              {photos.map((f) => (
                <Thumb key={f.id} file={f} />
              ))}
            </SimpleGrid>
          )}
          {waitingPhotos > 0 && (
            <Text size="sm">{t('field.photos.waiting', { count: waitingPhotos })}</Text>
          )}
          <Text size="xs" c="dimmed">
            {t('field.photos.sent')}
          </Text>
        </Stack>
      </Section>

      <Section title={t('field.signature.section')}>
        <Stack gap="xs">
          <SignaturePad key={padKey} label={t('field.signature.title')} onChange={setSignature} />
          <Button variant="light" disabled={!signature} onClick={() => void saveSignature()}>
            {t('field.signature.save')}
          </Button>
          {signatures.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('field.signature.kept', { count: signatures.length })}
            </Text>
          )}
        </Stack>
      </Section>

      <Section title={t('field.history.title')}>
        {task.history.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('field.history.empty')}
          </Text>
        ) : (
          <Stack gap="xs" data-testid="task-history">
            {task.history.map((e, i) => (
              <Stack key={i} gap={0}>
                <Text size="xs" c="dimmed">
                  {formatWhen(e.at, timeZone)} · {e.username ?? '—'}
                </Text>
                <Text size="sm" fw={500}>
                  {e.kind === 'status'
                    ? t('field.history.status', {
                        from: t(`field.status.${e.fromStatus}`, { defaultValue: e.fromStatus }),
                        to: t(`field.status.${e.toStatus}`, { defaultValue: e.toStatus }),
                      })
                    : t(`field.history.${e.kind}`, { defaultValue: e.kind })}
                </Text>
                {e.note && (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {e.note}
                  </Text>
                )}
              </Stack>
            ))}
          </Stack>
        )}
      </Section>
    </Stack>
  )
}
