/**
 * An OLT's SNMP agent on 127.0.0.1 (net-snmp's agent): sysDescr/sysName/sysUpTime and the
 * vendor's ONU tables (tables.ts), v2c community and optionally an SNMPv3 user. Every request
 * it answers is recorded, so a test can count how an ONU list was read.
 */
import { createSocket } from 'node:dgram'
import * as snmp from 'net-snmp'
import {
  providerOf,
  rowOf,
  SIM_TABLES,
  type SimOnu,
  type SimState,
  type SimVendor,
} from './tables.js'

export type { SimOnu, SimState, SimVendor } from './tables.js'

export interface OltSimOptions {
  vendor: SimVendor
  community?: string
  v3?: { user: string; authKey: string; privKey: string }
  onus?: SimOnu[]
  port?: number
}

export interface OltSim {
  host: string
  port: number
  community: string
  vendor: SimVendor
  onus: SimOnu[]
  /** Every request answered: its PDU type and its first OID. */
  requests: { type: 'get' | 'getNext' | 'getBulk' | 'set'; oid: string }[]
  close(): Promise<void>
}

const SYS_DESCR: Record<SimVendor, string> = {
  'zte-1012': 'ZXA10 C320, ZTE ZXA10 Software Version: V2.1.0',
  'zte-1082': 'ZXA10 C320 V2, ZTE ZXA10 Software Version: V2.1.0P1',
  huawei: 'Huawei Integrated Access Software MA5608T V800R015C10',
  cdata: 'C-Data EPON OLT FD1104SN V1.5.3',
}

const VENDOR_ID: Record<SimVendor, string> = {
  'zte-1012': 'ZTEG',
  'zte-1082': 'ZTEG',
  huawei: 'HWTC',
  cdata: 'CDTC',
}

/**
 * `count` ONUs spread 64 to a PON port (up to 2,048: four slots of eight ports), named after
 * customers' PPPoE logins `pel0001` …; every 10th is weak (−28.5 dBm), every 25th offline (LOS),
 * every 40th dying gasp, the rest between −19 and −24.9 dBm.
 */
export function makeOnus(vendor: SimVendor, count: number): SimOnu[] {
  const onus: SimOnu[] = []
  for (let i = 0; i < count; i++) {
    const portNo = Math.floor(i / 64)
    const state: SimState =
      (i + 1) % 25 === 0 ? 'los' : (i + 1) % 40 === 0 ? 'dying_gasp' : 'online'
    const rx = (i + 1) % 10 === 0 ? -28.5 : -19 - (i % 50) / 10
    const n = String(i + 1).padStart(4, '0')
    onus.push({
      slot: 1 + Math.floor(portNo / 8),
      port: 1 + (portNo % 8),
      onu: 1 + (i % 64),
      serial: `${VENDOR_ID[vendor]}${(0xc0000000 + i).toString(16).toUpperCase()}`,
      name: `pel${n}`,
      description: `Pelanggan ${n}`,
      state,
      rxDbm: state === 'online' ? rx : null,
    })
  }
  return onus
}

/** A free UDP port on 127.0.0.1 (net-snmp's agent reads port 0 as 161). */
async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4')
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve))
  const { port } = socket.address()
  await new Promise<void>((resolve) => socket.close(resolve))
  return port
}

/**
 * net-snmp's agent MIB refuses OID components above 2^31−1, but an OID component may be any
 * 32-bit unsigned number and Huawei's GPON ifIndex is one (0/0/0 = 4194304000). The simulator
 * lifts that limit (its client, net-snmp's session, already encodes and decodes them).
 */
function allowUnsignedOidComponents(mib: snmp.Mib) {
  const Mib = (mib as unknown as { constructor: { convertOidToAddress(oid: unknown): number[] } })
    .constructor
  Mib.convertOidToAddress = (oid: unknown) => {
    const parts = Array.isArray(oid) ? oid : String(oid).split('.')
    const out: number[] = []
    for (const part of parts) {
      if (part === '') continue
      const n = Number(part)
      if (!Number.isInteger(n) || n < 0 || n > 0xffffffff)
        throw new RangeError(`object identifier component ${String(part)} is malformed`)
      out.push(n)
    }
    return out
  }
}

/**
 * net-snmp's agent rebuilds, for every table varbind it answers, the whole row of that varbind
 * twice (every column looked up from the MIB root again) only to hand it to the agent's
 * callback, which the simulator does not have. On a 2,048-ONU table that was most of the
 * simulator's time per GetBulk, which an OLT's agent does not spend: a walk then measured the
 * simulator instead of Loket. The answers are the same bytes without it.
 */
