// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../../src/main/core/olt/net-snmp.d.ts" />
/**
 * The OLT vendors' SNMP tables as the simulator serves them, written from INTEGRATIONS.md ("OLT
 * over SNMP") and the vendors' MIBs, not from Loket's profiles: each vendor encodes its own
 * index and its own units here.
 */
import * as snmp from 'net-snmp'

export type SimVendor = 'zte-1012' | 'zte-1082' | 'huawei' | 'cdata'
export type SimState = 'online' | 'offline' | 'los' | 'dying_gasp'

export interface SimOnu {
  slot: number
  port: number
  onu: number
  /** "ZTEGC0A1B2C3": 4 vendor letters + 8 hex digits, as the OLT's CLI shows it. */
  serial: string
  name: string
  description: string
  state: SimState
  /** dBm; null when the OLT has no reading (the ONU is down). */
  rxDbm: number | null
}

const T = snmp.ObjectType
const RO = snmp.MaxAccess['read-only']!
const NA = snmp.MaxAccess['not-accessible']!

interface Column {
  number: number
  name: string
  type: number
  value: (o: SimOnu) => unknown
}
export interface SimTable {
  name: string
  /** The entry OID (the table's OID + ".1"). */
  entry: string
  /** Index values of a row, in order. */
  index: (o: SimOnu) => number[]
  indexTypes: number[]
  columns: Column[]
  /** Rows of ONUs that have none (ZTE serves no RX row for an ONU that is down). */
  has?: (o: SimOnu) => boolean
}

/** The 8 bytes a GPON serial is sent as: vendor id in ASCII, then 4 binary bytes. */
export function serialBytes(serial: string): Buffer {
  return Buffer.concat([
    Buffer.from(serial.slice(0, 4), 'latin1'),
    Buffer.from(serial.slice(4), 'hex'),
  ])
}

const up = (o: SimOnu) => o.state === 'online'
const ztePhase: Record<SimState, number> = { online: 4, los: 2, dying_gasp: 5, offline: 7 }
/** ZTE: dBm = raw × 0.002 − 30. */
const zteRaw = (o: SimOnu) => Math.round(((o.rxDbm ?? 0) + 30) / 0.002)

function zte1012(): SimTable[] {
  const base = '1.3.6.1.4.1.3902.1012.3'
  const pon = (o: SimOnu) => (0x10000000 | (o.slot << 16) | (o.port << 8)) >>> 0
  return [
    {
      name: 'zxGponOnuTable',
      entry: `${base}.28.1.1`,
      index: (o) => [pon(o), o.onu],
      indexTypes: [T.Gauge!, T.Integer!],
      columns: [
        { number: 1, name: 'type', type: T.OctetString!, value: () => 'ZTE-F660' },
        { number: 2, name: 'name', type: T.OctetString!, value: (o) => o.name },
        { number: 3, name: 'description', type: T.OctetString!, value: (o) => o.description },
        { number: 5, name: 'sn', type: T.OctetString!, value: (o) => serialBytes(o.serial) },
      ],
    },
    {
      name: 'zxGponOnuPhaseTable',
      entry: `${base}.28.2.1`,
      index: (o) => [pon(o), o.onu],
      indexTypes: [T.Gauge!, T.Integer!],
      columns: [
        { number: 4, name: 'phaseState', type: T.Integer!, value: (o) => ztePhase[o.state] },
      ],
    },
    {
      name: 'zxGponOnuOpticalTable',
      entry: `${base}.50.12.1.1`,
      index: (o) => [pon(o), o.onu, 1],
      indexTypes: [T.Gauge!, T.Integer!, T.Integer!],
      has: (o) => up(o) && o.rxDbm !== null,
      columns: [{ number: 10, name: 'rxPower', type: T.Integer!, value: zteRaw }],
    },
  ]
}

function zte1082(): SimTable[] {
  const base = '1.3.6.1.4.1.3902.1082.500'
  const idx = (o: SimOnu) => (0x11000000 | (o.slot << 16) | o.port) >>> 0
  return [
    {
      name: 'zxAnGponOnuNameTable',
      entry: `${base}.10.2.3.3.1`,
      index: (o) => [idx(o), o.onu],
      indexTypes: [T.Gauge!, T.Integer!],
      columns: [
        { number: 2, name: 'name', type: T.OctetString!, value: (o) => o.name },
        { number: 18, name: 'sn', type: T.OctetString!, value: (o) => serialBytes(o.serial) },
      ],
    },
    {
      name: 'zxAnGponOnuStateTable',
      entry: `${base}.10.2.3.8.1`,
      index: (o) => [idx(o), o.onu],
      indexTypes: [T.Gauge!, T.Integer!],
      columns: [
        { number: 4, name: 'phaseState', type: T.Integer!, value: (o) => ztePhase[o.state] },
      ],
    },
    {
      name: 'zxAnGponOnuRxTable',
      entry: `${base}.20.2.2.2.1`,
      index: (o) => [idx(o), o.onu, 1],
      indexTypes: [T.Gauge!, T.Integer!, T.Integer!],
      has: (o) => up(o) && o.rxDbm !== null,
      columns: [{ number: 10, name: 'rxPower', type: T.Integer!, value: zteRaw }],
    },
  ]
}

