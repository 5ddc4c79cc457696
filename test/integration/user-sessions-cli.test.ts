import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { login, resolveSession } from '@core/auth'
import { systemClock } from '@core/clock'
import { migrateToLatest, openDatabase } from '@core/db'
import { dataDirSecretBox } from '@core/secrets'
import { runCli } from '../helpers/cli-process'
import { makeDataDir } from '../helpers/data-dir'

const OWNER = { username: 'owner', password: 'Sangat-Rahasia-42' }
const CHROME_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
const FIREFOX_ANDROID = 'Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0'

let dataDir: string
beforeAll(async () => {
  dataDir = await makeDataDir('loket-sessions-cli-')
  const init = await runCli(dataDir, [
    'init',
    '--company',
    'Net Jaya',
    '--admin-user',
    OWNER.username,
    '--admin-password',
    OWNER.password,
  ])
  expect(init.code).toBe(0)
})
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

/** Signs in on the data directory the way the host does, from two devices. */
async function signInTwice(): Promise<string[]> {
  const db = openDatabase(dataDir)
  try {
    await migrateToLatest(db)
    const deps = { db, clock: systemClock, secrets: dataDirSecretBox(dataDir) }
    const a = await login(deps, OWNER, { ip: '192.168.1.20', userAgent: CHROME_WINDOWS })
    const b = await login(deps, OWNER, { ip: '192.168.1.31', userAgent: FIREFOX_ANDROID })
    return [a.token!, b.token!]
  } finally {
    await db.destroy()
  }
}

async function stillWorks(token: string): Promise<boolean> {
  const db = openDatabase(dataDir)
  try {
    const deps = { db, clock: systemClock, secrets: dataDirSecretBox(dataDir) }
    return await resolveSession(deps, token).then(
      () => true,
      () => false,
    )
  } finally {
    await db.destroy()
  }
}

describe('user sessions and user end-sessions (the real CLI)', () => {
  it('lists the live sessions with device, address and times, then ends them all', async () => {
    const tokens = await signInTwice()
    const listed = await runCli(dataDir, ['user', 'sessions', '--username', 'owner'])
    expect(listed.code).toBe(0)
    expect(listed.json).toMatchObject({ ok: true, username: 'owner' })
    const sessions = listed.json.sessions as { device: string; ip: string; startedAt: string }[]
    expect(sessions.map((s) => [s.device, s.ip]).sort()).toEqual([
      ['Chrome di Windows', '192.168.1.20'],
      ['Firefox di Android', '192.168.1.31'],
    ])
    expect(JSON.stringify(listed.json)).not.toContain(tokens[0])

    const human = await runCli(dataDir, ['user', 'sessions', '--username', 'owner'], {
      human: true,
    })
    expect(human.stdout).toContain('owner: 2 sesi aktif')
    expect(human.stdout).toMatch(/Chrome di Windows {2}192\.168\.1\.20 {2}masuk \d\d\/\d\d\/\d{4}/)

    const ended = await runCli(dataDir, ['user', 'end-sessions', '--username', 'owner'])
    expect(ended.json).toEqual({ ok: true, username: 'owner', ended: 2 })
    expect(await stillWorks(tokens[0]!)).toBe(false)
    expect(await stillWorks(tokens[1]!)).toBe(false)
    const after = await runCli(dataDir, ['user', 'sessions', '--username', 'owner'])
    expect(after.json.sessions).toEqual([])
  })

  it('an unknown username is a clear failure', async () => {
    const result = await runCli(dataDir, ['user', 'sessions', '--username', 'siapa'])
    expect(result.code).toBe(1)
    expect(result.json).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('a missing --username is misuse, named', async () => {
    const result = await runCli(dataDir, ['user', 'end-sessions'])
    expect(result.json).toMatchObject({ ok: false })
    expect(JSON.stringify(result.json)).toContain('username')
  })
})
