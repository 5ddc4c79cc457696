import { describe, expect, it } from 'vitest'
import { historyParams, parseHistoryParams } from './history-params'

describe('history filters in the URL', () => {
  it('round-trips what is set and drops what a hand-edited URL got wrong', () => {
    const params = new URLSearchParams(
      'q=0812&from=2026-11-01&to=kemarin&kind=reminder&status=dilewati&channel=fax',
    )
    const filters = parseHistoryParams(params)
    expect(filters).toEqual({
      q: '0812',
      from: '2026-11-01',
      to: null,
      kind: 'reminder',
      status: 'dilewati',
      channel: null,
    })
    expect(historyParams(filters).toString()).toBe(
      'q=0812&from=2026-11-01&kind=reminder&status=dilewati',
    )
  })
})
