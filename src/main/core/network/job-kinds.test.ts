import { describe, expect, it } from 'vitest'
import { DEVICE_JOB_KINDS } from '@shared/device-jobs'
import { hotspotJobHandlers } from './hotspot'
import { coreJobHandlers } from './job-handlers'
import { packageSpeedHandlers } from './package-speed'

describe('router job kinds', () => {
  it('the shared list names every kind the worker applies, so each has a label on screen', () => {
    const handled = Object.keys({
      ...coreJobHandlers,
      ...hotspotJobHandlers,
      ...packageSpeedHandlers,
    }).sort()
    expect([...DEVICE_JOB_KINDS].sort()).toEqual(handled)
  })
})
