/**
 * GenieACS (issue 18): the TR-069 parameters Loket reads and writes, per data model
 * (INTEGRATIONS.md "GenieACS NBI"), and what an action's result may be. Shared so the API, the
 * CLI and the CPE card name the same things.
 */
export const DATA_MODELS = ['tr098', 'tr181'] as const
export type DataModel = (typeof DATA_MODELS)[number]

export interface ModelPaths {
  root: string
  pppUsername: string
  ssid: string
  wifiPassword: string
  model: string
  firmware: string
  informInterval: string
}

export const PATHS: Record<DataModel, ModelPaths> = {
  tr098: {
    root: 'InternetGatewayDevice',
    pppUsername:
      'InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANPPPConnection.1.Username',
    ssid: 'InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.SSID',
    wifiPassword:
      'InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.PreSharedKey.1.PreSharedKey',
    model: 'InternetGatewayDevice.DeviceInfo.ModelName',
    firmware: 'InternetGatewayDevice.DeviceInfo.SoftwareVersion',
    informInterval: 'InternetGatewayDevice.ManagementServer.PeriodicInformInterval',
  },
  tr181: {
    root: 'Device',
    pppUsername: 'Device.PPP.Interface.1.Username',
    ssid: 'Device.WiFi.SSID.1.SSID',
    wifiPassword: 'Device.WiFi.AccessPoint.1.Security.KeyPassphrase',
    model: 'Device.DeviceInfo.ModelName',
    firmware: 'Device.DeviceInfo.SoftwareVersion',
    informInterval: 'Device.ManagementServer.PeriodicInformInterval',
  },
}

/** What Loket asks the ACS to do to a CPE. */
export const CPE_ACTIONS = ['reboot', 'refresh', 'wifi'] as const
export type CpeAction = (typeof CPE_ACTIONS)[number]

/**
 * How the ACS answered: done (200, the CPE did it in the session the connection request opened),
 * queued (202, the CPE did not answer: it runs at its next inform), fault (202 "Task faulted",
 * with the fault's text), not_found (404: the ACS has no such device), unreachable (the ACS did
 * not answer or refused the login; nothing was queued).
 */
export const CPE_OUTCOMES = ['done', 'queued', 'fault', 'not_found', 'unreachable'] as const
export type CpeOutcome = (typeof CPE_OUTCOMES)[number]

/** WPA2-PSK passphrase: 8–63 printable ASCII characters (IEEE 802.11i). */
export const WIFI_PASSWORD = /^[\x20-\x7e]{8,63}$/
/** An SSID is 1–32 octets; Loket accepts printable ASCII so every CPE shows it alike. */
export const WIFI_SSID = /^[\x20-\x7e]{1,32}$/

/** When no periodic inform interval was read from the CPE (the common factory value). */
export const DEFAULT_INFORM_INTERVAL_S = 300
/** Late informs still count as online for this long past the interval (network, ACS load). */
export const INFORM_GRACE_S = 60

/** A last inform as the CPE card and the CLI show it: dd/mm/yyyy HH:mm in the company's zone. */
export function formatInform(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso))
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`
}

/** "5 menit", "2 jam 3 menit", "3 hari": how long ago, for the online rule. */
export function durationId(seconds: number): string {
  if (seconds < 60) return `${seconds} detik`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return `${minutes} menit`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return minutes % 60 ? `${hours} jam ${minutes % 60} menit` : `${hours} jam`
  return `${Math.floor(hours / 24)} hari`
}
