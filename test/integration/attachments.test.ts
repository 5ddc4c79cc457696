import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OWNER, apiCode, setupCompany, startTestHost, type TestHost } from '../helpers/http-host'
import { onPostgres } from '../helpers/data-dir'

let host: TestHost
let owner: ReturnType<TestHost['client']>
let customerId: number
beforeAll(async () => {
  host = await startTestHost()
  await setupCompany(host)
  owner = host.client((await host.client().auth.login.mutate(OWNER)).token)
  const area = await owner.catalog.createArea.mutate({ code: 'CBG01', name: 'Cibinong' })
  customerId = (await owner.customers.create.mutate({ areaId: area.id, name: 'Budi Santoso' })).id
})
afterAll(async () => {
  await host.stop()
})

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
const attach = (fileName: string, data = PNG) =>
  owner.customers.attach.mutate({
    customerId,
    kind: 'ktp',
    fileName,
    mime: 'image/png',
    contentBase64: data.toString('base64'),
  })

describe('customer attachments over HTTP', () => {
  it('six uploads of the same scan at once are all stored', async () => {
    const scan = Buffer.concat([PNG, Buffer.from('same bytes six times')])
    const codes = await Promise.all(
      Array.from({ length: 6 }, () => apiCode(attach('ktp.png', scan))),
    )
    expect(codes).toEqual(Array(6).fill('ok'))
    const list = await owner.customers.attachments.query({ customerId })
    const back = await owner.customers.attachment.query({ id: list[0]!.id })
    expect(Buffer.from(back.contentBase64, 'base64').equals(scan)).toBe(true)
  })

  it('a file name keeps only its base name, without control characters', async () => {
    await attach('../../../../etc/passwd')
    await attach('..\\..\\x.png\u0000.pdf')
    await attach('C:\\Users\\budi\\Desktop\\KTP Budi.png')
    const names = (await owner.customers.attachments.query({ customerId }))
      .slice(0, 3)
      .map((a) => a.fileName)
    expect(names).toEqual(['KTP Budi.png', 'x.png.pdf', 'passwd'])
  })

  it('a name that is nothing but a path or controls is refused with a message', async () => {
    for (const name of ['../..', '\u0000\u0001', '/', '..\\'])
      expect(await apiCode(attach(name))).toBe('VALIDATION')
  })

  it.skipIf(process.platform === 'win32')(
    'the host’s data directory, database and scans are readable by the owner only',
    async () => {
      await attach('ktp-budi.png', Buffer.concat([PNG, Buffer.from('another scan')]))
      const open: string[] = []
      const walk = (p: string) => {
        const stat = statSync(p)
        const wanted = stat.isDirectory() ? 0o700 : 0o600
        if ((stat.mode & 0o777) !== wanted)
          open.push(`${path.relative(host.dataDir, p)} ${(stat.mode & 0o777).toString(8)}`)
        if (stat.isDirectory()) for (const name of readdirSync(p)) walk(path.join(p, name))
      }
      walk(host.dataDir)
      expect(open).toEqual([])
      expect(readdirSync(host.dataDir)).toEqual(
        expect.arrayContaining([
          ...(onPostgres ? ['database.json'] : ['loket.sqlite', 'loket.sqlite-wal']),
          'secret.key',
          'files',
        ]),
      )
    },
  )
})
