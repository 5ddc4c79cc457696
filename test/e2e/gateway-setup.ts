/**
 * tsx test/e2e/gateway-setup.ts DATA_DIR BASE_URL KEYS_JSON
 *
 * Saves Tripay (sandbox, the customer pays the fee) pointing at a simulator into a running
 * host's data directory, through the gateways service itself (as `npm run cli` commands open
 * the data dir beside a running host). Stands in for the `gateway set tripay` CLI command of
 * issue 17 until it lands; the portal E2E needs a gateway to pay through.
 */
import { saveGatewaySettings } from '../../src/main/core/gateways'
import { cliDeps, firstCompanyId, withDb } from '../../src/main/cli/db'

const [dataDir, baseUrl, keys] = process.argv.slice(2)
await withDb(dataDir!, async (db) => {
  const companyId = await firstCompanyId(db)
  await saveGatewaySettings(
    cliDeps(db, dataDir!),
    { companyId, userId: null, username: 'e2e', ip: 'cli', userAgent: 'portal.spec' },
    {
      gateway: 'tripay',
      enabled: true,
      mode: 'sandbox',
      baseUrl: baseUrl!,
      keys: JSON.parse(keys!) as Record<string, string>,
      feePolicy: 'customer',
      expiryHours: 24,
      pollMinutes: 5,
      channels: null,
    },
  )
})
