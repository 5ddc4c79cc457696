import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  callTRPCProcedure,
  getTRPCErrorFromUnknown,
  TRPCError,
  type AnyTRPCRouter,
} from '@trpc/server'
import { z } from 'zod'
import { messageKeyOf, type ErrorPayload } from '@shared/errors'
import { createApiContext, DESKTOP_IP, type ApiServices } from './context'
import { toErrorPayload } from './trpc'

/**
 * The IPC transport of the API, free of 'electron' so it runs under plain Node tests; the desktop
 * registers it with `ipcMain.handle`. Same channel string as src/preload/channel.ts (the preload
 * may not import main code; test/lint/ipc-channel.test.ts keeps the two equal).
 */
export const IPC_CHANNEL = 'loket:trpc'

export const ipcRequestSchema = z.object({
  // Subscriptions will get their own channel with a stop message; a one-shot invoke cannot carry one.
  type: z.enum(['query', 'mutation']),
  path: z
    .string()
    .max(200)
    .regex(/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)+$/),
  input: z.unknown(),
  token: z.string().min(1).max(200).nullable(),
})

export type IpcRequest = z.infer<typeof ipcRequestSchema>
export type IpcResponse = { ok: true; data: unknown } | { ok: false; error: ErrorPayload }

/** The part of Electron's IpcMainInvokeEvent this needs; `senderFrame` is null once the frame is gone. */
export interface IpcEventLike {
  readonly senderFrame: { readonly url: string } | null | undefined
  readonly sender?: unknown
}

export interface HandleIpcRequestOptions {
  router: AnyTRPCRouter
  services: ApiServices
  event: IpcEventLike
  request: unknown
  isTrustedSender: (url: string) => boolean
}

const DESKTOP_CALLER = { ip: DESKTOP_IP, userAgent: 'Loket Desktop' }

/** Answers one renderer request. Never throws: every failure is an `{ok:false, error}` payload. */
const RESTORE_STATUS = 'backups.restoreLiveStatus'

export async function handleIpcRequest(options: HandleIpcRequestOptions): Promise<IpcResponse> {
  if (!isFromTrustedFrame(options.event, options.isTrustedSender)) {
    return { ok: false, error: { code: 'FORBIDDEN', messageKey: messageKeyOf('FORBIDDEN') } }
  }
  const parsed = ipcRequestSchema.safeParse(options.request)
  if (!parsed.success) return failure(new TRPCError({ code: 'BAD_REQUEST', cause: parsed.error }))
  const { type, path: procedurePath, token } = parsed.data
  // A restore over the live data closed this database: only its status is answered meanwhile.
  if (options.services.restoring && procedurePath !== RESTORE_STATUS) {
    return {
      ok: false,
      error: { code: 'HOST_RESTORING', messageKey: messageKeyOf('HOST_RESTORING') },
    }
  }

  let input: unknown
  try {
    input = asJson(parsed.data.input)
  } catch (cause) {
    return failure(new TRPCError({ code: 'BAD_REQUEST', message: 'input is not JSON', cause }))
  }
  try {
    const data: unknown = await callTRPCProcedure({
      router: options.router,
      path: procedurePath,
      type,
      ctx: createApiContext(options.services, { token, ...DESKTOP_CALLER }),
      getRawInput: async () => input,
      signal: undefined,
      batchIndex: 0,
    })
    return { ok: true, data: asJson(data) }
  } catch (cause) {
    const error = getTRPCErrorFromUnknown(cause)
    if (error.code === 'INTERNAL_SERVER_ERROR') {
      console.error(`[ipc] ${procedurePath}:`, error.cause ?? error)
    }
    return failure(error)
  }
}

function failure(error: TRPCError): IpcResponse {
  return { ok: false, error: toErrorPayload(error) }
}

function isFromTrustedFrame(event: IpcEventLike, isTrusted: (url: string) => boolean): boolean {
  try {
    // Reading `url` of a frame that navigated away or was destroyed throws in Electron.
    const url = event.senderFrame?.url
    return typeof url === 'string' && url !== '' && isTrusted(url)
  } catch {
    return false
  }
}

/**
 * Values cross IPC the way they cross HTTP (JSON), so the renderer sees the same shapes on both
 * links: a Date becomes an ISO string here too, and a form cannot rely on IPC-only types.
 */
function asJson(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value))
}

export interface TrustedRenderer {
  /** `ELECTRON_RENDERER_URL` in development: any page of that origin. */
  devServerUrl?: string
  /** The packaged renderer's index.html: only that file, with any query or hash. */
  rendererFile?: string
}

/** Whether a frame URL is our renderer; everything else gets no API and no navigation. */
export function isTrustedRendererUrl(url: string, trusted: TrustedRenderer): boolean {
  const parsed = parseUrl(url)
  if (!parsed) return false
  if (parsed.protocol === 'file:') {
    return trusted.rendererFile !== undefined && isSameFile(parsed, trusted.rendererFile)
  }
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
    const dev = trusted.devServerUrl ? parseUrl(trusted.devServerUrl) : null
    return dev !== null && parsed.origin === dev.origin
  }
  return false
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

function isSameFile(url: URL, file: string): boolean {
  let filePath: string
  try {
    // Throws for file://host/… on POSIX and for encoded separators; those are never our renderer.
    filePath = fileURLToPath(url)
  } catch {
    return false
  }
  const a = path.resolve(filePath)
  const b = path.resolve(file)
  return process.platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b
}
