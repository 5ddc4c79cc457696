import { AppError } from '@shared/errors'
import type { ChannelGroup, GatewayName } from './adapter'
import type { GatewayDeps } from './deps'
import { callGateway } from './errors'
import { GATEWAYS } from './registry'
import { openGateway } from './settings'

/**
 * "Tes koneksi": loads the gateway's channels with the saved keys (enabled or not), so the
 * operator sees the keys work before customers try them. The fee shown is for Rp100.000.
 */
export async function testGateway(
  deps: GatewayDeps,
  companyId: number,
  gateway: GatewayName,
): Promise<{
  gateway: GatewayName
  baseUrl: string
  channels: {
    code: string
    name: string
    group: ChannelGroup
    active: boolean
    feeFor100k: number
  }[]
}> {
  const open = await openGateway(deps, companyId, gateway)
  const adapter = GATEWAYS[gateway].adapter
  if (!open || !adapter) throw new AppError('GATEWAY_NOT_CONFIGURED')
  const channels = await callGateway(gateway, () => adapter.channels(open.config))
  return {
    gateway,
    baseUrl: open.config.baseUrl,
    channels: channels.map((c) => ({
      code: c.code,
      name: c.name,
      group: c.group,
      active: c.active,
      feeFor100k: c.fee(100_000),
    })),
  }
}
