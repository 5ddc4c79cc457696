/**
 * npm run sim:acs -- [--port 7557] [--user U --password P] [--pppoe budi,siti]
 *
 * Runs the GenieACS NBI simulator on 127.0.0.1 until SIGINT/SIGTERM, with one CPE per PPPoE login
 * given (default the demo data's first logins), alternating: a TR-098 Huawei that answers its
 * connection requests, a TR-181 ZTE that does not (tasks queue for its next inform), and every
 * third one faults on setParameterValues (9007 Invalid parameter value).
 */
import { parseArgs } from 'node:util'
import { startAcsSim } from './index'

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '7557' },
      user: { type: 'string' },
      password: { type: 'string', default: '' },
      pppoe: { type: 'string', default: 'pel00001,pel00002,pel00003' },
    },
  })
  const sim = await startAcsSim({
    port: Number(values.port),
    ...(values.user ? { auth: { username: values.user, password: values.password } } : {}),
  })
  const logins = values.pppoe.split(',').filter(Boolean)
  logins.forEach((login, i) => {
    const tr098 = i % 2 === 0
    const id = sim.addCpe(
      {
        model: tr098 ? 'tr098' : 'tr181',
        oui: tr098 ? '00259E' : 'ZTEG00',
        productClass: tr098 ? 'EG8145V5' : 'F670L V2.0',
        manufacturer: tr098 ? 'Huawei' : 'ZTE',
        serial: `SIM${String(i + 1).padStart(8, '0')}`,
        firmware: tr098 ? 'V5R020C10S115' : 'V9.0.11P1N6',
        pppoeUsername: login,
        ssid: `WIFI-${login.toUpperCase()}`,
        lastInform: new Date(Date.now() - (tr098 ? 60_000 : 3 * 3600_000)).toISOString(),
        informInterval: 300,
      },
      {
        answers: tr098,
        ...(i % 3 === 2
          ? {
              faults: {
                setParameterValues: { code: 'cwmp.9007', message: 'Invalid parameter value' },
              },
            }
          : {}),
      },
    )
    console.log(`CPE ${id} (${tr098 ? 'TR-098' : 'TR-181'}) PPPoE ${login}`)
  })
  console.log(`GenieACS NBI simulator on ${sim.url}`)
  const stop = () => void sim.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

void main()
