import {
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Timeline,
  Title,
} from '@mantine/core'
import {
  IconArrowLeft,
  IconArrowRight,
  IconBan,
  IconMessagePlus,
  IconRefresh,
  IconUserCheck,
} from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { formatInstant } from '@shared/dates'
import { REOPEN_FROM, TICKET_TRANSITIONS, type TicketStatus } from '@shared/tickets'
import { whoText } from '@shared/who'
import { trpc } from '../../api/client'
import { errorCodeOf } from '../../api/errors'
import { PageLoader, QueryError } from '../../components/query-state'
import { intlLocale } from '../../i18n'
import { useSession } from '../../session/session'
import { NotFoundPage } from '../no-access-page'
import { TicketActionModal, type TicketAction } from './ticket-action-modal'
import { durationText, PriorityBadge, TicketStatusBadge, type TicketDetail } from './ticket-labels'
import { TicketPhotos } from './ticket-photos'

export function TicketPage() {
  const { id } = useParams()
  const ticketId = /^\d+$/.test(id ?? '') ? Number(id) : 0
  const detail = useQuery(
    trpc.tickets.get.queryOptions({ id: ticketId }, { enabled: ticketId > 0 }),
  )
  if (ticketId <= 0) return <NotFoundPage />
  if (detail.isPending) return <PageLoader />
  if (detail.isError) {
    if (errorCodeOf(detail.error) === 'NOT_FOUND') return <NotFoundPage />
    return <QueryError error={detail.error} onRetry={() => void detail.refetch()} />
  }
  return <TicketView ticket={detail.data} />
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
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

function TicketView({ ticket: tk }: { ticket: TicketDetail }) {
  const { t } = useTranslation()
  const { can, me } = useSession()
  const zone = me.company.timeZone
  const locale = intlLocale()
  const when = (iso: string) => formatInstant(iso, zone, locale)
  const canManage = can('tickets.manage')
  const [action, setAction] = useState<TicketAction | null>(null)
  const status = tk.status as TicketStatus
  const forward = TICKET_TRANSITIONS[status].filter(
    (s) => s !== 'dibatalkan' && !REOPEN_FROM.includes(status),
  )
  const reopenable = REOPEN_FROM.includes(status)
  const cancellable = TICKET_TRANSITIONS[status].includes('dibatalkan')

  return (
    <Stack gap="lg">
      <Anchor
        component={Link}
        to="/tiket"
        fz="sm"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={16} aria-hidden />
        {t('tickets.detail.back')}
      </Anchor>
      <Stack gap="sm">
        <div>
          <Group gap="sm" wrap="wrap">
            <Title order={1} fz="h2" ff="monospace" data-testid="ticket-number">
              {tk.number}
            </Title>
            <TicketStatusBadge status={tk.status} size="md" />
            <PriorityBadge priority={tk.priority} size="md" />
          </Group>
          <Text fz="lg" fw={600} mt={4} data-testid="ticket-title">
            {tk.title}
          </Text>
        </div>
        {canManage && (
          <Group gap="xs" wrap="wrap" data-testid="ticket-actions">
            {forward.map((to) => (
              <Button
                key={to}
                leftSection={<IconArrowRight size={16} />}
                onClick={() => setAction({ kind: 'move', to })}
              >
                {t(`tickets.actions.moveTo.${to}`, { defaultValue: to })}
              </Button>
            ))}
            {reopenable && (
              <Button
                variant="light"
                leftSection={<IconRefresh size={16} />}
                onClick={() => setAction({ kind: 'reopen' })}
              >
                {t('tickets.actions.reopen')}
              </Button>
            )}
            <Button
              variant="default"
              leftSection={<IconUserCheck size={16} />}
              onClick={() => setAction({ kind: 'assign' })}
            >
              {t('tickets.actions.assign')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconMessagePlus size={16} />}
              onClick={() => setAction({ kind: 'note' })}
            >
              {t('tickets.actions.addNote')}
            </Button>
            {cancellable && (
              <Button
                color="red"
                variant="light"
                leftSection={<IconBan size={16} />}
                onClick={() => setAction({ kind: 'cancel' })}
              >
                {t('tickets.actions.cancel')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      <SlaClocks ticket={tk} when={when} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <Card withBorder radius="md" padding="md">
              <Title order={2} fz="h5" mb="xs">
                {t('tickets.detail.description')}
              </Title>
              <Text
                fz="sm"
                c={tk.description ? undefined : 'dimmed'}
                style={{ whiteSpace: 'pre-wrap' }}
              >
                {tk.description ?? t('tickets.detail.noDescription')}
              </Text>
            </Card>
            <TicketTimeline ticket={tk} when={when} />
            <TicketPhotos ticketId={tk.id} canManage={canManage} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Card withBorder radius="md" padding="md">
            <Title order={2} fz="h5" mb="sm">
              {t('tickets.detail.facts')}
            </Title>
            <Stack gap="sm">
              <Fact label={t('tickets.detail.customer')}>
                {tk.customerId ? (
                  <Anchor component={Link} to={`/customers/${tk.customerId}`} fz="sm">
                    {tk.customerCode} · {tk.customerName}
                  </Anchor>
                ) : (
                  t('tickets.noCustomer')
                )}
              </Fact>
              {tk.sid && <Fact label={t('tickets.detail.service')}>{tk.sid}</Fact>}
              <Fact label={t('tickets.detail.category')}>{tk.categoryLabel}</Fact>
              <Fact label={t('tickets.detail.medium')}>
                {t(`tickets.media.${tk.medium}`, { defaultValue: tk.medium })}
              </Fact>
              <Fact label={t('tickets.detail.assignee')}>
                <span data-testid="ticket-assignee">
                  {tk.assigneeName ?? t('tickets.unassigned')}
                </span>
              </Fact>
              <Fact label={t('tickets.detail.created')}>{when(tk.createdAt)}</Fact>
              {tk.deviceSerial && (
                <Fact label={t('tickets.detail.deviceSerial')}>
                  <Text ff="monospace" fz="sm">
                    {tk.deviceSerial}
                  </Text>
                </Fact>
              )}
              {(tk.picName || tk.picPhone) && (
                <Fact label={t('tickets.detail.pic')}>
                  {[tk.picName, tk.picPhone].filter(Boolean).join(' · ')}
                </Fact>
              )}
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
      {action && <TicketActionModal ticket={tk} action={action} onClose={() => setAction(null)} />}
    </Stack>
  )
}

/** The two SLA clocks: first response and resolution, each with its due time and state. */
function SlaClocks({ ticket: tk, when }: { ticket: TicketDetail; when: (iso: string) => string }) {
  const { t } = useTranslation()
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" data-testid="ticket-sla-clocks">
      <Paper withBorder radius="md" p="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Text fz="xs" c="dimmed">
              {t('tickets.detail.firstResponse')}
            </Text>
            <Text fz="sm" fw={600}>
              {tk.firstRespondedAt
                ? t('tickets.detail.respondedAt', { time: when(tk.firstRespondedAt) })
                : t('tickets.detail.waiting')}
            </Text>
            <Text fz="xs" c="dimmed">
              {t('tickets.detail.due', { time: when(tk.firstResponseDueAt) })}
            </Text>
          </div>
          {tk.firstResponseBreached && (
            <Badge color="orange" variant="outline" tt="none">
              {t('tickets.sla.responseBreached')}
            </Badge>
          )}
        </Group>
      </Paper>
      <Paper withBorder radius="md" p="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Text fz="xs" c="dimmed">
              {t('tickets.detail.resolution')}
            </Text>
            <Text fz="sm" fw={600}>
              {tk.resolvedAt
                ? t('tickets.detail.resolvedAt', { time: when(tk.resolvedAt) })
                : tk.minutesLeft !== null
                  ? tk.minutesLeft >= 0
                    ? t('tickets.sla.left', { time: durationText(t, tk.minutesLeft) })
                    : t('tickets.sla.late', { time: durationText(t, tk.minutesLeft) })
                  : t('tickets.sla.closed')}
            </Text>
            <Text fz="xs" c="dimmed">
              {t('tickets.detail.due', { time: when(tk.resolutionDueAt) })}
            </Text>
          </div>
          {tk.breached ? (
            <Badge color="red" variant="filled" tt="none" data-testid="sla-breached">
              {t('tickets.sla.breached')}
            </Badge>
          ) : (
            tk.status === 'selesai' && (
              <Badge color="green" variant="light" tt="none">
                {t('tickets.sla.metSla')}
              </Badge>
            )
          )}
        </Group>
      </Paper>
    </SimpleGrid>
  )
}

function eventText(t: ReturnType<typeof useTranslation>['t'], e: TicketDetail['events'][number]) {
  if (e.kind === 'assigned')
    return e.assigneeName
      ? t('tickets.events.assigned', { name: e.assigneeName })
      : t('tickets.events.unassigned')
  return t(`tickets.events.${e.kind}`, { defaultValue: e.kind })
}

/** Every change, oldest first: who, when, what (from → to) and the note. */
function TicketTimeline({
  ticket: tk,
  when,
}: {
  ticket: TicketDetail
  when: (iso: string) => string
}) {
  const { t } = useTranslation()
  const status = (s: string) => t(`tickets.statuses.${s}`, { defaultValue: s })
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={2} fz="h5" mb="md">
        {t('tickets.detail.timeline')}
      </Title>
      <Timeline active={tk.events.length} bulletSize={14} lineWidth={2}>
        {tk.events.map((e) => (
          <Timeline.Item
            key={e.id}
            data-testid="ticket-event"
            data-kind={e.kind}
            title={
              <Text fz="sm">
                <Text span fw={600} fz="sm">
                  {whoText(t, e.username)}
                </Text>{' '}
                {eventText(t, e)}
                {e.kind !== 'created' && e.fromStatus && e.toStatus && (
                  <Text span fz="sm" fw={600}>
                    {' '}
                    {status(e.fromStatus)} → {status(e.toStatus)}
                  </Text>
                )}
              </Text>
            }
          >
            <Text fz="xs" c="dimmed">
              {when(e.at)}
            </Text>
            {e.note && (
              <Text fz="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                {e.note}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  )
}
