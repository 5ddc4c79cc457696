import { describe, expect, it } from 'vitest'
import { compareSemVer, parseSemVer } from './semver'

const cmp = (a: string, b: string) => compareSemVer(parseSemVer(a)!, parseSemVer(b)!)

describe('semver as electron-updater orders versions', () => {
  it('reads x.y.z with pre-release and build, and nothing looser', () => {
    expect(parseSemVer('1.2.3-beta.2+build.7')).toEqual({
      major: 1,
      minor: 2,
      patch: 3,
      prerelease: ['beta', '2'],
    })
    for (const bad of ['1.2', 'v1.2.3', '01.2.3', '1.2.3-', '1.2.3.4', '']) {
      expect(parseSemVer(bad)).toBeNull()
    }
  })

  it('orders by numbers, a pre-release before its release, build metadata ignored', () => {
    expect(cmp('1.10.0', '1.9.9')).toBe(1)
    expect(cmp('1.2.0-beta.1', '1.2.0')).toBe(-1)
    expect(cmp('1.2.0-beta.2', '1.2.0-beta.10')).toBe(-1)
    expect(cmp('1.2.0-alpha', '1.2.0-alpha.1')).toBe(-1)
    expect(cmp('1.2.0-rc.1', '1.2.0-beta.9')).toBe(1)
    expect(cmp('1.2.0+a', '1.2.0+b')).toBe(0)
  })
})
