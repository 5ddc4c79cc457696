import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Container,
  Group,
  Paper,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core'
import { IconChevronRight, IconCloudOff, IconHelp, IconRefresh } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import { useFieldOutbox } from '../../field/use-field-outbox'
import { useSession } from '../../session/session'
import { FieldTaskView, OutboxEntry } from './field-task'
import { FieldVisitView } from './field-visit'
import { SyncBar } from './sync-bar'
import type { FieldTask } from './types'

/** "05/12/2026 14.30" in the company's time zone: a date and a time, no seconds. */
export function formatWhen(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('id-ID', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(new Date(iso))
    .replace(',', '')
}

/** How a task's due time reads on the card: late, today, or its date and time. */
export function DueBadge({ task, timeZone }: { task: FieldTask; timeZone: string }) {
  const { t } = useTranslation()
  if (task.overdue)
    return (
      <Badge color="red" variant="filled">
        {t('field.due.overdue')}
      </Badge>
    )
  if (task.dueToday)
    return (
      <Badge color="orange" variant="light">
        {t('field.due.today')}
      </Badge>
    )
  return (
    <Badge color="gray" variant="light">
      {t('field.due.at', { when: formatWhen(task.dueAt, timeZone) })}
    </Badge>
  )
}

/**
 * The technician's phone (issue 16), at /lapangan on the host's LAN address: "Tugas saya" and
 * each task's page. Built for a 390 px wide screen, without the office's sidebar.
 */
export function FieldPage() {
  const { t } = useTranslation()
  const { me } = useSession()
  const { id, registrationId } = useParams()
  const tasks = useQuery(trpc.field.tasks.queryOptions(undefined, { refetchInterval: 60_000 }))
  const outbox = useFieldOutbox(me.user.id)
  const timeZone = me.company.timeZone

  const body = () => {
    if (tasks.isPending) return <PageLoader />
    if (tasks.isError && !tasks.data)
      return <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />
    const list = tasks.data
    // What waits or was refused for a task no longer on my list (closed or given to someone
    // else at the office): shown here, so typed text is never out of sight.
    const keys = new Set(list.map((x) => x.key))
    const orphans = outbox.commands.filter((c) => !keys.has(c.taskKey))
    // A survey or installation of the registration board (/lapangan/registrasi/:registrationId).
    const visit = list.find((x) => x.kind !== 'ticket' && String(x.id) === registrationId)
    if (visit)
      return (
        <FieldVisitView task={visit} outbox={outbox} userId={me.user.id} userName={me.user.name} />
      )
    if (id !== undefined || registrationId !== undefined) {
      const task = list.find((x) => x.kind === 'ticket' && String(x.id) === id)
      if (!task)
        return (
          <Stack>
            <Anchor component={Link} to="/lapangan">
              ← {t('field.backToList')}
            </Anchor>
            <Alert color="gray">{t('field.notFound')}</Alert>
            {outbox.commands
              .filter((c) =>
                id !== undefined
                  ? c.taskKey === `ticket:${id}`
                  : [`survey:${registrationId}`, `installation:${registrationId}`].includes(
                      c.taskKey,
                    ),
              )
              .map((c) => (
                <OutboxEntry key={c.id} command={c} withLabel />
              ))}
          </Stack>
        )
      return <FieldTaskView task={task} outbox={outbox} timeZone={timeZone} userId={me.user.id} />
    }
    return (
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('field.intro')}
        </Text>
        {orphans.length > 0 && (
          <Stack gap="xs">
            <Title order={2} size="h5">
              {t('field.outbox.title')}
            </Title>
            {orphans.map((c) => (
              <OutboxEntry key={c.id} command={c} withLabel />
            ))}
          </Stack>
        )}
        {list.length === 0 && <Alert color="gray">{t('field.empty')}</Alert>}
        {list.map((task) => {
          const waiting = outbox.commands.filter((c) => c.taskKey === task.key)
          const refused = waiting.filter((c) => c.state === 'conflict').length
          return (
            <UnstyledButton
              key={task.key}
              component={Link}
              to={
                task.kind === 'ticket'
                  ? `/lapangan/tiket/${task.id}`
                  : `/lapangan/registrasi/${task.id}`
              }
              aria-label={`${task.number} ${task.title}`}
            >
              <Paper withBorder p="sm" radius="md">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Stack gap={4} style={{ minWidth: 0 }}>
                    <Group gap={6}>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {task.number}
                      </Text>
                      <Badge size="sm" variant="light">
                        {task.kind === 'ticket'
                          ? t(`field.status.${task.status}`, { defaultValue: task.status })
                          : t(`fieldVisit.step.${task.status}`, { defaultValue: task.status })}
                      </Badge>
                    </Group>
                    <Text fw={600} lineClamp={2}>
                      {task.title}
                    </Text>
                    {task.customer && (
                      <Text size="sm" lineClamp={2}>
                        {task.customer.name}
                        {task.customer.address ? ` · ${task.customer.address}` : ''}
                      </Text>
                    )}
                    <Group gap={6}>
                      <DueBadge task={task} timeZone={timeZone} />
                      {waiting.length > refused && (
                        <Badge color="yellow" variant="light">
                          {t('field.sync.pending', { count: waiting.length - refused })}
                        </Badge>
                      )}
                      {refused > 0 && (
                        <Badge color="red" variant="light">
                          {t('field.sync.conflicts', { count: refused })}
                        </Badge>
                      )}
                    </Group>
                  </Stack>
                  <IconChevronRight size={20} style={{ flexShrink: 0 }} />
                </Group>
              </Paper>
            </UnstyledButton>
          )
        })}
      </Stack>
    )
  }

  return (
    <Box mih="100vh" bg="gray.0">
      <Box
        component="header"
        px="md"
        py="sm"
        bg="white"
        style={{
          borderBottom: '1px solid var(--mantine-color-gray-3)',
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        <Group justify="space-between" wrap="nowrap">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Title order={1} size="h3">
              {t('field.title')}
            </Title>
            <Text size="xs" c="dimmed" truncate>
              {me.user.name} · {me.company.name}
            </Text>
          </Stack>
          <Group gap={4} wrap="nowrap">
            <Button
              variant="subtle"
              size="compact-md"
              leftSection={<IconRefresh size={16} />}
              onClick={() => void tasks.refetch()}
              loading={tasks.isFetching}
            >
              {t('field.refresh')}
            </Button>
            <ActionIcon
              component={Link}
              to="/bantuan/hp-teknisi"
              variant="subtle"
              size="lg"
              aria-label={t('field.help')}
            >
              <IconHelp size={20} />
            </ActionIcon>
          </Group>
        </Group>
        <SyncBar outbox={outbox} />
      </Box>
      <Container size={480} px="md" py="md">
        {outbox.unreachable && (
          <Alert color="orange" icon={<IconCloudOff size={18} />} mb="sm" role="status">
            {t('field.sync.offline')}
          </Alert>
        )}
        {body()}
      </Container>
    </Box>
  )
}
