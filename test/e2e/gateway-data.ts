/**
 * Run with `node --import tsx test/e2e/gateway-data.ts <command> DATA_DIR …` against a running
 * host's data directory (SQLite WAL: both may write), for the E2E specs that pay:
 *
 * - `tripay DATA_DIR BASE_URL`: the Tripay simulator at BASE_URL as the company's gateway
 *   (sandbox, the simulator's keys, the customer pays the fee).
 * - `age DATA_DIR`: every unpaid transaction was last asked about two minutes ago, so the next
 *   status page asks the gateway again (the data moves instead of the test waiting a minute).
 */
import { firstCompanyId, cliDeps, withDb } from '../../src/main/cli/db'
import { saveGatewaySettings } from '../../src/main/core/gateways'
import { TRIPAY_SIM_KEYS } from '../sim/gateways/tripay'

const [command, dataDir, baseUrl] = process.argv.slice(2)
if (!dataDir) throw new Error('usage: gateway-data.ts tripay|age DATA_DIR [BASE_URL]')

await withDb(dataDir, async (db) => {
  const companyId = await firstCompanyId(db)
  if (command === 'tripay') {
    const actor = { companyId, userId: null, username: 'e2e', ip: 'cli', userAgent: 'e2e' }
    await saveGatewaySettings(cliDeps(db, dataDir), actor, {
      gateway: 'tripay',
      enabled: true,
      mode: 'sandbox',
      baseUrl: baseUrl ?? null,
      keys: { ...TRIPAY_SIM_KEYS },
      feePolicy: 'customer',
      expiryHours: 24,
      pollMinutes: 5,
      channels: null,
    })
  } else if (command === 'age') {
    const before = new Date(Date.now() - 120_000).toISOString()
    await db
      .updateTable('gateway_transactions')
      .set({ created_at: before, last_polled_at: before })
      .where('company_id', '=', companyId)
      .where('state', '=', 'unpaid')
      .execute()
  } else {
    throw new Error(`unknown command ${command}`)
  }
})
console.log(JSON.stringify({ ok: true }))
