import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState, useSyncExternalStore } from 'react'
import { FIELD_SYNC_MAX_COMMANDS } from '@shared/schemas'
import { trpc, trpcClient } from '../api/client'
import { errorCodeOf } from '../api/errors'
import { noteApiAnswer, noteApiError, useHostUnreachable } from '../api/host-reachability'
import { clearToken } from '../api/token'
import {
  markConflict,
  onOutboxChange,
  outboxCommands,
  outboxFiles,
  removeCommand,
  type OutboxCommand,
  type OutboxFile,
} from './outbox'

const FIRST_RETRY_MS = 2000
const MAX_BATCH_CHARS = 12_000_000
const MAX_RETRY_MS = 60_000
const SESSION_ENDED = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED', 'AUTH_USER_INACTIVE'])

export interface OutboxSnapshot {
  commands: OutboxCommand[]
  files: OutboxFile[]
  loaded: boolean
  sending: boolean
}

/**
 * The sync loop of one user's outbox: sends what waits, in typing order, whenever something is
 * added, the browser comes back online or the host answers again; a failed send is retried after
 * 2 s, 4 s, 8 s … up to a minute. Applied commands leave the outbox; a refused one stays, with
 * the host's reason, until the technician discards it or sends it again.
 */
export function createFieldSync(userId: number, onApplied: () => void) {
  let snapshot: OutboxSnapshot = { commands: [], files: [], loaded: false, sending: false }
  const listeners = new Set<() => void>()
  let running = false
  let again = false
  let timer: ReturnType<typeof setTimeout> | null = null
  let delay = FIRST_RETRY_MS
  let stopped = true
  let unsubscribe: (() => void) | null = null

  const set = (patch: Partial<OutboxSnapshot>) => {
    snapshot = { ...snapshot, ...patch }
    for (const listener of listeners) listener()
  }

  const reload = async () => {
    const [commands, files] = await Promise.all([outboxCommands(userId), outboxFiles(userId)])
    set({ commands, files, loaded: true })
  }

  const schedule = (ms: number) => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = null
      void attempt()
    }, ms)
  }

  async function attempt(): Promise<void> {
    if (stopped) return
    if (running) {
      again = true
      return
    }
    running = true
    try {
      const pending = (await outboxCommands(userId)).filter((c) => c.state === 'pending')
      if (pending.length === 0) return
      set({ sending: true })
      // Photos are large: a batch stays well under the host's 32 MB body limit.
      const batch: OutboxCommand[] = []
      let size = 0
      for (const c of pending.slice(0, FIELD_SYNC_MAX_COMMANDS)) {
        const n = JSON.stringify(c.payload).length
        if (batch.length > 0 && size + n > MAX_BATCH_CHARS) break
        batch.push(c)
        size += n
      }
      const { results } = await trpcClient.field.sync.mutate({
        commands: batch.map(({ id, kind, payload, at }) => ({ id, kind, payload, at })),
      })
      noteApiAnswer()
      for (const r of results) {
        const refused = r.status === 'conflict' || r.original === 'conflict'
        if (refused) await markConflict(r.id, r.code ?? '', r.reason ?? '')
        else await removeCommand(r.id)
      }
      delay = FIRST_RETRY_MS
      onApplied()
      if (pending.length > batch.length) again = true
    } catch (error) {
      const code = errorCodeOf(error)
      noteApiError(error)
      // The outbox stays: after signing in again the same commands go out.
      if (SESSION_ENDED.has(code)) clearToken(code)
      else {
        schedule(delay)
        delay = Math.min(delay * 2, MAX_RETRY_MS)
      }
    } finally {
      running = false
      set({ sending: false })
      if (again) {
        again = false
        void attempt()
      }
    }
  }

  const syncNow = () => {
    delay = FIRST_RETRY_MS
    void attempt()
  }

  const online = () => syncNow()

  return {
    subscribe(listener: () => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    getSnapshot: () => snapshot,
    syncNow,
    start() {
      stopped = false
      unsubscribe = onOutboxChange(() => {
        void reload()
        void attempt()
      })
      window.addEventListener('online', online)
      void reload()
      void attempt()
    },
    stop() {
      stopped = true
      unsubscribe?.()
      window.removeEventListener('online', online)
      if (timer) clearTimeout(timer)
    },
  }
}

/** The phone's outbox for the signed-in user, kept in step with IndexedDB, and its sync loop. */
export function useFieldOutbox(userId: number) {
  const queryClient = useQueryClient()
  const [sync] = useState(() =>
    createFieldSync(userId, () => {
      void queryClient.invalidateQueries(trpc.field.tasks.queryFilter())
      // A stock.use applied: what I hold changed.
      void queryClient.invalidateQueries(trpc.warehouse.held.queryFilter())
    }),
  )
  useEffect(() => {
    sync.start()
    return () => sync.stop()
  }, [sync])
  const snapshot = useSyncExternalStore(sync.subscribe, sync.getSnapshot)
  const unreachable = useHostUnreachable()
  // The host answers again (its health check, any other call): send what waits.
  useEffect(() => {
    if (!unreachable) sync.syncNow()
  }, [unreachable, sync])
  return { ...snapshot, unreachable, syncNow: sync.syncNow }
}
