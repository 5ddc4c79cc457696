import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../clock'
import { FEED_FILE, publishUpdate, publishedVersion, updatesDir } from './feed'

let work: string
const clock = new ManualClock('2026-12-04T10:00:00Z')
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'loket-feed-'))
})
afterEach(() => rmSync(work, { recursive: true, force: true }))

function installer(name: string, bytes = `installer ${name}`) {
  const file = path.join(work, name)
  writeFileSync(file, bytes)
  return file
}

const issueOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { details?: { issues?: { message: string }[] } }) => e.details?.issues?.[0]?.message,
  )

describe('the update feed a host publishes', () => {
  it('writes latest.yml with the sha512 (base64) and size of the copy, and no notes line without notes', async () => {
    const dataDir = path.join(work, 'data')
    const u = await publishUpdate(
      dataDir,
      { file: installer('Loket-Setup-1.0.0.exe'), version: '1.0.0' },
      clock,
    )
    const copy = readFileSync(path.join(updatesDir(dataDir), 'Loket-Setup-1.0.0.exe'))
    expect(u).toMatchObject({
      version: '1.0.0',
      previousVersion: null,
      blockmap: null,
      size: copy.length,
      sha512: createHash('sha512').update(copy).digest('base64'),
    })
    const yaml = readFileSync(path.join(updatesDir(dataDir), FEED_FILE), 'utf8')
    expect(yaml).toContain('releaseDate: "2026-12-04T10:00:00.000Z"')
    expect(yaml).not.toContain('releaseNotes')
    expect(await publishedVersion(updatesDir(dataDir))).toBe('1.0.0')
    // Only the feed and the installer: no temp file is left behind.
    expect(readdirSync(updatesDir(dataDir)).sort()).toEqual(['Loket-Setup-1.0.0.exe', FEED_FILE])
  })

  it('keeps the older installers for differential downloads, and names the version replaced', async () => {
    const dataDir = path.join(work, 'data')
    await publishUpdate(
      dataDir,
      { file: installer('Loket-Setup-1.0.0.exe'), version: '1.0.0' },
      clock,
    )
    const u = await publishUpdate(
      dataDir,
      { file: installer('Loket-Setup-1.1.0.exe'), version: '1.1.0' },
      clock,
    )
    expect(u.previousVersion).toBe('1.0.0')
    expect(readdirSync(updatesDir(dataDir))).toContain('Loket-Setup-1.0.0.exe')
  })

  it('refuses an installer whose name does not carry its version, before copying anything', async () => {
    const dataDir = path.join(work, 'data')
    const refused = publishUpdate(
      dataDir,
      { file: installer('Loket-Setup.exe'), version: '1.0.0' },
      clock,
    )
    expect(await issueOf(refused)).toBe('cli.update_file_name')
    expect(await publishedVersion(updatesDir(dataDir))).toBeNull()
  })

  it('refuses a missing installer and a version that is not semver', async () => {
    const dataDir = path.join(work, 'data')
    const missing = publishUpdate(
      dataDir,
      { file: path.join(work, 'nope-1.0.0.exe'), version: '1.0.0' },
      clock,
    )
    expect(await issueOf(missing)).toBe('cli.update_file')
    const loose = publishUpdate(
      dataDir,
      { file: installer('Loket-Setup-1.0.exe'), version: '1.0' },
      clock,
    )
    expect(await issueOf(loose)).toBe('cli.update_version')
  })
})
