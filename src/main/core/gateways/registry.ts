import type { GatewayAdapter, GatewayName } from './adapter'
import { TRIPAY_BASE_URLS, tripayAdapter } from './tripay'

/** What the service knows of each gateway besides its adapter: URLs per mode and its keys. */
export interface GatewayInfo {
  /** null: not written yet (the settings may still be saved; nothing can be started). */
  adapter: GatewayAdapter | null
  baseUrls: { sandbox: string; production: string }
  /** The keys the gateway needs (names as in GatewayConfig.keys); `optional` ones may be empty. */
  keys: { name: string; optional?: boolean }[]
}

/**
 * Every gateway Loket speaks. Adding a gateway's adapter is one line here (its `adapter`);
 * nothing else in the service changes.
 */
export const GATEWAYS: Record<GatewayName, GatewayInfo> = {
  tripay: {
    adapter: tripayAdapter,
    baseUrls: TRIPAY_BASE_URLS,
    keys: [{ name: 'merchantCode' }, { name: 'apiKey' }, { name: 'privateKey' }],
  },
  midtrans: {
    adapter: null,
    baseUrls: {
      sandbox: 'https://app.sandbox.midtrans.com/',
      production: 'https://app.midtrans.com/',
    },
    keys: [{ name: 'serverKey' }, { name: 'clientKey', optional: true }],
  },
  xendit: {
    adapter: null,
    baseUrls: { sandbox: 'https://api.xendit.co/', production: 'https://api.xendit.co/' },
    keys: [{ name: 'secretKey' }, { name: 'callbackToken' }],
  },
}
