/**
 * A GenieACS northbound interface (NBI) client: the three calls Loket makes (INTEGRATIONS.md
 * "GenieACS NBI"). Plain HTTP with an optional basic login (the NBI has none of its own; operators
 * put it behind a proxy that asks for one). Every call has a time limit, so an ACS that does not
 * answer fails one card of one page, never a worker or another request.
 */

export interface NbiTarget {
  /** The NBI's base URL, e.g. http://10.0.0.5:7557 */
  url: string
  username: string
  password: string
  timeoutMs: number
}

export type NbiFailure = 'refused' | 'unreachable' | 'timeout' | 'auth' | 'http'

export class NbiError extends Error {
  constructor(
    readonly kind: NbiFailure,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message)
    this.name = 'NbiError'
  }
}

/** A task's answer: the HTTP status, its reason phrase (GenieACS says why a 202) and the task. */
export interface TaskAnswer {
  status: number
  statusText: string
  task: { _id?: string } | null
}

/** A device document as GenieACS returns it: nested objects, leaves `{_value, _type, _timestamp}`. */
export type DeviceDoc = Record<string, unknown> & { _id: string }

export interface Fault {
  _id: string
  device?: string
  channel?: string
  code?: string
  message?: string
  detail?: unknown
  timestamp?: string
}

function endpoint(target: NbiTarget, path: string): string {
  return target.url.replace(/\/+$/, '') + path
}

async function call(target: NbiTarget, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers)
  if (target.username)
    headers.set(
      'Authorization',
      'Basic ' + Buffer.from(`${target.username}:${target.password}`).toString('base64'),
    )
  let response: Response
  try {
    response = await fetch(endpoint(target, path), {
      ...init,
      headers,
      signal: AbortSignal.timeout(target.timeoutMs),
    })
  } catch (error) {
    throw networkError(error)
  }
  if (response.status === 401 || response.status === 403) {
    await response.body?.cancel()
    throw new NbiError('auth', `HTTP ${response.status}`, response.status)
  }
  return response
}

function networkError(error: unknown): NbiError {
  const e = error as { name?: string; message?: string; cause?: { code?: string } }
  if (e.name === 'TimeoutError' || e.name === 'AbortError')
    return new NbiError('timeout', 'no answer in time')
  const code = e.cause?.code ?? ''
  if (code === 'ECONNREFUSED') return new NbiError('refused', 'connection refused')
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT')
    return new NbiError('timeout', 'no answer in time')
  return new NbiError('unreachable', code || e.message || String(error))
}

async function json<T>(response: Response): Promise<T> {
  const text = await response.text()
  if (!response.ok)
    throw new NbiError('http', text.slice(0, 200) || response.statusText, response.status)
  try {
    return JSON.parse(text) as T
  } catch {
    throw new NbiError('http', `not JSON: ${text.slice(0, 80)}`, response.status)
  }
}

/** `GET /devices/?query=…&projection=…`: only the parameters asked for, never whole devices. */
export async function queryDevices(
  target: NbiTarget,
  query: object,
  projection: readonly string[],
): Promise<DeviceDoc[]> {
  const params = new URLSearchParams({
    query: JSON.stringify(query),
    projection: projection.join(','),
  })
  return json<DeviceDoc[]>(await call(target, `/devices/?${params}`))
}

/** `HEAD /devices/`: the number of devices (header `total`), to test the settings cheaply. */
export async function countDevices(target: NbiTarget): Promise<number> {
  const response = await call(target, `/devices/?${new URLSearchParams({ query: '{}' })}`, {
    method: 'HEAD',
  })
  if (!response.ok) throw new NbiError('http', response.statusText, response.status)
  const total = Number(response.headers.get('total'))
  if (!Number.isInteger(total)) throw new NbiError('http', 'no total header', response.status)
  return total
}

/** `GET /faults/?query=…` */
export async function queryFaults(target: NbiTarget, query: object): Promise<Fault[]> {
  const params = new URLSearchParams({ query: JSON.stringify(query) })
  return json<Fault[]>(await call(target, `/faults/?${params}`))
}

/**
 * `POST /devices/<id>/tasks?connection_request`. The device id already holds `%XX` escapes
 * (GenieACS builds it so): it is percent-encoded once more for the URL, or `%20` would arrive as
 * a space and name another device.
 */
export async function postTask(
  target: NbiTarget,
  deviceId: string,
  task: object,
): Promise<TaskAnswer> {
  const response = await call(
    target,
    `/devices/${encodeURIComponent(deviceId)}/tasks?connection_request`,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(task),
    },
  )
  const text = await response.text()
  if (response.status === 404)
    return { status: 404, statusText: text || response.statusText, task: null }
  if (response.status !== 200 && response.status !== 202)
    throw new NbiError('http', text.slice(0, 200) || response.statusText, response.status)
  let parsed: TaskAnswer['task']
  try {
    parsed = JSON.parse(text) as TaskAnswer['task']
  } catch {
    // The answer's status says what happened; the task is only for finding its fault.
    parsed = null
  }
  return { status: response.status, statusText: response.statusText, task: parsed }
}
