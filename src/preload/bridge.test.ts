import { describe, expect, it, vi } from 'vitest'
import { createBridge } from './bridge'
import { IPC_CHANNEL } from './channel'
import type { IpcRequest } from './types'

function stubIpcRenderer() {
  const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, data: 'pong' }) as unknown)
  return { invoke, send: vi.fn(), on: vi.fn(), sendSync: vi.fn() }
}

const request: IpcRequest = { type: 'query', path: 'setup.status', input: undefined, token: null }

describe('preload bridge', () => {
  it('forwards a request on the loket:trpc channel and returns the answer', async () => {
    const ipc = stubIpcRenderer()
    const bridge = createBridge(ipc)
    await expect(bridge.invoke(request)).resolves.toEqual({ ok: true, data: 'pong' })
    expect(IPC_CHANNEL).toBe('loket:trpc')
    expect(ipc.invoke).toHaveBeenCalledTimes(1)
    expect(ipc.invoke).toHaveBeenCalledWith('loket:trpc', request)
  })

  it('sends only the four request fields, whatever else the page adds', async () => {
    const ipc = stubIpcRenderer()
    const sneaky = { ...request, channel: 'other', extra: { a: 1 } } as IpcRequest
    await createBridge(ipc).invoke(sneaky)
    expect(ipc.invoke.mock.calls[0]?.[1]).toEqual(request)
    expect(ipc.invoke.mock.calls[0]).toHaveLength(2)
  })

  it('exposes exactly one function, invoke, and cannot be changed by the page', () => {
    const bridge = createBridge(stubIpcRenderer())
    expect(Object.keys(bridge)).toEqual(['invoke'])
    expect(typeof bridge.invoke).toBe('function')
    expect(Object.isFrozen(bridge)).toBe(true)
  })

  it('does not leak the ipcRenderer object', async () => {
    const ipc = stubIpcRenderer()
    const bridge = createBridge(ipc)
    const reachable = [...Object.values(bridge), Object.getPrototypeOf(bridge)]
    expect(reachable).not.toContain(ipc)
    expect(reachable).not.toContain(ipc.invoke)
    const answer = await bridge.invoke(request)
    expect(answer).not.toBe(ipc)
    for (const method of [ipc.send, ipc.on, ipc.sendSync]) expect(method).not.toHaveBeenCalled()
  })
})
