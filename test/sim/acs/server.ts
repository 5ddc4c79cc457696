/**
 * A GenieACS NBI (port 7557) on 127.0.0.1, written from GenieACS's lib/nbi.ts and the NBI
 * documentation: `GET|HEAD /<collection>/?query=<Mongo JSON>&projection=a,b` (header `total`),
 * `POST /devices/<id>/tasks[?connection_request]`, faults under `<device>:task_<task id>`.
 *
 * With `?connection_request` GenieACS wakes the CPE and waits for its session: a CPE that
 * answers runs the task in it (200, or 202 "Task faulted" with a fault); one that does not keeps
 * the task for its next inform (202 "Task queued but not processed"). Without it: 202 at once.
 * No such device: 404 "No such device". GenieACS has no login of its own; operators put basic
 * auth in front of it, which `auth` plays.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { cpeDoc, readPath, setParam, type Doc, type SimCpe } from './devices'
import { matches, project } from './query'

export interface AcsSimOptions {
  port?: number
  /** Basic auth in front of the NBI, as a reverse proxy adds it. */
  auth?: { username: string; password: string }
  /** The instant tasks run at (the device's new `_lastInform`); default the real clock. */
  now?: () => Date
}

export interface SimTask {
  _id: string
  device: string
  name: string
  timestamp: string
  [key: string]: unknown
}

export interface SimFault {
  _id: string
  device: string
  channel: string
  code: string
  message: string
  detail: unknown
  retries: number
  timestamp: string
  [key: string]: unknown
}

/** How a CPE behaves when the ACS sends it a connection request. */
export interface SimCpeBehaviour {
  /** Answers connection requests (behind no NAT, online). Default true. */
  answers?: boolean
  /** Tasks by name that the CPE faults on, with the CWMP fault it returns. */
  faults?: Record<string, { code: string; message: string }>
}

export interface AcsSim {
  readonly url: string
  readonly port: number
  /** Adds a CPE; returns its device id. */
  addCpe(cpe: SimCpe, behaviour?: SimCpeBehaviour): string
  device(id: string): Doc | undefined
  /** Tasks still waiting for their device (not answered, faulted). */
  readonly tasks: SimTask[]
  readonly faults: SimFault[]
  /** Every request, `METHOD path?query` as received. */
  readonly requests: { method: string; url: string; authorized: boolean }[]
  /** Accept connections and never answer (an ACS that hangs). */
  silent: boolean
  /** The instant tasks run at; tests point it at their clock. */
  now: () => Date
  close(): Promise<void>
}

const DEVICE_TASKS = /^\/devices\/([a-zA-Z0-9\-_%]+)\/tasks\/?$/
const COLLECTION = /^\/([a-zA-Z0-9_]+)\/?$/

