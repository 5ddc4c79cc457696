/**
 * npm run sim:olt -- [--vendor all|zte-1012|zte-1082|huawei|cdata] [--onus 64] [--port N]
 *                    [--community public]
 *
 * Runs an SNMP agent per vendor on 127.0.0.1 (consecutive ports from --port, or free ones) until
 * SIGINT/SIGTERM, each with --onus ONUs (up to 2,048: 64 per PON port; every 10th weak at
 * −28.5 dBm, every 25th LOS, every 40th dying gasp). Prints one line per agent:
 * `<vendor> 127.0.0.1:<port> community <c>`, then one JSON line with all of them (benchmarks
 * read it).
 */
import { parseArgs } from 'node:util'
import { makeOnus, startOltSim, type OltSim, type SimVendor } from './index.js'

const VENDORS: SimVendor[] = ['zte-1012', 'zte-1082', 'huawei', 'cdata']

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      vendor: { type: 'string', default: 'all' },
      onus: { type: 'string', default: '64' },
      port: { type: 'string' },
      community: { type: 'string', default: 'public' },
    },
    strict: true,
  })
  const vendors = values.vendor === 'all' ? VENDORS : [values.vendor as SimVendor]
  if (!vendors.every((v) => VENDORS.includes(v)))
    throw new Error(`--vendor must be all or one of ${VENDORS.join(', ')}`)
  const count = Number(values.onus)
  if (!Number.isInteger(count) || count < 0 || count > 2048)
    throw new Error('--onus must be 0–2048')
  const sims: OltSim[] = []
  for (const [i, vendor] of vendors.entries()) {
    sims.push(
      await startOltSim({
        vendor,
        community: values.community,
        onus: makeOnus(vendor, count),
        ...(values.port ? { port: Number(values.port) + i } : {}),
      }),
    )
  }
  for (const s of sims)
    console.log(`${s.vendor} ${s.host}:${s.port} community ${s.community} (${count} ONU)`)
  console.log(
    JSON.stringify({
      agents: sims.map((s) => ({
        vendor: s.vendor,
        host: s.host,
        port: s.port,
        community: s.community,
        onus: count,
      })),
    }),
  )
  process.on('SIGUSR2', () =>
    console.log(
      JSON.stringify({
        requests: Object.fromEntries(sims.map((s) => [s.vendor, s.requests.length])),
      }),
    ),
  )
  const stop = (): void => {
    void Promise.all(sims.map((s) => s.close())).then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
