import { z } from 'zod'
import { WIFI_PASSWORD, WIFI_SSID } from '../acs'
import { idSchema } from './common'

/** The NBI's base URL: http(s)://host:port, nothing after the path. */
const nbiUrl = z
  .string()
  .trim()
  .min(1, { message: 'validation.required' })
  .max(300, { message: 'validation.too_long' })
  .refine(
    (v) => {
      try {
        const u = new URL(v)
        return (u.protocol === 'http:' || u.protocol === 'https:') && !u.search && !u.hash
      } catch {
        return false
      }
    },
    { message: 'validation.url' },
  )

/**
 * The company's GenieACS NBI. The password empty keeps the saved one, for the same URL only; a
 * user empty means the NBI takes no login (GenieACS's own default).
 */
export const acsSettingsInput = z.object({
  url: nbiUrl,
  username: z.string().trim().max(128, { message: 'validation.too_long' }).default(''),
  password: z.string().max(256, { message: 'validation.too_long' }).default(''),
})
export type AcsSettingsInput = z.output<typeof acsSettingsInput>

export const customerCpeInput = z.object({ customerId: idSchema })

/** An action on one of the customer's CPEs (the id as the ACS names it). */
export const cpeActionInput = z.object({
  customerId: idSchema,
  deviceId: z.string().min(1).max(300),
})
export type CpeActionInput = z.output<typeof cpeActionInput>

export const wifiSsid = z.string().regex(WIFI_SSID, { message: 'validation.wifi_ssid' })
export const wifiPassword = z.string().regex(WIFI_PASSWORD, { message: 'validation.wifi_password' })

export const cpeWifiInput = cpeActionInput.extend({ ssid: wifiSsid, password: wifiPassword })
export type CpeWifiInput = z.output<typeof cpeWifiInput>

/** The CPE serial saved on a service, for CPEs whose PPPoE login the ACS does not see. */
export const serviceCpeSerialInput = z.object({
  serviceId: idSchema,
  serial: z
    .string()
    .trim()
    .max(64, { message: 'validation.too_long' })
    .regex(/^[A-Za-z0-9._:-]*$/, { message: 'validation.cpe_serial' }),
})
