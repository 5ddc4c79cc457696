import { describe, expect, it } from 'vitest'
import {
  parseBitRate,
  parseFullRateLimit,
  parseRateLimit,
  parseRouterBool,
  parseUptime,
} from './values'

describe('parseUptime', () => {
  it.each([
    ['01:22:53', 4973],
    ['2d3h15m42s', 2 * 86400 + 3 * 3600 + 15 * 60 + 42],
    ['1w2d03:04:05', 604800 + 2 * 86400 + 3 * 3600 + 4 * 60 + 5],
    ['45s', 45],
    ['3m', 180],
    ['1h', 3600],
    ['0s', 0],
    ['00:00:00', 0],
    ['5w', 5 * 604800],
    ['1d 02:00:00', 86400 + 7200],
    ['1s500ms', 1.5],
    ['123:00:01', 123 * 3600 + 1],
  ])('%s → %d s', (text, seconds) => {
    expect(parseUptime(text)).toBeCloseTo(seconds, 6)
  })

  it.each(['', 'soon', '1x', '12:3', '1d-2h', 'h'])('%j is NaN', (text) => {
    expect(parseUptime(text)).toBeNaN()
  })
})

describe('parseRouterBool', () => {
  it.each([
    ['true', true],
    ['yes', true],
    ['TRUE', true],
    ['false', false],
    ['no', false],
    ['', false],
    [undefined, false],
  ])('%j → %s', (value, expected) => {
    expect(parseRouterBool(value)).toBe(expected)
  })
})

describe('rates', () => {
  it('parses bit rates with RouterOS units (k = 1000)', () => {
    expect(parseBitRate('10M')).toBe(10_000_000)
    expect(parseBitRate('512k')).toBe(512_000)
    expect(parseBitRate('1.5M')).toBe(1_500_000)
    expect(parseBitRate('1G')).toBe(1_000_000_000)
    expect(parseBitRate('64000')).toBe(64_000)
    expect(parseBitRate('fast')).toBeNaN()
  })

  it('reads rx/tx from the router side; a lone value is both', () => {
    expect(parseRateLimit('2M/10M')).toEqual({ rx: 2_000_000, tx: 10_000_000 })
    expect(parseRateLimit('10M/10M 20M/20M 8M/8M 16/16 8')).toEqual({
      rx: 10_000_000,
      tx: 10_000_000,
    })
    expect(parseRateLimit('5M')).toEqual({ rx: 5_000_000, tx: 5_000_000 })
    expect(parseRateLimit('10000000/20000000')).toEqual({ rx: 10_000_000, tx: 20_000_000 })
    expect(parseRateLimit('')).toBeNull()
    expect(parseRateLimit(undefined)).toBeNull()
    expect(parseRateLimit('x/y')).toBeNull()
  })
})

describe('a whole rate-limit, as MikroTik documents its defaults', () => {
  it('fills tx from rx, threshold from the rate and 1s of time when a burst has none', () => {
    expect(parseFullRateLimit('10M')).toEqual({
      rx: 10_000_000,
      tx: 10_000_000,
      burstRx: 0,
      burstTx: 0,
      thresholdRx: 0,
      thresholdTx: 0,
      timeRx: 0,
      timeTx: 0,
    })
    expect(parseFullRateLimit('5M/10M 10M/20M')).toMatchObject({
      thresholdRx: 5_000_000,
      thresholdTx: 10_000_000,
      timeRx: 1,
      timeTx: 1,
    })
    expect(parseFullRateLimit('10M/20M 20M/40M 7.5M/15M 8s/8s 8 1M/1M')).toMatchObject({
      burstTx: 40_000_000,
      thresholdRx: 7_500_000,
      timeTx: 8,
    })
    expect(parseFullRateLimit('5000000/10000000 0/0 0/0 0s/0s')).toEqual(
      parseFullRateLimit('5M/10M'),
    )
    expect(parseFullRateLimit('')).toBeNull()
    expect(parseFullRateLimit('cepat')).toBeNull()
  })
})
