import { createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { cpeWifiInput } from '@shared/schemas'
import { startAcsSim, type AcsSim } from '../../../../test/sim/acs/index'
import { findCustomerCpes } from './cpe'
import { postTask } from './nbi-client'
import { getAcsSettings, nbiTarget, saveAcsSettings, testAcs } from './settings'
import { acsFixture } from './testing'

const sims: AcsSim[] = []
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.close()))
})

async function sim(options: Parameters<typeof startAcsSim>[0] = {}) {
  const acs = await startAcsSim(options)
  sims.push(acs)
  acs.addCpe({
    model: 'tr098',
    oui: '00259E',
    productClass: 'HG8245H',
    serial: 'A1',
    pppoeUsername: 'budi',
  })
  return acs
}

/** A port nothing listens on: bound, then closed again. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code ?? String(e),
  )

describe('the ACS settings: NBI URL and a login sealed for that URL', () => {
  it('test connection counts the devices the ACS knows, through the basic login', async () => {
    const acs = await sim({ auth: { username: 'loket', password: 'nbi-rahasia' } })
    const f = await acsFixture(acs.url, { username: 'loket', password: 'nbi-rahasia' })
    expect(await testAcs(f.deps, f.companyId, null)).toEqual({ devices: 1 })
    expect(await getAcsSettings(f.deps, f.companyId)).toEqual({
      url: acs.url,
      username: 'loket',
      hasPassword: true,
      configured: true,
    })
    const stored = await f.db.selectFrom('company_settings').select('value_json').execute()
    expect(JSON.stringify(stored)).not.toContain('nbi-rahasia')
  })

  it('wrong credentials are ACS_AUTH, for the form’s values and for the saved settings alike', async () => {
    const acs = await sim({ auth: { username: 'loket', password: 'nbi-rahasia' } })
    const f = await acsFixture(acs.url, { username: 'loket', password: 'salah' })
    expect(await codeOf(testAcs(f.deps, f.companyId, null))).toBe('ACS_AUTH')
    expect(await codeOf(findCustomerCpes(f.deps, f.companyId, f.budi.id))).toBe('ACS_AUTH')
    expect(
      await testAcs(f.deps, f.companyId, {
        url: acs.url,
        username: 'loket',
        password: 'nbi-rahasia',
      }),
    ).toEqual({ devices: 1 })
  })

  it('a form that points the saved login at another URL must type the password again', async () => {
    const acs = await sim({ auth: { username: 'loket', password: 'nbi-rahasia' } })
    const other = await sim()
    const f = await acsFixture(acs.url, { username: 'loket', password: 'nbi-rahasia' })
    const moved = { url: other.url, username: 'loket', password: '' }
    expect(await codeOf(testAcs(f.deps, f.companyId, moved))).toBe('VALIDATION')
    expect(await codeOf(saveAcsSettings(f.deps, f.actor, moved))).toBe('VALIDATION')
    expect(other.requests).toEqual([])
    // The same URL with the field left empty keeps the saved password.
    await saveAcsSettings(f.deps, f.actor, { url: `${acs.url}/`, username: 'loket', password: '' })
    expect(await testAcs(f.deps, f.companyId, null)).toEqual({ devices: 1 })
  })

  it('a row pointed elsewhere behind Loket’s back does not get the password', async () => {
    const acs = await sim({ auth: { username: 'loket', password: 'nbi-rahasia' } })
    const f = await acsFixture(acs.url, { username: 'loket', password: 'nbi-rahasia' })
    const row = await f.db
      .selectFrom('company_settings')
      .select('value_json')
      .where('key', '=', 'acs')
      .executeTakeFirstOrThrow()
    const tampered = { ...JSON.parse(row.value_json), url: 'http://10.6.6.6:7557' }
    await f.db
      .updateTable('company_settings')
      .set({ value_json: JSON.stringify(tampered) })
      .where('key', '=', 'acs')
      .execute()
    expect(await codeOf(nbiTarget(f.deps, f.companyId))).toBe('SECRET_DESTINATION_CHANGED')
  })

  it('saving is audited without the password', async () => {
    const acs = await sim()
    const f = await acsFixture(acs.url, { username: 'loket', password: 'nbi-rahasia' })
    const audit = await f.db
      .selectFrom('audit_log')
      .select(['after_json'])
      .where('action', '=', 'acs.settings')
      .executeTakeFirstOrThrow()
    expect(JSON.parse(audit.after_json!)).toEqual({
      url: acs.url,
      username: 'loket',
      password_changed: true,
    })
  })

  it('no ACS saved: ACS_NOT_SET, and nothing is called', async () => {
    const acs = await sim()
    const f = await acsFixture(acs.url)
    await f.db.deleteFrom('company_settings').where('key', '=', 'acs').execute()
    expect(await codeOf(findCustomerCpes(f.deps, f.companyId, f.budi.id))).toBe('ACS_NOT_SET')
  })
})

describe('an ACS that does not answer', () => {
  it('a closed port is ACS_UNREACHABLE with the URL and the reason in Indonesian', async () => {
    const acs = await sim()
    const f = await acsFixture(`http://127.0.0.1:${await closedPort()}`)
    const error = await findCustomerCpes(f.deps, f.companyId, f.budi.id).catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'ACS_UNREACHABLE',
      details: { reason: 'koneksi ditolak', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:/) },
    })
    expect(acs.requests).toEqual([])
  })

  it('an ACS that accepts and never answers is ACS_TIMEOUT after the time limit, and blocks nothing else meanwhile', async () => {
    const acs = await sim()
    acs.silent = true
    const f = await acsFixture(acs.url)
    const deps = { ...f.deps, acsTimeoutMs: 400 }
    const hanging = findCustomerCpes(deps, f.companyId, f.budi.id).catch((e: unknown) => e)
    // While the ACS hangs, the same database and the rest of Loket answer.
    let settled = false
    void hanging.then(() => (settled = true))
    expect(await getAcsSettings(deps, f.companyId)).toMatchObject({ configured: true })
    expect(await f.db.selectFrom('customers').select('code').execute()).toHaveLength(3)
    expect(settled).toBe(false)
    expect(await hanging).toMatchObject({ code: 'ACS_TIMEOUT', details: { seconds: 1 } })
  })
})

describe('the NBI client', () => {
  it('a device the ACS does not have is a 404 (No such device)', async () => {
    const acs = await sim()
    const target = { url: acs.url, username: '', password: '', timeoutMs: 3000 }
    expect(await postTask(target, '00259E-HG8245H-GONE', { name: 'reboot' })).toMatchObject({
      status: 404,
      statusText: 'No such device',
    })
  })
})

describe('WiFi values are checked before anything is sent', () => {
  const wifi = (ssid: string, password: string) =>
    cpeWifiInput.safeParse({ customerId: 1, deviceId: 'X', ssid, password })
  const messages = (r: ReturnType<typeof wifi>) =>
    r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`)

  it('a WPA2 password is 8 to 63 printable ASCII characters', () => {
    expect(wifi('Rumah', '1234567').success).toBe(false)
    expect(wifi('Rumah', '12345678').success).toBe(true)
    expect(wifi('Rumah', 'x'.repeat(63)).success).toBe(true)
    expect(messages(wifi('Rumah', 'x'.repeat(64)))).toEqual(['password:validation.wifi_password'])
    expect(messages(wifi('Rumah', 'kata sandi ü'))).toEqual(['password:validation.wifi_password'])
  })

  it('an SSID is 1 to 32 characters', () => {
    expect(messages(wifi('', 'rahasia-123'))).toEqual(['ssid:validation.wifi_ssid'])
    expect(wifi('x'.repeat(32), 'rahasia-123').success).toBe(true)
    expect(messages(wifi('x'.repeat(33), 'rahasia-123'))).toEqual(['ssid:validation.wifi_ssid'])
  })
})
