/**
 * What crosses the bridge. Mirrors `IpcRequest`/`IpcResponse` in src/main/api/ipc.ts (the main
 * process validates every request with zod; these types only help the renderer's IPC link).
 */
export interface IpcRequest {
  type: 'query' | 'mutation'
  /** `domain.verb`, e.g. `customers.search`. */
  path: string
  input: unknown
  /** The session token from `auth.login` / `setup.complete`; null before sign-in. */
  token: string | null
}

export interface IpcErrorPayload {
  code: string
  messageKey: string
  details?: Record<string, unknown>
}

export type IpcResponse = { ok: true; data: unknown } | { ok: false; error: IpcErrorPayload }

/** The whole surface the preload gives the page: one function. */
export interface LoketBridge {
  invoke(request: IpcRequest): Promise<IpcResponse>
}
