import { describe, expect, it } from 'vitest'
import { createInFlight } from '@api/in-flight'
import { CHECK_EVERY_MS, UpdateFlow, type UpdaterPort, type UpdateState } from './update-flow'

/** electron-updater's side as the flow sees it: a feed that offers `offered`, and what was asked. */
function fakeUpdater(offered: { version: string; releaseNotes: string | null } | null) {
  const calls: string[] = []
  const port: UpdaterPort & { offered: typeof offered } = {
    offered,
    check: async () => {
      calls.push('check')
      return port.offered
    },
    download: async () => {
      calls.push('download')
    },
    installOnQuit: (enabled) => calls.push(`installOnQuit:${enabled}`),
    restartAndInstall: () => calls.push('restartAndInstall'),
  }
  return { port, calls }
}

function flowWith(updater: UpdaterPort) {
  const inFlight = createInFlight()
  const published: UpdateState[] = []
  const timers: { ms: number; task: () => void }[] = []
  const flow = new UpdateFlow({
    updater,
    inFlight,
    publish: (s) => published.push(s),
    every: (ms, task) => {
      timers.push({ ms, task })
      return () => timers.splice(0)
    },
  })
  return { flow, inFlight, published, timers }
}

describe('updates from the host on a desktop', () => {
  it('checks at start and daily, downloads in the background, and installs nothing unasked', async () => {
    const { port, calls } = fakeUpdater({ version: '1.3.0', releaseNotes: 'Kasir lebih cepat' })
    const { flow, published, timers } = flowWith(port)
    flow.start()
    await flow.check() // the start's check is already running: this one waits its turn
    await Promise.resolve()
    expect(timers.map((t) => t.ms)).toEqual([CHECK_EVERY_MS])
    expect(calls).toEqual(['installOnQuit:false', 'check', 'download'])
    expect(flow.state).toEqual({
      status: 'ready',
      version: '1.3.0',
      notes: 'Kasir lebih cepat',
      agreed: false,
      waitingForWork: false,
    })
    expect(published.map((s) => s.status)).toEqual(['checking', 'downloading', 'ready'])
    // The daily check does not download the same version again.
    timers[0]!.task()
    expect(calls.filter((c) => c === 'download')).toHaveLength(1)
  })

  it('a current version stays quiet, and a failed check is tried again the next day', async () => {
    const { port, calls } = fakeUpdater(null)
    port.check = async () => {
      calls.push('check')
      throw new Error('connect ECONNREFUSED 192.168.1.10:8080')
    }
    const { flow, timers } = flowWith(port)
    flow.start()
    await Promise.resolve()
    await Promise.resolve()
    expect(flow.state).toMatchObject({
      status: 'failed',
      reason: expect.stringContaining('ECONNREFUSED'),
    })
    port.check = async () => null
    await flow.check()
    expect(flow.state).toEqual({ status: 'current' })
    expect(timers).toHaveLength(1)
  })

  it('installs at the next quit once the user agrees', async () => {
    const { port, calls } = fakeUpdater({ version: '1.3.0', releaseNotes: null })
    const { flow } = flowWith(port)
    await flow.check()
    flow.agree()
    expect(calls.at(-1)).toBe('installOnQuit:true')
    expect(flow.state).toMatchObject({ status: 'ready', agreed: true })
    expect(calls).not.toContain('restartAndInstall')
  })

  it('"restart now" waits while a payment is being recorded, then installs', async () => {
    const { port, calls } = fakeUpdater({ version: '1.3.0', releaseNotes: null })
    const { flow, inFlight } = flowWith(port)
    await flow.check()
    inFlight.begin() // a cashier's payment is in the middle of its transaction
    const restarting = flow.restartNow()
    await Promise.resolve()
    expect(calls).not.toContain('restartAndInstall')
    expect(flow.state).toMatchObject({ status: 'ready', agreed: true, waitingForWork: true })
    inFlight.end()
    await restarting
    expect(calls.at(-1)).toBe('restartAndInstall')
  })
})
