import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/**
 * Long reads of a SQLite file in a worker thread: copying the live database for a backup, and
 * counting or checking every row of a snapshot. better-sqlite3 answers synchronously, so on the
 * host's own thread a 500 MB copy or an integrity check would hold every cashier's request for
 * seconds; in a worker the host keeps answering (issue 15: payments p95 ≤ 50 ms during a backup).
 *
 * The worker is plain CommonJS evaluated from this string, not a file of its own: the same code
 * runs under tsx, vitest and the bundled desktop app without a build step naming its path.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const job = workerData.job
const run = async () => {
  if (job.kind === 'checkpoint') {
    // Lives as long as the host: a passive checkpoint on a timer, never waiting for anyone.
    const db = new Database(job.file, { fileMustExist: true })
    let busy = false
    const timer = setInterval(() => {
      if (busy) return
      busy = true
      try {
        db.pragma('wal_checkpoint(PASSIVE)')
      } catch {
        // a busy or closing database is checkpointed next time
      } finally {
        busy = false
      }
    }, job.everyMs)
    await new Promise((resolve) => parentPort.once('message', resolve))
    clearInterval(timer)
    db.close()
    return null
  }
  if (job.kind === 'copy') {
    const source = new Database(job.source, { fileMustExist: true })
    try {
      source.pragma('busy_timeout = 5000')
      // A write by another connection between two steps starts the copy over. Once that has
      // happened the rest goes in one step: one read transaction (WAL lets the host keep writing),
      // so a host that writes all the time cannot keep the copy from ever finishing.
      let remaining = Infinity
      let restarted = false
      await source.backup(job.target, {
        progress({ totalPages, remainingPages }) {
          if (remainingPages >= remaining) restarted = true
          remaining = remainingPages
          parentPort.postMessage({ type: 'progress', done: totalPages - remainingPages, total: totalPages })
          return restarted ? 0x7fffffff : job.pagesPerStep
        },
      })
    } finally {
      source.close()
    }
    return null
  }
  const db = new Database(job.file, { fileMustExist: true })
  try {
    return job.statements.map((text) => db.prepare(text).all())
  } finally {
    db.close()
  }
}
run().then(
  (result) => parentPort.postMessage({ type: 'done', result }),
  (error) => parentPort.postMessage({ type: 'failed', message: String(error && error.message || error), code: error && error.code }),
)
`

const DRIVER = createRequire(import.meta.url).resolve('better-sqlite3')

type Job =
  | { kind: 'checkpoint'; file: string; everyMs: number }
  | { kind: 'copy'; source: string; target: string; pagesPerStep: number }
  | { kind: 'query'; file: string; statements: string[] }

function inWorker<T>(
  job: Job,
  onProgress?: (done: number, total: number) => void,
  onStart?: (worker: Worker) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    // No loaders from the parent (tsx, vitest): the worker's code is plain JavaScript.
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      execArgv: [],
      workerData: { driver: DRIVER, job },
    })
    onStart?.(worker)
    let settled = false
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') onProgress?.(m.done, m.total)
      else if (m.type === 'done') {
        settled = true
        resolve(m.result as T)
      } else {
        settled = true
        reject(Object.assign(new Error(m.message), m.code ? { code: m.code } : {}))
      }
    })
    worker.on('error', (error) => {
      settled = true
      reject(error)
    })
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`SQLite worker stopped with exit code ${code}`))
    })
  })
}

type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: unknown }
  | { type: 'failed'; message: string; code?: string }

/** SQLite's online backup of `source` into `target`, page by page, in a worker thread. */
export function copySqliteFile(
  source: string,
  target: string,
  onProgress?: (done: number, total: number) => void,
  pagesPerStep = 2048,
): Promise<void> {
  return inWorker<null>({ kind: 'copy', source, target, pagesPerStep }, onProgress).then(
    () => undefined,
  )
}

/** Each statement's rows, read from a SQLite file in a worker thread (in order, one connection). */
export function querySqliteFile(file: string, statements: string[]): Promise<unknown[][]> {
  return inWorker<unknown[][]>({ kind: 'query', file, statements })
}

/**
 * WAL checkpoints of a SQLite file on a timer, from a connection in a worker thread: copying WAL
 * pages into the database file (and flushing it) took 8–90 ms on the host's own thread at 50,000
 * customers, and a payment arriving meanwhile waited for it. The returned function stops the
 * worker and resolves once its connection is closed.
 */
export function startCheckpointWorker(file: string, everyMs: number): () => Promise<void> {
  let worker: Worker | null = null
  const done = inWorker<null>({ kind: 'checkpoint', file, everyMs }, undefined, (w) => {
    worker = w
    // The host's process ends when the host does, not when this timer says.
    w.unref()
  }).catch(() => null)
  return async () => {
    worker?.postMessage('stop')
    await done
  }
}
