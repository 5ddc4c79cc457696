import { TRPCClientError, createTRPCClient } from '@trpc/client'
import { describe, expect, it } from 'vitest'
import type { AppRouter } from '@api/router'
import { errorCodeOf, uiErrorOf } from './errors'
import type { IpcRequest, IpcResponse, LoketBridge } from '../../../preload/types'
import { ipcLink } from './ipc-link'

function clientWith(answer: (req: IpcRequest) => IpcResponse) {
  const seen: IpcRequest[] = []
  const bridge: LoketBridge = {
    invoke: async (req) => {
      seen.push(req)
      return answer(req)
    },
  }
  const client = createTRPCClient<AppRouter>({ links: [ipcLink(bridge, () => 'token-abc')] })
  return { client, seen }
}

describe('ipc link', () => {
  it('sends the path, input and session token, and returns the data', async () => {
    const { client, seen } = clientWith(() => ({ ok: true, data: { needsSetup: true } }))
    await expect(client.setup.status.query()).resolves.toEqual({ needsSetup: true })
    expect(seen[0]).toMatchObject({ type: 'query', path: 'setup.status', token: 'token-abc' })
  })

  it('turns an error shape into a TRPCClientError the UI reads like an HTTP one', async () => {
    const shape = {
      message: 'errors.AUTH_LOCKED',
      code: -32029,
      data: {
        error: {
          code: 'AUTH_LOCKED',
          messageKey: 'errors.AUTH_LOCKED',
          details: { retryAfterSeconds: 600 },
        },
      },
    }
    // The link also reads a whole tRPC error shape, should a transport pass one through.
    const { client } = clientWith(() => ({
      ok: false,
      error: shape as unknown as IpcResponse extends { error: infer E } ? E : never,
    }))
    const error = await client.auth.login
      .mutate({ username: 'a', password: 'b' })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TRPCClientError)
    expect(uiErrorOf(error)).toEqual({ code: 'AUTH_LOCKED', details: { retryAfterSeconds: 600 } })
  })

  it('accepts a bare error payload too', async () => {
    const { client } = clientWith(() => ({
      ok: false,
      error: { code: 'SESSION_EXPIRED', messageKey: 'errors.SESSION_EXPIRED' },
    }))
    const error = await client.auth.me.query().catch((e: unknown) => e)
    expect(errorCodeOf(error)).toBe('SESSION_EXPIRED')
  })

  it('reports a broken bridge as a network problem', async () => {
    const { client } = clientWith(() => {
      throw new Error('ipc channel closed')
    })
    const error = await client.auth.me.query().catch((e: unknown) => e)
    expect(errorCodeOf(error)).toBe('NETWORK')
  })
})
