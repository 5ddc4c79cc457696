import type { TFunction } from 'i18next'
import type { JobWhen } from '@shared/schemas'
import { formatRupiah } from '@shared/money'
import { formatCount } from '@shared/numbers'
import { queryClient, trpc } from '../../api/client'
import type { RouterOutputs } from '../../session/session'

export type JobRow = RouterOutputs['schedule']['jobs'][number]
export type RunRow = RouterOutputs['schedule']['runs']['rows'][number]

export const RUN_COLOR: Record<string, string> = {
  running: 'blue',
  done: 'teal',
  failed: 'red',
  paused: 'gray',
}

/** After a change: the job table and the history. */
export function refreshSchedule(): void {
  void queryClient.invalidateQueries(trpc.schedule.pathFilter())
}

/** "setiap hari 08:00", "setiap 10 menit", … */
export function whenText(t: TFunction, when: JobWhen[]): string {
  return when
    .map((w) => {
      switch (w.kind) {
        case 'daily':
          return t('schedule.when.daily', { time: w.at })
        case 'every_minutes':
          return t('schedule.when.every_minutes', { minutes: w.minutes })
        case 'hourly':
          return t('schedule.when.hourly', { minute: String(w.minute).padStart(2, '0') })
        case 'continuous':
          return t('schedule.when.continuous')
      }
    })
    .join(' · ')
}

/**
 * The name of a count a job recorded. Jobs prefix the counts of the messages they queued
 * (`messages_queued`, `notices_skipped_no_number`): the prefix is named, then the rest.
 */
export function countLabel(t: TFunction, key: string): string {
  const own = `schedule.counts.${key}`
  const text = t(own)
  if (text !== own) return text
  for (const prefix of ['messages', 'notices'] as const) {
    if (key.startsWith(`${prefix}_`))
      return `${t(`schedule.countPrefix.${prefix}`)} ${countLabel(t, key.slice(prefix.length + 1))}`
  }
  if (key.startsWith('skipped_')) {
    // Messages skipped for a reason the outbox names (no number, no channel …): its own words.
    const reason = key.slice('skipped_'.length)
    const named = `messaging.reason.${reason}`
    const text = t(named)
    return `${t('schedule.counts.skipped')} (${text !== named ? text.toLowerCase() : reason.replace(/_/g, ' ')})`
  }
  return key.replace(/_/g, ' ')
}

export function countValue(key: string, value: number, locale: string): string {
  return key === 'total' ? formatRupiah(value) : formatCount(value, locale)
}

/** One line of what a run did: the counts that are not zero. */
export function countsSummary(t: TFunction, counts: Record<string, number>, locale: string) {
  const parts = Object.entries(counts)
    .filter(([, n]) => n !== 0)
    .map(([key, n]) => `${countLabel(t, key)}: ${countValue(key, n, locale)}`)
  return parts.length ? parts.join(', ') : t('schedule.nothingDone')
}
