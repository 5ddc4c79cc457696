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
  | { kind: 'copy'; source: string; target: string; pagesPerStep: number }
  | { kind: 'query'; file: string; statements: string[] }

function inWorker<T>(job: Job, onProgress?: (done: number, total: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    // No loaders from the parent (tsx, vitest): the worker's code is plain JavaScript.
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      execArgv: [],
      workerData: { driver: DRIVER, job },
    })
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
