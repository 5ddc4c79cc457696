import { describe, expect, it } from 'vitest'
import { OWNER, client, companyFixture } from '../testing'
import { endUserSessions, login, resolveSession, userDevices } from './index'

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code ?? String(e),
  )

async function twoDevices() {
  const f = await companyFixture()
  const laptop = (
    await login(f.deps, OWNER, {
      ip: '192.0.2.21',
      userAgent: 'Mozilla/5.0 (Windows NT 10.0) Chrome/131.0 Safari/537.36',
    })
  ).token!
  f.clock.advanceMinutes(5)
  const phone = (
    await login(f.deps, OWNER, {
      ip: '192.0.2.22',
      userAgent: 'Mozilla/5.0 (Linux; Android 14) Chrome/131.0 Mobile Safari/537.36',
    })
  ).token!
  const me = await resolveSession(f.deps, laptop)
  const actor = {
    ...client('192.0.2.21'),
    companyId: f.companyId,
    userId: f.ownerId,
    username: 'owner',
  }
  return { ...f, laptop, phone, me, actor }
}

describe('Perangkat aktif', () => {
  it('lists the user’s live sessions with address, start, last seen and which is this one', async () => {
    const f = await twoDevices()
    const { sessions } = await userDevices(
      f.deps,
      { userId: f.ownerId, companyId: f.companyId },
      f.me.sessionId,
    )
    expect(sessions.map((s) => [s.ip, s.current])).toEqual([
      ['192.0.2.21', true],
      ['192.0.2.22', false],
    ])
    expect(sessions[0]).toMatchObject({
      createdAt: '2026-11-22T03:00:00.000Z',
      lastSeenAt: '2026-11-22T03:05:00.000Z',
    })
  })

  it('an ended session is refused at its next request; the others keep working', async () => {
    const f = await twoDevices()
    const phoneSession = await resolveSession(f.deps, f.phone)
    await endUserSessions(f.deps, f.actor, { userId: f.ownerId, sessionId: phoneSession.sessionId })
    expect(await codeOf(resolveSession(f.deps, f.phone))).toBe('UNAUTHENTICATED')
    expect(await codeOf(resolveSession(f.deps, f.laptop))).toBe('ok')
  })

  it('a session ended from Perangkat aktif says so, so its screen can tell why', async () => {
    const f = await twoDevices()
    const phoneSession = await resolveSession(f.deps, f.phone)
    await endUserSessions(f.deps, f.actor, { userId: f.ownerId, sessionId: phoneSession.sessionId })
    await expect(resolveSession(f.deps, f.phone)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { ended: 'elsewhere' },
    })
  })

  it('"end all other devices" keeps this one', async () => {
    const f = await twoDevices()
    const { ended } = await endUserSessions(f.deps, f.actor, {
      userId: f.ownerId,
      keep: f.me.sessionId,
    })
    expect(ended).toBe(1)
    expect(await codeOf(resolveSession(f.deps, f.phone))).toBe('UNAUTHENTICATED')
    expect(await codeOf(resolveSession(f.deps, f.laptop))).toBe('ok')
  })

  it('another company’s session or an ended one cannot be ended twice', async () => {
    const f = await twoDevices()
    const phoneSession = await resolveSession(f.deps, f.phone)
    await endUserSessions(f.deps, f.actor, { userId: f.ownerId, sessionId: phoneSession.sessionId })
    expect(
      await codeOf(
        endUserSessions(f.deps, f.actor, { userId: f.ownerId, sessionId: phoneSession.sessionId }),
      ),
    ).toBe('NOT_FOUND')
  })
})
