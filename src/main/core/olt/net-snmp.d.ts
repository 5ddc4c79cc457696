/** The part of net-snmp 3.x (no types of its own) that Loket and its OLT simulator use. */
declare module 'net-snmp' {
  export interface Varbind {
    oid: string
    type: number
    value: unknown
  }
  export interface SessionOptions {
    port?: number
    version?: number
    timeout?: number
    retries?: number
    transport?: 'udp4' | 'udp6'
    idBitsSize?: 16 | 32
  }
  export interface V3User {
    name: string
    level: number
    authProtocol?: number
    authKey?: string
    privProtocol?: number
    privKey?: string
  }
  export type TableResult = Record<string, Record<string, unknown>>
  export interface Session {
    get(oids: string[], cb: (error: Error | null, varbinds: Varbind[]) => void): void
    table(
      oid: string,
      maxRepetitions: number,
      cb: (error: Error | null, table: TableResult) => void,
    ): void
    /** Repeaters' answers come back as one list per requested OID (nonRepeaters 0). */
    getBulk(
      oids: string[],
      nonRepeaters: number,
      maxRepetitions: number,
      cb: (error: Error | null, varbinds: Varbind[][]) => void,
    ): void
    subtree(
      oid: string,
      maxRepetitions: number,
      feed: (varbinds: Varbind[]) => boolean | void,
      done: (error: Error | null) => void,
    ): void
    close(): void
    on(event: 'error', listener: (error: Error) => void): void
  }
  export function createSession(
    target: string,
    community: string,
    options?: SessionOptions,
  ): Session
  export function createV3Session(target: string, user: V3User, options?: SessionOptions): Session
  export function isVarbindError(varbind: Varbind): boolean
  export function varbindError(varbind: Varbind): string

  export class RequestTimedOutError extends Error {}
  export class RequestFailedError extends Error {
    status?: number
  }
  export class ResponseInvalidError extends Error {}

  export const Version2c: number
  export const Version3: number
  export const ObjectType: Record<string, number>
  export const MibProviderType: { Scalar: number; Table: number }
  export const MaxAccess: Record<string, number>
  export const SecurityLevel: { noAuthNoPriv: number; authNoPriv: number; authPriv: number }
  export const AuthProtocols: Record<string, number>
  export const PrivProtocols: Record<string, number>

  export interface TableColumn {
    number: number
    name: string
    type: number
    maxAccess: number
  }
  export interface ProviderDefinition {
    name: string
    type: number
    oid: string
    maxAccess?: number
    scalarType?: number
    tableColumns?: TableColumn[]
    tableIndex?: { columnName: string }[]
  }
  export interface Mib {
    registerProvider(definition: ProviderDefinition): void
    setScalarValue(name: string, value: unknown): void
    addTableRow(name: string, row: unknown[]): void
    setTableSingleCell(name: string, column: number, rowIndex: unknown[], value: unknown): void
  }
  export interface Authorizer {
    addCommunity(community: string): void
    addUser(user: V3User): void
  }
  export interface AgentOptions {
    port: number
    address?: string | null
    disableAuthorization?: boolean
    engineID?: string
  }
  export interface Agent {
    getMib(): Mib
    getAuthorizer(): Authorizer
    close(cb?: () => void): void
  }
  export function createAgent(
    options: AgentOptions,
    callback?: (error: Error | null, data?: { pdu: { type: number; varbinds: Varbind[] } }) => void,
  ): Agent
}
