import { GATEWAY_NAMES, handleGatewayCallback, type GatewayName } from '@core/gateways'
import type { ApiServices } from './context'

/** Whether `name` is a gateway Loket takes callbacks for (the `:gateway` of /api/pay/…). */
export const isGatewayName = (name: string): name is GatewayName =>
  (GATEWAY_NAMES as readonly string[]).includes(name)

/** A gateway's callback as received (raw bytes, lower-case headers) → what to answer. */
export function answerGatewayCallback(
  services: ApiServices,
  gateway: GatewayName,
  raw: Buffer,
  headers: Record<string, string | undefined>,
) {
  return handleGatewayCallback(services, gateway, raw, headers)
}
