/**
 * Semantic versions (semver.org 2.0) as electron-updater compares them: the installed app
 * updates only to a feed version that is greater. Kept here so publishing refuses exactly what
 * a desktop would ignore, without a dependency of our own on the `semver` package.
 */
export interface SemVer {
  major: number
  minor: number
  patch: number
  prerelease: string[]
}

const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/

export function parseSemVer(text: string): SemVer | null {
  const m = SEMVER.exec(text.trim())
  if (!m) return null
  return {
    major: Number(m[1]),
    minor: Number(m[2]),
    patch: Number(m[3]),
    prerelease: m[4] ? m[4].split('.') : [],
  }
}

const numeric = (id: string) => /^\d+$/.test(id)

function compareIdentifiers(a: string, b: string): number {
  if (numeric(a) && numeric(b)) return Math.sign(Number(a) - Number(b))
  if (numeric(a)) return -1
  if (numeric(b)) return 1
  return a < b ? -1 : a > b ? 1 : 0
}

/** < 0 when a precedes b, 0 when equal in precedence (build metadata ignored), > 0 otherwise. */
export function compareSemVer(a: SemVer, b: SemVer): number {
  const core =
    Math.sign(a.major - b.major) || Math.sign(a.minor - b.minor) || Math.sign(a.patch - b.patch)
  if (core) return core
  // A pre-release precedes its release: 1.0.0-beta < 1.0.0.
  if (!a.prerelease.length || !b.prerelease.length) {
    return Math.sign(b.prerelease.length - a.prerelease.length)
  }
  const n = Math.max(a.prerelease.length, b.prerelease.length)
  for (let i = 0; i < n; i++) {
    const x = a.prerelease[i]
    const y = b.prerelease[i]
    if (x === undefined) return -1
    if (y === undefined) return 1
    const c = compareIdentifiers(x, y)
    if (c) return c
  }
  return 0
}