/** HUAWEI-XPON-MIB last down cause: 1 LOS, 13 dying-gasp, 9 reset (an ONU switched off by hand). */
const huaweiCause: Record<SimState, number> = { online: -1, los: 1, dying_gasp: 13, offline: 9 }

function huawei(): SimTable[] {
  const base = '1.3.6.1.4.1.2011.6.128.1.1.2'
  // GPON ifIndex: 0/0/0 = 4194304000, 0/0/1 = 4194304256 (port × 256), slot × 8192.
  const ifIndex = (o: SimOnu) => 4194304000 + o.slot * 8192 + o.port * 256
  return [
    {
      name: 'hwGponDeviceOntInfoTable',
      entry: `${base}.43.1`,
      index: (o) => [ifIndex(o), o.onu],
      indexTypes: [T.Gauge!, T.Integer!],
      columns: [
        { number: 3, name: 'sn', type: T.OctetString!, value: (o) => serialBytes(o.serial) },
        { number: 9, name: 'description', type: T.OctetString!, value: (o) => o.description },
      ],
    },
    {
      name: 'hwGponDeviceOntStateTable',
      entry: `${base}.46.1`,
      index: (o) => [ifIndex(o), o.onu],
      indexTypes: [T.Gauge!, T.Integer!],
      columns: [
        { number: 15, name: 'runStatus', type: T.Integer!, value: (o) => (up(o) ? 1 : 2) },
        { number: 24, name: 'lastDownCause', type: T.Integer!, value: (o) => huaweiCause[o.state] },
      ],
    },
    {
      name: 'hwGponOntOpticalDdmTable',
      entry: `${base}.51.1`,
      index: (o) => [ifIndex(o), o.onu],
      indexTypes: [T.Gauge!, T.Integer!],
      // 0.01 dBm; a down ONU reads 2147483647.
      columns: [
        {
          number: 4,
          name: 'rxPower',
          type: T.Integer!,
          value: (o) => (up(o) && o.rxDbm !== null ? Math.round(o.rxDbm * 100) : 2147483647),
        },
      ],
    },
  ]
}

function cdata(): SimTable[] {
  const base = '1.3.6.1.4.1.17409.2.3.4'
  const device = (o: SimOnu) => ((o.slot << 24) | (o.port << 16) | o.onu) >>> 0
  const mac = (o: SimOnu) => Buffer.from([0xe0, 0x67, 0x81, o.slot, o.port, o.onu])
  return [
    {
      name: 'onuInfoTable',
      entry: `${base}.1.1`,
      index: (o) => [device(o)],
      indexTypes: [T.Gauge!],
      columns: [
        { number: 2, name: 'name', type: T.OctetString!, value: (o) => o.name },
        { number: 7, name: 'mac', type: T.OctetString!, value: mac },
        { number: 8, name: 'status', type: T.Integer!, value: (o) => (up(o) ? 1 : 2) },
        { number: 28, name: 'serial', type: T.OctetString!, value: (o) => o.serial },
      ],
    },
    {
      name: 'onuPonOpticalTable',
      entry: `${base}.2.1`,
      index: (o) => [device(o), 0, 1],
      indexTypes: [T.Gauge!, T.Integer!, T.Integer!],
      has: (o) => up(o) && o.rxDbm !== null,
      // centi-dBm
      columns: [
        {
          number: 4,
          name: 'rxPower',
          type: T.Integer!,
          value: (o) => Math.round((o.rxDbm ?? 0) * 100),
        },
      ],
    },
  ]
}

export const SIM_TABLES: Record<SimVendor, () => SimTable[]> = {
  'zte-1012': zte1012,
  'zte-1082': zte1082,
  huawei,
  cdata,
}

/** A table as a net-snmp provider: index columns (not-accessible) first, numbered after the data. */
export function providerOf(table: SimTable): snmp.ProviderDefinition {
  const indexCols = table.indexTypes.map((type, i) => ({
    number: 200 + i,
    name: `${table.name}Index${i}`,
    type,
    maxAccess: NA,
  }))
  return {
    name: table.name,
    type: snmp.MibProviderType.Table,
    oid: table.entry,
    maxAccess: NA,
    tableColumns: [
      ...table.columns.map((c) => ({
        number: c.number,
        name: c.name,
        type: c.type,
        maxAccess: RO,
      })),
      ...indexCols,
    ],
    tableIndex: indexCols.map((c) => ({ columnName: c.name })),
  }
}

/** A row in the provider's column order (data columns, then the index values). */
export function rowOf(table: SimTable, onu: SimOnu): unknown[] {
  return [...table.columns.map((c) => c.value(onu)), ...table.index(onu)]
}
