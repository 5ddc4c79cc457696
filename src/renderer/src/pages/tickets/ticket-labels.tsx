import { Badge, Group, type MantineColor } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { TicketPriority, TicketStatus } from '@shared/tickets'
import type { RouterOutputs } from '../../session/session'

export type TicketListRow = RouterOutputs['tickets']['list'][number]
export type TicketDetail = RouterOutputs['tickets']['get']

const STATUS_COLORS: Record<TicketStatus, MantineColor> = {
  baru: 'blue',
  dalam_proses: 'indigo',
  menunggu_konfirmasi: 'yellow',
  selesai: 'green',
  dibatalkan: 'gray',
}

const PRIORITY_COLORS: Record<TicketPriority, MantineColor> = {
  rendah: 'gray',
  sedang: 'blue',
  tinggi: 'orange',
  darurat: 'red',
}

export function TicketStatusBadge({ status, size = 'sm' }: { status: string; size?: 'sm' | 'md' }) {
  const { t } = useTranslation()
  return (
    <Badge
      color={STATUS_COLORS[status as TicketStatus] ?? 'gray'}
      variant="light"
      size={size}
      tt="none"
      data-testid="ticket-status"
      data-status={status}
    >
      {t(`tickets.statuses.${status}`, { defaultValue: status })}
    </Badge>
  )
}

export function PriorityBadge({ priority, size = 'sm' }: { priority: string; size?: 'sm' | 'md' }) {
  const { t } = useTranslation()
  return (
    <Badge
      color={PRIORITY_COLORS[priority as TicketPriority] ?? 'gray'}
      variant={priority === 'darurat' ? 'filled' : 'light'}
      size={size}
      tt="none"
    >
      {t(`tickets.priorities.${priority}`, { defaultValue: priority })}
    </Badge>
  )
}

/** 1 510 minutes → "1 hr 1 j" (two units at most: an SLA clock is read at a glance). */
export function durationText(t: TFunction, minutes: number): string {
  const m = Math.abs(minutes)
  const days = Math.floor(m / 1440)
  const hours = Math.floor((m % 1440) / 60)
  const mins = m % 60
  const parts: string[] = []
  if (days) parts.push(t('tickets.units.d', { count: days }))
  if (hours && parts.length < 2) parts.push(t('tickets.units.h', { count: hours }))
  if (!days && (mins || parts.length === 0)) parts.push(t('tickets.units.m', { count: mins }))
  return parts.join(' ')
}

/**
 * The SLA column: time left to the resolution due time while open, "lewat SLA" once late (or
 * when solved late), and a second badge when the first response came (or is) late.
 */
export function SlaCell({
  row,
}: {
  row: Pick<TicketListRow, 'minutesLeft' | 'breached' | 'firstResponseBreached' | 'status'>
}) {
  const { t } = useTranslation()
  const open = row.minutesLeft !== null
  return (
    <Group gap={4} wrap="wrap" data-testid="ticket-sla" data-breached={row.breached}>
      {row.breached ? (
        <Badge color="red" variant="filled" size="sm" tt="none" data-testid="sla-breached">
          {t('tickets.sla.breached')}
          {open && row.minutesLeft! < 0
            ? ` · ${t('tickets.sla.late', { time: durationText(t, row.minutesLeft!) })}`
            : ''}
        </Badge>
      ) : open ? (
        <Badge
          color={row.minutesLeft! < 60 ? 'orange' : 'gray'}
          variant="light"
          size="sm"
          tt="none"
        >
          {t('tickets.sla.left', { time: durationText(t, row.minutesLeft!) })}
        </Badge>
      ) : (
        <Badge
          color={row.status === 'selesai' ? 'green' : 'gray'}
          variant="light"
          size="sm"
          tt="none"
        >
          {row.status === 'selesai' ? t('tickets.sla.metSla') : t('tickets.sla.closed')}
        </Badge>
      )}
      {row.firstResponseBreached && (
        <Badge color="orange" variant="outline" size="sm" tt="none" data-testid="response-breached">
          {t('tickets.sla.responseBreached')}
        </Badge>
      )}
    </Group>
  )
}
