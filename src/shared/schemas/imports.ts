import type { BillingSchedule, CustomerCategory, ServiceStatus, ServiceType } from '../catalog'

/**
 * A spreadsheet row after parsing and validation, before it meets the database. The parser
 * (core/imports) produces these; the committer matches and writes them all-or-nothing.
 */
export interface AreaImportRow {
  code: string
  name: string
}

export interface ProductImportRow {
  name: string
  serviceType: ServiceType
  /** Integer rupiah per month. */
  monthlyPrice: number
  prepaid: boolean
  downloadMbps: number | null
  uploadMbps: number | null
  routerProfile: string | null
  dataCapGb: number | null
  notes: string | null
}

export interface CustomerImportRow {
  /** Empty: generated from the area's pattern. */
  code: string | null
  name: string
  /** Normalised 62… */
  phone: string | null
  email: string | null
  address: string
  areaCode: string
  category: CustomerCategory
  nik: string | null
  npwp: string | null
  productName: string
  /** Integer rupiah, overriding the package price for this service. */
  priceOverride: number | null
  /** YYYY-MM-DD */
  activationDate: string | null
  billingSchedule: BillingSchedule | null
  status: ServiceStatus | null
  pppoeUsername: string | null
  pppoePassword: string | null
  staticIp: string | null
  /** The router (by name) the service lives on; empty: the only router, or the area's. */
  routerName: string | null
  notes: string | null
}

/** A problem with one cell or row, for the preview. `messageKey` is an i18n key (`import.*`). */
export interface ImportRowError {
  /** 1-based row number as the user sees it in the spreadsheet (header = row 1). */
  row: number
  column: string | null
  messageKey: string
  params?: Record<string, string | number>
}
