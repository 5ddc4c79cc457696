import { describe, expect, it } from 'vitest'
import { compareValues, compileQuery } from './queries.js'

const rows: Record<string, string>[] = [
  { '.id': '*1', name: 'ether1', type: 'ether', mtu: '1500', comment: 'wan' },
  { '.id': '*2', name: 'ether2', type: 'ether', mtu: '9000' },
  { '.id': '*A', name: 'vlan10', type: 'vlan', mtu: '1500' },
  { '.id': '*B', name: 'bridge', type: 'bridge', mtu: '1500' },
]
const names = (words: string[]): string[] =>
  rows.filter((r) => compileQuery(words).matches(r)).map((r) => r.name!)

describe('RouterOS print queries', () => {
  it('equal, has, has-not, less, greater', () => {
    expect(names(['?type=ether'])).toEqual(['ether1', 'ether2'])
    expect(names(['?=type=vlan'])).toEqual(['vlan10'])
    expect(names(['?comment'])).toEqual(['ether1'])
    expect(names(['?-comment'])).toEqual(['ether2', 'vlan10', 'bridge'])
    expect(names(['?>mtu=1500'])).toEqual(['ether2'])
    expect(names(['?<mtu=9000'])).toEqual(['ether1', 'vlan10', 'bridge'])
    expect(names(['?>.id=*2'])).toEqual(['vlan10', 'bridge'])
  })

  it('several words are ANDed', () => {
    expect(names(['?type=ether', '?mtu=1500'])).toEqual(['ether1'])
  })

  it('stack operations', () => {
    expect(names(['?type=vlan', '?type=bridge', '?#|'])).toEqual(['vlan10', 'bridge'])
    expect(names(['?type=ether', '?type=vlan', '?#|!'])).toEqual(['bridge'])
    expect(names(['?type=ether', '?mtu=1500', '?#&'])).toEqual(['ether1'])
    expect(names(['?type=ether', '?#!'])).toEqual(['vlan10', 'bridge'])
    // '.' discards the top: only the first word is left.
    expect(names(['?type=ether', '?mtu=9000', '?#.'])).toEqual(['ether1', 'ether2'])
    // a || b || c
    expect(names(['?name=ether1', '?name=vlan10', '?name=bridge', '?#||'])).toEqual([
      'ether1',
      'vlan10',
      'bridge',
    ])
    // N pushes a copy of the value N below the top: [E, M] → [E, M, E] → [E, M, !E] → [E, M || !E]
    expect(names(['?type=ether', '?mtu=1500', '?#1!|'])).toEqual(['ether1'])
  })

  it('offers equality hints only without stack operations', () => {
    expect(compileQuery(['?name=x', '?type=y']).equalities).toEqual([
      { key: 'name', value: 'x' },
      { key: 'type', value: 'y' },
    ])
    expect(compileQuery(['?name=x', '?name=y', '?#|']).equalities).toEqual([])
  })

  it('compares numbers and ids numerically', () => {
    expect(compareValues('9', '10')).toBeLessThan(0)
    expect(compareValues('*F', '*10')).toBeLessThan(0)
    expect(compareValues('b', 'a')).toBeGreaterThan(0)
  })
})
