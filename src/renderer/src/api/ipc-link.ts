import { TRPCClientError, type TRPCLink } from '@trpc/client'
import { observable } from '@trpc/server/observable'
import type { AppRouter } from '@api/router'
import type { LoketBridge } from '../../../preload/types'

/** JSON-RPC's "internal error" code: used when the main process sent back a bare payload. */
const INTERNAL_RPC_CODE = -32603

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/**
 * The main process answers with the same error shape the HTTP adapter sends
 * (`{message, code, data: {error: {code, messageKey, details}}}`); a bare `{code, messageKey}`
 * payload is wrapped into that shape so the rest of the UI reads one format.
 */
function toClientError(error: unknown): TRPCClientError<AppRouter> {
  if (isObject(error) && typeof error.code === 'number' && typeof error.message === 'string') {
    return TRPCClientError.from({ error })
  }
  if (isObject(error) && typeof error.code === 'string' && typeof error.messageKey === 'string') {
    const shape = { message: error.messageKey, code: INTERNAL_RPC_CODE, data: { error } }
    return TRPCClientError.from({ error: shape })
  }
  return TRPCClientError.from(error instanceof Error ? error : new Error(String(error)))
}

/** A tRPC link over the preload bridge (one IPC call per operation, no batching needed). */
export function ipcLink(bridge: LoketBridge, getToken: () => string | null): TRPCLink<AppRouter> {
  return () =>
    ({ op }) =>
      observable((observer) => {
        if (op.type === 'subscription') {
          observer.error(toClientError(new Error('Subscriptions are not carried over IPC yet')))
          return () => {}
        }
        let cancelled = false
        bridge
          .invoke({ type: op.type, path: op.path, input: op.input, token: getToken() })
          .then((response) => {
            if (cancelled) return
            if (response.ok) {
              observer.next({ result: { type: 'data', data: response.data } })
              observer.complete()
            } else {
              observer.error(toClientError(response.error))
            }
          })
          .catch((cause: unknown) => {
            if (!cancelled) observer.error(toClientError(cause))
          })
        return () => {
          cancelled = true
        }
      })
}
