import { describe, expect, it } from 'vitest'
import { IPC_CHANNEL as mainChannel } from '../../src/main/api/ipc'
import { IPC_CHANNEL as preloadChannel } from '../../src/preload/channel'

// The preload may not import main code (and main may not import the preload), so the channel
// name is written twice; this keeps the two copies equal.
describe('IPC channel', () => {
  it('is the same string in the main process and the preload', () => {
    expect(preloadChannel).toBe('loket:trpc')
    expect(mainChannel).toBe(preloadChannel)
  })
})
