import type { OltVendor, OnuStatus } from '@shared/schemas'

/**
 * Vendor profiles as data (INTEGRATIONS.md, "OLT over SNMP"): which tables to walk, how their
 * row index reads, and how each column's value converts. The code in decode.ts knows only the
 * generic decoders named here; a new vendor is a new entry, not a new code path.
 */

/** A number split into named bit fields, then written with a template ("1/{slot}/{port}"). */
export interface BitIndex {
  /** Subtracted first (Huawei's GPON ifIndex starts at 0xFA000000 for 0/0/0). */
  base: number
  fields: { name: string; shift: number; mask: number }[]
  format: string
}

/**
 * The parts of a table's row index, in order: `pon` (a PON port ifIndex, decoded with the
 * profile's `pon`), `onu` (the ONU id on that port), `device` (one number naming both, decoded
 * with the profile's `device`), `skip` (a trailing constant, such as ZTE's `.1`).
 */
export type IndexPart = 'pon' | 'onu' | 'device' | 'skip'

export type OnuField =
  'name' | 'description' | 'serial' | 'type' | 'mac' | 'status' | 'rx' | 'downCause'

export type Decoder =
  /** An OctetString as text (trailing NULs and spaces dropped). */
  | { kind: 'text' }
  /** A GPON serial: 4 printable vendor bytes + 4 bytes as hex ("ZTEGC0A1B2C3"), else text. */
  | { kind: 'serial' }
  /** Six bytes as a MAC address, else text. */
  | { kind: 'mac' }
  /** A number × scale + offset, in dBm; values outside [min, max] are "no reading". */
  | { kind: 'dbm'; scale: number; offset: number; min: number; max: number }
  /** A number looked up in a table (unknown numbers read as `fallback`). */
  | { kind: 'enum'; values: Record<number, string>; fallback: string }

export interface TableSpec {
  /** The table's OID (not its entry): walked once with session.table(). */
  oid: string
  index: IndexPart[]
  columns: Record<number, { field: OnuField; decode: Decoder }>
}

export interface VendorProfile {
  key: OltVendor
  label: string
  pon?: BitIndex
  device?: BitIndex & { onuField: string }
  tables: TableSpec[]
  /** A down cause (decoded text) that says more than "offline" about an ONU that is down. */
  downCauseStatus?: Record<string, OnuStatus>
  /** What the vendor's documentation verified, and what not: shown nowhere, kept for the reader. */
  notes: string
}

const text = { kind: 'text' } as const
const serial = { kind: 'serial' } as const
/** ZTE: raw × 0.002 − 30 dBm. */
const zteRx = { kind: 'dbm', scale: 0.002, offset: -30, min: -50, max: 10 } as const

/** ZTE's GPON phase state, both trees (1 logging … 7 offline). */
const ztePhase: Decoder = {
  kind: 'enum',
  values: {
    1: 'logging',
    2: 'los',
    3: 'syncing',
    4: 'online',
    5: 'dying_gasp',
    6: 'auth_failed',
    7: 'offline',
  },
  fallback: 'unknown',
}

const ZTE_1012 = '1.3.6.1.4.1.3902.1012'
const ZTE_1082 = '1.3.6.1.4.1.3902.1082'
const HW_GPON = '1.3.6.1.4.1.2011.6.128.1.1.2'
const NSCRTV_ONU = '1.3.6.1.4.1.17409.2.3.4'

