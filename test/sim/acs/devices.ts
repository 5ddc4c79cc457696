/**
 * CPEs as GenieACS keeps them: one document per device, parameters nested by path, each leaf
 * `{ _value, _type, _timestamp }`, identity under `_deviceId`, `_lastInform` a date
 * (INTEGRATIONS.md "GenieACS NBI"; GenieACS lib/nbi.ts, lib/db.ts).
 */

export type Doc = Record<string, unknown>

/**
 * GenieACS's device id: `OUI-ProductClass-Serial`, each part with every character outside
 * A-Z a-z 0-9 written as %XX, so `F670L V2.0` becomes `F670L%20V2%2E0`.
 */
export function deviceIdOf(oui: string, productClass: string, serial: string): string {
  const part = (s: string) =>
    s.replace(
      /[^A-Za-z0-9]/g,
      (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'),
    )
  return `${part(oui)}-${part(productClass)}-${part(serial)}`
}

/** Writes one parameter (creating its parents) as a `{_value,_type,_timestamp}` leaf. */
export function setParam(doc: Doc, path: string, value: unknown, type: string, at: string): void {
  const parts = path.split('.')
  let node = doc
  for (const p of parts.slice(0, -1)) {
    if (typeof node[p] !== 'object' || node[p] === null) node[p] = {}
    node = node[p] as Doc
  }
  node[parts[parts.length - 1]!] = { _value: value, _type: type, _timestamp: at }
}

export interface SimCpe {
  model: 'tr098' | 'tr181'
  oui: string
  productClass: string
  serial: string
  manufacturer?: string
  modelName?: string
  firmware?: string
  pppoeUsername?: string
  ssid?: string
  wifiPassword?: string
  /** ISO instant of the last inform; none: never informed. */
  lastInform?: string
  /** Seconds; none: the CPE reports no PeriodicInformInterval. */
  informInterval?: number
}

const TR098 = {
  ppp: 'InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANPPPConnection.1.Username',
  ssid: 'InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.SSID',
  psk: 'InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.PreSharedKey.1.PreSharedKey',
  modelName: 'InternetGatewayDevice.DeviceInfo.ModelName',
  firmware: 'InternetGatewayDevice.DeviceInfo.SoftwareVersion',
  interval: 'InternetGatewayDevice.ManagementServer.PeriodicInformInterval',
}
const TR181 = {
  ppp: 'Device.PPP.Interface.1.Username',
  ssid: 'Device.WiFi.SSID.1.SSID',
  psk: 'Device.WiFi.AccessPoint.1.Security.KeyPassphrase',
  modelName: 'Device.DeviceInfo.ModelName',
  firmware: 'Device.DeviceInfo.SoftwareVersion',
  interval: 'Device.ManagementServer.PeriodicInformInterval',
}

/** A device document in its data model (TR-098 `InternetGatewayDevice.` or TR-181 `Device.`). */
export function cpeDoc(cpe: SimCpe): Doc {
  const at = cpe.lastInform ?? '2026-01-01T00:00:00.000Z'
  const doc: Doc = {
    _id: deviceIdOf(cpe.oui, cpe.productClass, cpe.serial),
    _deviceId: {
      _Manufacturer: cpe.manufacturer ?? 'Huawei',
      _OUI: cpe.oui,
      _ProductClass: cpe.productClass,
      _SerialNumber: cpe.serial,
    },
    _registered: at,
  }
  if (cpe.lastInform) doc._lastInform = cpe.lastInform
  const p = cpe.model === 'tr098' ? TR098 : TR181
  setParam(doc, p.modelName, cpe.modelName ?? cpe.productClass, 'xsd:string', at)
  setParam(doc, p.firmware, cpe.firmware ?? 'V1.0', 'xsd:string', at)
  if (cpe.pppoeUsername !== undefined) setParam(doc, p.ppp, cpe.pppoeUsername, 'xsd:string', at)
  if (cpe.ssid !== undefined) setParam(doc, p.ssid, cpe.ssid, 'xsd:string', at)
  // A CPE never reports its WiFi key back (the value reads empty), as real ones do.
  setParam(doc, p.psk, '', 'xsd:string', at)
  if (cpe.informInterval !== undefined)
    setParam(doc, p.interval, cpe.informInterval, 'xsd:unsignedInt', at)
  return doc
}

/** A parameter's stored leaf value (or a `_` field's value), undefined when absent. */
export function readPath(doc: Doc, path: string): unknown {
  let node: unknown = doc
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined
    node = (node as Doc)[part]
  }
  if (typeof node === 'object' && node !== null && '_value' in node)
    return (node as { _value: unknown })._value
  return node
}
