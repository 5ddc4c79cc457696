/**
 * The technician's outbox (issue 16): every action on the phone is written here first, in the
 * browser's IndexedDB, with a UUID of its own, then sent to `field.sync` when the host answers.
 * It survives a reload, a closed tab and a dead battery; only an explicit "Buang" (or the host
 * applying it) removes an entry. Photos and signatures wait here too until the host takes them.
 *
 * A tiny wrapper over indexedDB (the `idb` package is not a dependency).
 */
const DB_NAME = 'loket-field'
const VERSION = 1
const COMMANDS = 'commands'
const FILES = 'files'

export type OutboxState = 'pending' | 'conflict'

export interface OutboxCommand {
  /** The command's UUID: the host applies it once. */
  id: string
  kind: string
  payload: Record<string, unknown>
  /** When it was done, by the phone's clock (ISO). */
  at: string
  /** Whose session sends it: a phone shared by two technicians sends each one's own. */
  userId: number
  /** The task it belongs to (`ticket:12`) and how the list names it. */
  taskKey: string
  label: string
  /** What was typed, kept whole so a refused command can be copied or sent again. */
  text: string
  state: OutboxState
  code?: string
  reason?: string
  /** Order of typing. */
  seq: number
}

/** A photo or signature kept on the phone for a task (uploading them comes with the host). */
export interface OutboxFile {
  id: string
  userId: number
  taskKey: string
  kind: 'photo' | 'signature'
  name: string
  blob: Blob
  at: string
}

let opening: Promise<IDBDatabase> | null = null

function open(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, VERSION)
    request.onupgradeneeded = () => {
      const db = request.result
      if (!db.objectStoreNames.contains(COMMANDS)) db.createObjectStore(COMMANDS, { keyPath: 'id' })
      if (!db.objectStoreNames.contains(FILES)) db.createObjectStore(FILES, { keyPath: 'id' })
    }
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => {
      opening = null
      reject(request.error ?? new Error('indexedDB.open failed'))
    }
  })
  return opening
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error ?? new Error('indexedDB request failed'))
  })
}

async function store(name: string, mode: IDBTransactionMode) {
  const db = await open()
  return db.transaction(name, mode).objectStore(name)
}

const listeners = new Set<() => void>()

/** Told whenever the outbox changes (the list and the sync loop re-read it). */
export function onOutboxChange(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function changed(): void {
  for (const listener of listeners) listener()
}

export async function outboxCommands(userId: number): Promise<OutboxCommand[]> {
  const all = await done(
    (await store(COMMANDS, 'readonly')).getAll() as IDBRequest<OutboxCommand[]>,
  )
  return all.filter((c) => c.userId === userId).sort((a, b) => a.seq - b.seq)
}

/** Writes a new command (state pending) before anything is sent. */
export async function addCommand(
  c: Omit<OutboxCommand, 'id' | 'at' | 'state' | 'seq'>,
): Promise<OutboxCommand> {
  const command: OutboxCommand = {
    ...c,
    id: crypto.randomUUID(),
    at: new Date().toISOString(),
    state: 'pending',
    seq: Date.now() + Math.random(),
  }
  await done((await store(COMMANDS, 'readwrite')).put(command))
  changed()
  return command
}

export async function removeCommand(id: string): Promise<void> {
  await done((await store(COMMANDS, 'readwrite')).delete(id))
  changed()
}

export async function markConflict(id: string, code: string, reason: string): Promise<void> {
  const s = await store(COMMANDS, 'readwrite')
  const c = (await done(s.get(id))) as OutboxCommand | undefined
  if (!c) return
  await done(s.put({ ...c, state: 'conflict', code, reason }))
  changed()
}

/** "Kirim lagi" after a conflict: the same text as a new command (a new UUID). */
export async function resendCommand(c: OutboxCommand): Promise<void> {
  await addCommand({
    kind: c.kind,
    payload: c.payload,
    userId: c.userId,
    taskKey: c.taskKey,
    label: c.label,
    text: c.text,
  })
  await removeCommand(c.id)
}

export async function addFile(f: Omit<OutboxFile, 'id' | 'at'>): Promise<void> {
  await done(
    (await store(FILES, 'readwrite')).put({
      ...f,
      id: crypto.randomUUID(),
      at: new Date().toISOString(),
    }),
  )
  changed()
}

export async function outboxFiles(userId: number): Promise<OutboxFile[]> {
  const all = await done((await store(FILES, 'readonly')).getAll() as IDBRequest<OutboxFile[]>)
  return all.filter((f) => f.userId === userId).sort((a, b) => a.at.localeCompare(b.at))
}

export async function removeFile(id: string): Promise<void> {
  await done((await store(FILES, 'readwrite')).delete(id))
  changed()
}
