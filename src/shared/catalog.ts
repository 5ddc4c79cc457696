/**
 * The words of the customer model, shared by core, API and UI. Statuses are Indonesian because
 * operators (and the source documents) use them; `in_progress` is a corporate order awaiting
 * handover (IMES).
 */
export const SERVICE_TYPES = ['pppoe', 'hotspot', 'static_ip', 'cable_tv', 'dedicated'] as const
export type ServiceType = (typeof SERVICE_TYPES)[number]

export const CUSTOMER_CATEGORIES = ['rumah', 'bisnis', 'corporate'] as const
export type CustomerCategory = (typeof CUSTOMER_CATEGORIES)[number]

export const SERVICE_STATUSES = [
  'registrasi',
  'survei',
  'instalasi',
  'in_progress',
  'aktif',
  'isolir',
  'putus',
] as const
export type ServiceStatus = (typeof SERVICE_STATUSES)[number]

export const BILLING_MODES = ['prepaid', 'postpaid'] as const
export type BillingMode = (typeof BILLING_MODES)[number]

/** Fixed day 1–28 of the month, or the activation anniversary (month-end snapping, BILLING.md 2). */
export type BillingSchedule = { kind: 'fixed'; day: number } | { kind: 'anniversary' }

export const DEFAULT_CUSTOMER_CODE_PATTERN = '{AREA}-{0000}'