export async function startAcsSim(options: AcsSimOptions = {}): Promise<AcsSim> {
  const devices = new Map<string, Doc>()
  const behaviour = new Map<string, SimCpeBehaviour>()
  const tasks: SimTask[] = []
  const faults: SimFault[] = []
  const requests: AcsSim['requests'] = []
  const sockets = new Set<Socket>()

  function authorized(req: IncomingMessage): boolean {
    if (!options.auth) return true
    const expected =
      'Basic ' + Buffer.from(`${options.auth.username}:${options.auth.password}`).toString('base64')
    return req.headers.authorization === expected
  }

  function runTask(doc: Doc, task: SimTask): SimFault | null {
    const b = behaviour.get(task.device) ?? {}
    const fault = b.faults?.[task.name]
    const at = sim.now().toISOString()
    if (fault) {
      const f: SimFault = {
        _id: `${task.device}:task_${task._id}`,
        device: task.device,
        channel: `task_${task._id}`,
        code: fault.code,
        message: fault.message,
        detail: null,
        retries: 0,
        timestamp: at,
      }
      faults.push(f)
      return f
    }
    if (task.name === 'setParameterValues')
      for (const [path, value, type] of task.parameterValues as [string, unknown, string][])
        setParam(doc, path, value, type ?? 'xsd:string', at)
    if (task.name === 'reboot') doc._lastBoot = at
    doc._lastInform = at
    return null
  }

  function json(res: ServerResponse, status: number, body: unknown, reason?: string) {
    const headers = { 'Content-Type': 'application/json' }
    if (reason) res.writeHead(status, reason, headers)
    else res.writeHead(status, headers)
    res.end(JSON.stringify(body))
  }

  function postTask(res: ServerResponse, url: URL, deviceId: string, body: string) {
    let task: SimTask
    try {
      task = JSON.parse(body) as SimTask
    } catch (error) {
      res.writeHead(400)
      res.end(`SyntaxError: ${(error as Error).message}`)
      return
    }
    const doc = devices.get(deviceId)
    if (!doc) {
      res.writeHead(404)
      res.end('No such device')
      return
    }
    task._id = randomBytes(12).toString('hex')
    task.device = deviceId
    task.timestamp = sim.now().toISOString()
    if (!url.searchParams.has('connection_request')) {
      tasks.push(task)
      return json(res, 202, task)
    }
    if (behaviour.get(deviceId)?.answers === false) {
      tasks.push(task)
      return json(res, 202, task, 'Task queued but not processed')
    }
    const fault = runTask(doc, task)
    if (fault) {
      tasks.push(task)
      return json(res, 202, task, 'Task faulted')
    }
    return json(res, 200, task)
  }

  function query(req: IncomingMessage, res: ServerResponse, url: URL, name: string) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' })
      return res.end('405 Method Not Allowed')
    }
    const rows: Doc[] | undefined =
      name === 'devices'
        ? [...devices.values()]
        : name === 'tasks'
          ? tasks
          : name === 'faults'
            ? faults
            : undefined
    if (!rows) {
      res.writeHead(404)
      return res.end('404 Not Found')
    }
    let q: unknown = {}
    const text = url.searchParams.get('query')
    if (text) {
      try {
        q = JSON.parse(text)
      } catch (error) {
        res.writeHead(400)
        return res.end(`SyntaxError: ${(error as Error).message}`)
      }
    }
    const found = rows.filter((d) => matches(d, q as Doc))
    const projection = url.searchParams.get('projection')
    res.writeHead(200, { 'Content-Type': 'application/json', total: String(found.length) })
    if (req.method === 'HEAD') return res.end()
    const out = projection ? found.map((d) => project(d, projection.split(','))) : found
    res.end(JSON.stringify(out))
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const ok = authorized(req)
      requests.push({ method: req.method ?? '', url: req.url ?? '', authorized: ok })
      if (sim.silent) return
      res.setHeader('GenieACS-Version', '1.2.13-sim')
      if (!ok) {
        res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="GenieACS"' })
        return res.end('Unauthorized')
      }
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const task = DEVICE_TASKS.exec(url.pathname)
      if (task) {
        if (req.method !== 'POST') {
          res.writeHead(405, { Allow: 'POST' })
          return res.end('405 Method Not Allowed')
        }
        return postTask(res, url, decodeURIComponent(task[1]!), Buffer.concat(chunks).toString())
      }
      const collection = COLLECTION.exec(url.pathname)
      if (collection) return query(req, res, url, collection[1]!)
      res.writeHead(404)
      res.end('404 Not Found')
    })
  })
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port

  const sim: AcsSim = {
    url: `http://127.0.0.1:${port}`,
    port,
    silent: false,
    now: options.now ?? (() => new Date()),
    tasks,
    faults,
    requests,
    addCpe(cpe, b = {}) {
      const doc = cpeDoc(cpe)
      const id = doc._id as string
      devices.set(id, doc)
      behaviour.set(id, b)
      return id
    },
    device: (id) => devices.get(id),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
  return sim
}

export { readPath }
