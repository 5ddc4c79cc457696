import { AppError } from '@shared/errors'
import { GatewayCallError, type GatewayName } from './adapter'

/** A gateway that cannot be reached or refused: the gateway's own words for the operator. */
export function unavailable(gateway: GatewayName, error: unknown): AppError {
  const reason =
    error instanceof GatewayCallError || error instanceof Error ? error.message : String(error)
  return new AppError('GATEWAY_UNAVAILABLE', `${gateway}: ${reason}`, { gateway, reason })
}

/** Runs a call to the gateway, turning its failures into GATEWAY_UNAVAILABLE. */
export async function callGateway<T>(gateway: GatewayName, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    if (error instanceof AppError) throw error
    throw unavailable(gateway, error)
  }
}