function skipRowsForCallback(mib: snmp.Mib) {
  ;(mib as unknown as { getTableRowCells: () => null }).getTableRowCells = () => null
}

type Handler = (
  socket: unknown,
  message: { pdu: { varbinds: { oid: string }[]; nonRepeaters?: number; maxRepetitions?: number } },
  rinfo: unknown,
) => void

interface AgentInternals {
  addGetNextVarbind(out: unknown[], oid: string): { oid: string } | null
  request: Handler
}

/**
 * GetBulk as RFC 3416 (4.2.3) has an agent answer it: the non-repeaters once, then up to
 * max-repetitions rows of EVERY repeater (N + M × R varbinds). net-snmp's agent stops at
 * max-repetitions varbinds in all, so a walk of four columns side by side got a quarter of the
 * rows per request that an OLT sends.
 */
function rfcGetBulk(agent: AgentInternals): Handler {
  return (socket, message, rinfo) => {
    const pdu = message.pdu
    const fixed = Math.min(Math.max(pdu.nonRepeaters ?? 0, 0), pdu.varbinds.length)
    const out: unknown[] = []
    for (const v of pdu.varbinds.slice(0, fixed)) agent.addGetNextVarbind(out, v.oid)
    const last = pdu.varbinds.slice(fixed).map((v) => v.oid)
    for (let r = 0; r < (pdu.maxRepetitions ?? 0) && last.length; r++) {
      let ended = 0
      last.forEach((oid, j) => {
        const node = agent.addGetNextVarbind(out, oid)
        if (node) last[j] = node.oid
        else ended++
      })
      if (ended === last.length) break
    }
    pdu.varbinds = out as { oid: string }[]
    agent.request(socket, message, rinfo)
  }
}

export async function startOltSim(options: OltSimOptions): Promise<OltSim> {
  const port = options.port ?? (await freeUdpPort())
  const community = options.community ?? 'public'
  const agent = snmp.createAgent({ port, address: '127.0.0.1' }, () => {})
  const requests: OltSim['requests'] = []
  // Count requests where the agent dispatches them (its PDU handlers).
  const handlers = agent as unknown as Record<string, Handler>
  handlers.getBulkRequest = rfcGetBulk(agent as unknown as AgentInternals)
  for (const [method, type] of [
    ['getRequest', 'get'],
    ['getNextRequest', 'getNext'],
    ['getBulkRequest', 'getBulk'],
    ['setRequest', 'set'],
  ] as const) {
    const original = handlers[method]!.bind(agent)
    handlers[method] = (socket, message, rinfo) => {
      requests.push({ type, oid: message.pdu.varbinds[0]?.oid ?? '' })
      original(socket, message, rinfo)
    }
  }
  agent.getAuthorizer().addCommunity(community)
  if (options.v3)
    agent.getAuthorizer().addUser({
      name: options.v3.user,
      level: snmp.SecurityLevel.authPriv,
      authProtocol: snmp.AuthProtocols.sha,
      authKey: options.v3.authKey,
      privProtocol: snmp.PrivProtocols.aes,
      privKey: options.v3.privKey,
    })
  const mib = agent.getMib()
  allowUnsignedOidComponents(mib)
  skipRowsForCallback(mib)
  const scalars: [string, string, number, unknown][] = [
    ['sysDescr', '1.3.6.1.2.1.1.1', snmp.ObjectType.OctetString!, SYS_DESCR[options.vendor]],
    ['sysUpTime', '1.3.6.1.2.1.1.3', snmp.ObjectType.TimeTicks!, 123456789],
    ['sysName', '1.3.6.1.2.1.1.5', snmp.ObjectType.OctetString!, `OLT-${options.vendor}`],
  ]
  for (const [name, oid, scalarType, value] of scalars) {
    mib.registerProvider({
      name,
      type: snmp.MibProviderType.Scalar,
      oid,
      scalarType,
      maxAccess: snmp.MaxAccess['read-only'],
    })
    mib.setScalarValue(name, value)
  }
  const onus = options.onus ?? makeOnus(options.vendor, 16)
  for (const table of SIM_TABLES[options.vendor]()) {
    mib.registerProvider(providerOf(table))
    for (const onu of onus)
      if (!table.has || table.has(onu)) mib.addTableRow(table.name, rowOf(table, onu))
  }
  return {
    host: '127.0.0.1',
    port,
    community,
    vendor: options.vendor,
    onus,
    requests,
    close: () => new Promise<void>((resolve) => agent.close(() => resolve())),
  }
}
