import type { OnuStatus } from '@shared/schemas'
import type { BitIndex, Decoder, OnuField, TableSpec, VendorProfile } from './profiles'

/** One ONU as the OLT reports it, after the profile's conversions. */
export interface OnuReading {
  pon: string
  onuIndex: number
  serial: string | null
  name: string | null
  description: string | null
  type: string | null
  mac: string | null
  status: OnuStatus
  /** dBm, two decimals; null when the OLT has no reading (an ONU that is down). */
  rxDbm: number | null
  lastDownCause: string | null
}

/** "1/1/10" after "1/1/9"; one collator (localeCompare with options builds one per call). */
export const PON_ORDER = new Intl.Collator('en', { numeric: true })

/** A walked table: row index ("268501248.3") → column number → raw value. */
export type WalkedTable = Record<string, Record<string, unknown>>

export function decodeBitIndex(
  spec: BitIndex,
  value: number,
): Record<string, number> & { text: string } {
  const rel = value - spec.base
  const parts: Record<string, number> = {}
  // Division, not >>: Huawei's ifIndex does not fit a signed 32-bit integer.
  for (const f of spec.fields) parts[f.name] = Math.floor(rel / 2 ** f.shift) & f.mask
  const text = spec.format.replace(/\{(\w+)\}/g, (_, name: string) => String(parts[name] ?? '?'))
  return Object.assign(parts, { text })
}

function asText(raw: unknown): string {
  if (Buffer.isBuffer(raw)) return raw.toString('latin1')
  return raw === null || raw === undefined ? '' : String(raw)
}

const printable = (b: Buffer) => [...b].every((c) => c >= 0x20 && c < 0x7f)

export function decodeValue(decoder: Decoder, raw: unknown): string | number | null {
  switch (decoder.kind) {
    case 'text': {
      const t = asText(raw)
        .replace(/[\0\s]+$/, '')
        .trim()
      return t === '' ? null : t
    }
    case 'serial': {
      if (
        Buffer.isBuffer(raw) &&
        raw.length === 8 &&
        printable(raw.subarray(0, 4)) &&
        !printable(raw)
      )
        return raw.subarray(0, 4).toString('latin1') + raw.subarray(4).toString('hex').toUpperCase()
      return decodeValue({ kind: 'text' }, raw)
    }
    case 'mac': {
      if (Buffer.isBuffer(raw) && raw.length === 6)
        return [...raw]
          .map((b) => b.toString(16).padStart(2, '0'))
          .join(':')
          .toUpperCase()
      return decodeValue({ kind: 'text' }, raw)
    }
    case 'dbm': {
      const n = Number(raw)
      if (!Number.isFinite(n)) return null
      const dbm = Math.round((n * decoder.scale + decoder.offset) * 100) / 100
      return dbm < decoder.min || dbm > decoder.max ? null : dbm
    }
    case 'enum': {
      const n = Number(raw)
      const v = decoder.values[n]
      return v ?? (decoder.fallback === '' ? null : decoder.fallback)
    }
  }
}

interface Position {
  pon: string
  onuIndex: number
}

/** Where a row index puts the ONU, or null when the index does not fit the table's layout. */
function positionOf(
  profile: VendorProfile,
  table: TableSpec,
  rowIndex: string,
  ponText: (n: number) => string,
): Position | null {
  const parts = rowIndex.split('.').map(Number)
  if (parts.length !== table.index.length || parts.some((n) => !Number.isSafeInteger(n)))
    return null
  let pon: string | null = null
  let onuIndex: number | null = null
  table.index.forEach((kind, i) => {
    const n = parts[i]!
    if (kind === 'pon' && profile.pon) pon = ponText(n)
    else if (kind === 'onu') onuIndex = n
    else if (kind === 'device' && profile.device) {
      const d = decodeBitIndex(profile.device, n)
      pon = d.text
      onuIndex = d[profile.device.onuField] ?? null
    }
  })
  return pon === null || onuIndex === null ? null : { pon, onuIndex }
}

const EMPTY = (p: Position): OnuReading => ({
  ...p,
  serial: null,
  name: null,
  description: null,
  type: null,
  mac: null,
  status: 'unknown',
  rxDbm: null,
  lastDownCause: null,
})

const FIELD_KEY: Record<OnuField, keyof OnuReading> = {
  name: 'name',
  description: 'description',
  serial: 'serial',
  type: 'type',
  mac: 'mac',
  status: 'status',
  rx: 'rxDbm',
  downCause: 'lastDownCause',
}

/**
 * The ONUs of an OLT from its walked tables (in the profile's order): rows are joined on their
 * position (PON port + ONU id). An ONU is one the first table lists; the other tables only add to
 * it. A down ONU with a telling down cause reads as that cause (Huawei: LOS, dying gasp).
 */
export function decodeOnus(profile: VendorProfile, walked: WalkedTable[]): OnuReading[] {
  const byKey = new Map<string, OnuReading>()
  // A PON port's index repeats for each of its up to 128 ONUs: decoded once.
  const pons = new Map<number, string>()
  const ponText = (n: number) => {
    let text = pons.get(n)
    if (text === undefined) pons.set(n, (text = decodeBitIndex(profile.pon!, n).text))
    return text
  }
  profile.tables.forEach((table, t) => {
    for (const [rowIndex, columns] of Object.entries(walked[t] ?? {})) {
      const pos = positionOf(profile, table, rowIndex, ponText)
      if (!pos) continue
      const key = `${pos.pon}#${pos.onuIndex}`
      let onu = byKey.get(key)
      if (!onu) {
        if (t > 0) continue
        onu = EMPTY(pos)
        byKey.set(key, onu)
      }
      for (const [col, spec] of Object.entries(table.columns)) {
        if (!(col in columns)) continue
        const value = decodeValue(spec.decode, columns[col])
        ;(onu as unknown as Record<string, unknown>)[FIELD_KEY[spec.field]] = value
      }
    }
  })
  const onus = [...byKey.values()]
  for (const onu of onus) {
    const refined = onu.lastDownCause ? profile.downCauseStatus?.[onu.lastDownCause] : undefined
    if (onu.status === 'offline' && refined) onu.status = refined
  }
  return onus.sort((a, b) => PON_ORDER.compare(a.pon, b.pon) || a.onuIndex - b.onuIndex)
}
