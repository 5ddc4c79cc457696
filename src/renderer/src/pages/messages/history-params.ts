import {
  MESSAGE_CHANNELS,
  MESSAGE_KINDS,
  MESSAGE_STATUSES,
  type MessageChannel,
  type MessageKind,
  type MessageStatus,
} from '@shared/messaging'
import type { UrlFilterCodec } from '../../components/use-url-filters'

/** What the history shows; kept in the URL so a filtered list survives a reload or a link. */
export interface HistoryFilters {
  q: string
  from: string | null
  to: string | null
  kind: MessageKind | null
  status: MessageStatus | null
  channel: MessageChannel | null
}

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | null =>
  (list as readonly string[]).includes(value ?? '') ? (value as T) : null

const dateParam = (value: string | null) =>
  value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null

/** Reads the URL leniently: a hand-edited or outdated value is simply no filter. */
export function parseHistoryParams(params: URLSearchParams): HistoryFilters {
  return {
    q: (params.get('q') ?? '').trim().slice(0, 100),
    from: dateParam(params.get('from')),
    to: dateParam(params.get('to')),
    kind: oneOf(MESSAGE_KINDS, params.get('kind')),
    status: oneOf(MESSAGE_STATUSES, params.get('status')),
    channel: oneOf(MESSAGE_CHANNELS, params.get('channel')),
  }
}

/** Only the filters that are set, so the plain history has a plain URL. */
export function historyParams(f: HistoryFilters): URLSearchParams {
  const params = new URLSearchParams()
  if (f.q.trim()) params.set('q', f.q.trim())
  for (const key of ['from', 'to', 'kind', 'status', 'channel'] as const) {
    const value = f[key]
    if (value) params.set(key, value)
  }
  return params
}

export const HISTORY_CODEC: UrlFilterCodec<HistoryFilters> = {
  parse: parseHistoryParams,
  write: historyParams,
  cleared: { from: null, to: null, kind: null, status: null, channel: null },
}

/** The filters other than the status (the status has its own row of counts). */
export function hasHistoryFilters(f: HistoryFilters): boolean {
  return historyParams({ ...f, status: null }).size > 0
}

/** The API input of the list, without the cursor (the infinite query adds it per page). */
export function historyListInput(f: HistoryFilters, limit: number) {
  return {
    q: f.q || undefined,
    from: f.from ?? undefined,
    to: f.to ?? undefined,
    kind: f.kind ?? undefined,
    status: f.status ?? undefined,
    channel: f.channel ?? undefined,
    limit,
  }
}
