import path from 'node:path'
import { parseArgs } from 'node:util'
import { isAppError } from '@shared/errors'
import { splitHostList } from '@shared/host-names'
import { translateEn, translateId } from '@shared/messages/translate'
import { readModeFile } from './core/mode'
import { defaultWebRoot, startHost } from './host'

/**
 * Headless host: `npm run serve -- --data-dir DIR --port PORT [--host 0.0.0.0] [--allow-host NAME…]
 * [--database postgres://USER:PASS@HOST:PORT/DB]` (without --database: SQLite in the data dir).
 * Binds to 127.0.0.1 unless told otherwise; pass --host 0.0.0.0 to serve the office LAN.
 * Changes are accepted only under the host's own names and addresses; `--allow-host` (repeatable,
 * or LOKET_ALLOW_HOSTS=a,b) adds a name such as a DNS entry the office uses for the host.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string', default: process.env.LOKET_DATA_DIR ?? './data' },
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      'web-root': { type: 'string' },
      'allow-host': { type: 'string', multiple: true },
      database: { type: 'string', default: process.env.LOKET_DATABASE },
    },
  })
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a port number, got ${values.port}`)
  }
  const host = await startHost({
    dataDir: values['data-dir']!,
    database: values.database ? { url: values.database } : undefined,
    port,
    host: values.host,
    allowHosts: values['allow-host'] ?? splitHostList(process.env.LOKET_ALLOW_HOSTS),
    webRoot: values['web-root'] ? path.resolve(values['web-root']) : defaultWebRoot(),
  })
  console.log(`Loket host ready at ${host.url}`)
  // Pengaturan → Mode is for the desktop: the headless host always serves its own data.
  const mode = readModeFile(values['data-dir']!).settings
  if (mode.mode === 'client') {
    console.log(`mode.json names ${mode.hostUrl} as host; npm run serve always runs a host.`)
  }
  if (values.host === '0.0.0.0')
    console.log('Serving every network interface of this PC (LAN access).')
  if (host.setupCode) {
    const t = process.env.LOKET_LANG === 'en' ? translateEn : translateId
    console.log(t('cli.setup_code', { code: host.setupCode, url: host.url }))
  }
  const stop = async () => {
    await host.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(isAppError(error) ? `Loket: ${error.message}` : error)
  process.exit(1)
})
