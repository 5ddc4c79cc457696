import { describe, expect, it } from 'vitest'
import { AppError } from '@shared/errors'
import { ManualClock } from '../clock'
import { createSetupCode } from './setup-code'

type Refusal = { code: string; details?: Record<string, unknown> }
const refusal = (fn: () => void): 'ok' | Refusal => {
  try {
    fn()
    return 'ok'
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    return { code: error.code, details: error.details }
  }
}
const attemptsLeft = (r: 'ok' | Refusal) => (r === 'ok' ? 'ok' : r.details?.attemptsLeft)

describe('first-run setup code', () => {
  it('is 8 random characters that cannot be misread, different on every start', () => {
    const clock = new ManualClock('2026-12-04T01:00:00Z')
    const codes = new Set(Array.from({ length: 50 }, () => createSetupCode(clock).display))
    expect(codes.size).toBe(50)
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/)
  })

  it('accepts the code however it is typed; a missing code is not counted as a try', () => {
    const setup = createSetupCode(new ManualClock('2026-12-04T01:00:00Z'))
    for (let i = 0; i < 10; i++)
      expect(refusal(() => setup.verify(''))).toMatchObject({
        code: 'SETUP_CODE_REQUIRED',
      })
    const typed = ` ${setup.display.toLowerCase().replace('-', ' ')} `
    expect(refusal(() => setup.verify(typed))).toBe('ok')
    expect(refusal(() => setup.verify(setup.display.replace('-', '')))).toBe('ok')
  })

  it('opens nothing once spent', () => {
    const setup = createSetupCode(new ManualClock('2026-12-04T01:00:00Z'))
    setup.spend()
    expect(refusal(() => setup.verify(setup.display))).toMatchObject({ code: 'SETUP_CODE_INVALID' })
  })

  it('five wrong tries in 15 minutes lock it for 15 minutes; older tries are forgotten', () => {
    const clock = new ManualClock('2026-12-04T01:00:00Z')
    const setup = createSetupCode(clock)
    for (let i = 0; i < 4; i++) refusal(() => setup.verify('WRONG-CODE'))
    clock.advanceMinutes(16)
    // The four tries are older than the window: five fresh ones before the lock.
    const left = Array.from({ length: 5 }, () =>
      attemptsLeft(refusal(() => setup.verify('WRONG-CODE'))),
    )
    expect(left).toEqual([4, 3, 2, 1, 0])
    clock.advanceMinutes(5)
    expect(refusal(() => setup.verify(setup.display))).toEqual({
      code: 'AUTH_LOCKED',
      details: { retryAfterSeconds: 600 },
    })
    clock.advanceMinutes(10)
    expect(refusal(() => setup.verify(setup.display))).toBe('ok')
  })
})