export const VENDOR_PROFILES: Record<OltVendor, VendorProfile> = {
  'zte-1012': {
    key: 'zte-1012',
    label: 'ZTE C300/C320 (1012)',
    // ponIfIndex = 0x10000000 | slot<<16 | port<<8 (1/1/1 = 268501248)
    pon: {
      base: 0x10000000,
      fields: [
        { name: 'slot', shift: 16, mask: 0xff },
        { name: 'port', shift: 8, mask: 0xff },
      ],
      format: '1/{slot}/{port}',
    },
    tables: [
      {
        oid: `${ZTE_1012}.3.28.1`,
        index: ['pon', 'onu'],
        columns: {
          1: { field: 'type', decode: text },
          2: { field: 'name', decode: text },
          3: { field: 'description', decode: text },
          5: { field: 'serial', decode: serial },
        },
      },
      {
        oid: `${ZTE_1012}.3.28.2`,
        index: ['pon', 'onu'],
        columns: { 4: { field: 'status', decode: ztePhase } },
      },
      {
        oid: `${ZTE_1012}.3.50.12.1`,
        index: ['pon', 'onu', 'skip'],
        columns: { 10: { field: 'rx', decode: zteRx } },
      },
    ],
    notes:
      'Name, description, SN, type and RX from INTEGRATIONS.md. The phase state column ' +
      '(…3.28.2.1.4) is not in INTEGRATIONS.md: taken from ZTE’s ZXGPON MIB, same codes as the 1082 tree.',
  },
  'zte-1082': {
    key: 'zte-1082',
    label: 'ZTE C320 V2 (1082)',
    // index = 0x11000000 | board<<16 | pon
    pon: {
      base: 0x11000000,
      fields: [
        { name: 'board', shift: 16, mask: 0xff },
        { name: 'pon', shift: 0, mask: 0xff },
      ],
      format: '1/{board}/{pon}',
    },
    tables: [
      {
        oid: `${ZTE_1082}.500.10.2.3.3`,
        index: ['pon', 'onu'],
        columns: { 2: { field: 'name', decode: text }, 18: { field: 'serial', decode: serial } },
      },
      {
        oid: `${ZTE_1082}.500.10.2.3.8`,
        index: ['pon', 'onu'],
        columns: { 4: { field: 'status', decode: ztePhase } },
      },
      {
        oid: `${ZTE_1082}.500.20.2.2.2`,
        index: ['pon', 'onu', 'skip'],
        columns: { 10: { field: 'rx', decode: zteRx } },
      },
    ],
    notes: 'All from INTEGRATIONS.md.',
  },
  huawei: {
    key: 'huawei',
    label: 'Huawei MA5608T/MA5800',
    // GPON ifIndex 0/0/0 = 4194304000, 0/0/1 = 4194304256: port<<8; slot<<13 per Huawei's layout.
    pon: {
      base: 4194304000,
      fields: [
        { name: 'slot', shift: 13, mask: 0x1f },
        { name: 'port', shift: 8, mask: 0x1f },
      ],
      format: '0/{slot}/{port}',
    },
    tables: [
      {
        oid: `${HW_GPON}.43`,
        index: ['pon', 'onu'],
        columns: {
          3: { field: 'serial', decode: serial },
          9: { field: 'description', decode: text },
        },
      },
      {
        oid: `${HW_GPON}.46`,
        index: ['pon', 'onu'],
        columns: {
          15: {
            field: 'status',
            decode: { kind: 'enum', values: { 1: 'online', 2: 'offline' }, fallback: 'unknown' },
          },
          24: {
            field: 'downCause',
            decode: {
              kind: 'enum',
              values: {
                1: 'LOS',
                2: 'LOSi/LOBi',
                3: 'LOFi',
                4: 'SFi',
                5: 'LOAi',
                6: 'LOAMi',
                7: 'deactive failure',
                8: 'deactive success',
                9: 'reset',
                10: 're-register',
                11: 'pop-up failure',
                13: 'dying-gasp',
                15: 'LOKi',
              },
              fallback: '',
            },
          },
        },
      },
      {
        oid: `${HW_GPON}.51`,
        index: ['pon', 'onu'],
        // 0.01 dBm; an ONU that is down reads 2147483647 (outside the range: no reading).
        columns: {
          4: { field: 'rx', decode: { kind: 'dbm', scale: 0.01, offset: 0, min: -50, max: 10 } },
        },
      },
    ],
    downCauseStatus: { LOS: 'los', 'LOSi/LOBi': 'los', 'dying-gasp': 'dying_gasp' },
    notes:
      'SN, description, run status, last down cause, RX and ifIndex 0/0/0, 0/0/1 from INTEGRATIONS.md; ' +
      'the slot step (8192) and the down-cause texts from HUAWEI-XPON-MIB (not verified on a device).',
  },
  cdata: {
    key: 'cdata',
    label: 'C-Data EPON (NSCRTV)',
    // NSCRTV deviceIndex: slot<<24 | port<<16 | onu (C-Data's layout; partly verified).
    device: {
      base: 0,
      fields: [
        { name: 'slot', shift: 24, mask: 0xff },
        { name: 'port', shift: 16, mask: 0xff },
        { name: 'onu', shift: 0, mask: 0xffff },
      ],
      format: '0/{slot}/{port}',
      onuField: 'onu',
    },
    tables: [
      {
        oid: `${NSCRTV_ONU}.1`,
        index: ['device'],
        columns: {
          2: { field: 'name', decode: text },
          7: { field: 'mac', decode: { kind: 'mac' } },
          8: {
            field: 'status',
            decode: { kind: 'enum', values: { 1: 'online', 2: 'offline' }, fallback: 'unknown' },
          },
          28: { field: 'serial', decode: text },
        },
      },
      {
        // onuPonOpticalTransmissionTable {deviceIndex, card, port}, column 4 received power, centi-dBm.
        oid: `${NSCRTV_ONU}.2`,
        index: ['device', 'skip', 'skip'],
        columns: {
          4: { field: 'rx', decode: { kind: 'dbm', scale: 0.01, offset: 0, min: -50, max: 10 } },
        },
      },
    ],
    notes:
      'Name, MAC, status and serial from INTEGRATIONS.md (partly verified). The RX table OID and the ' +
      'deviceIndex layout are from the NSCRTV EPON MIB as C-Data ships it, not verified on a device.',
  },
}

export function vendorProfile(vendor: string): VendorProfile {
  const profile = VENDOR_PROFILES[vendor as OltVendor]
  if (!profile) throw new Error(`unknown OLT vendor ${vendor}`)
  return profile
}
