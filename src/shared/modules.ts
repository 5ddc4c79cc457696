import type { Permission } from './permissions'

/**
 * Module switches per company (the seed's "Pro Edition", without a licence lock). A module that
 * is off disappears from the menus and its API procedures answer MODULE_DISABLED; its data stays
 * in the database and is all there again when the module is switched back on.
 *
 * One entry per module: the next issues add Portal, Gudang and OLT/ACS here, each naming
 * what belongs to it. Everything a module names is checked centrally:
 * - `routers`: every procedure of these API routers (src/main/api/router.ts) belongs to it;
 * - `procedures`: single procedures (`router.name`) of routers it shares with always-on parts;
 * - `reportExports`: the `report` kinds of `reports.export` that are its reports;
 * - `permissions`: its permissions; the sidebar entries they open and the pages they guard
 *   disappear while it is off (src/renderer/src/shell/nav-items.ts, routes/gates.tsx);
 * - `reportTabs`: tabs of the Laporan page (src/renderer/src/pages/reports) hidden while it is off.
 *
 * Laporan lanjutan, decided from src/main/api/routers/reports.ts, the Dasbor and the Laporan page:
 * what an office needs every day stays on for everyone: payments and takings (`reports.payments`,
 * the cashier's counter, Dasbor), receivables and who is overdue (`reports.receivables`),
 * invoiced vs collected of a period (`reports.invoicedVsCollected`, the same collection rate the
 * Dasbor shows), the daily cash closing (Setoran kasir) and a customer's own payment history on
 * the customer page (`reports.customerPayments`, used at the counter). The analysis reports are
 * the module: revenue by package and service type (`reports.revenue`), the revenue trend against
 * the year before (`reports.revenueTrend`), customer counts per month (`reports.customers`) and
 * the CTVMS report generator (`reports.invoices`: paid/unpaid, internet/TV kabel per period),
 * with their Excel/PDF exports. The Dasbor is computed by its own core functions and is not
 * part of the module.
 *
 * Hotspot: the voucher business (profiles, batches, sales, printing). Customers whose service is
 * a hotspot login are ordinary subscribers of the network pages and are not part of it. Voucher
 * sales already made stay in the revenue reports (money that was taken); the module has no
 * scheduled job of its own, and router jobs already queued for it keep draining from the durable
 * device queue while it is off.
 */
export interface ModuleDef {
  /** Indonesian name, as the settings page, the CLI and the MODULE_DISABLED message show it. */
  label: string
  /** Indonesian: what the module is for, on the settings page. */
  description: string
  en: { label: string; description: string }
  routers: readonly string[]
  procedures: readonly string[]
  reportExports: readonly string[]
  permissions: readonly Permission[]
  reportTabs: readonly string[]
}

export const MODULES = {
  hotspot: {
    label: 'Hotspot',
    description:
      'Voucher hotspot: profil, pembuatan voucher massal, cetak, penjualan dan status di router.',
    en: {
      label: 'Hotspot',
      description:
        'Hotspot vouchers: profiles, batch generation, printing, sales and their state on the router.',
    },
    routers: ['hotspot'],
    procedures: [],
    reportExports: [],
    permissions: ['hotspot.view', 'hotspot.manage'],
    reportTabs: [],
  },
  advancedReports: {
    label: 'Laporan lanjutan',
    description:
      'Laporan analisis: pendapatan per paket, tren pendapatan, jumlah pelanggan per bulan dan laporan tagihan CTVMS. Pembayaran, piutang dan setoran kasir tetap tersedia.',
    en: {
      label: 'Advanced reports',
      description:
        'Analysis reports: revenue by package, revenue trend, customer counts per month and the CTVMS invoice report. Payments, receivables and the cash closing stay available.',
    },
    routers: [],
    procedures: [
      'reports.revenue',
      'reports.revenueTrend',
      'reports.customers',
      'reports.invoices',
    ],
    reportExports: ['revenue', 'revenueTrend', 'customers', 'invoices'],
    permissions: [],
    reportTabs: ['revenue', 'trend', 'customers', 'invoices'],
  },
  tickets: {
    label: 'Tiket',
    description:
      'Tiket keluhan dan gangguan: nomor tiket, status, penugasan ke teknisi, target SLA dan pesan ke pelanggan.',
    en: {
      label: 'Tickets',
      description:
        'Complaint and outage tickets: ticket numbers, statuses, assignment to technicians, SLA targets and customer messages.',
    },
    routers: ['tickets'],
    procedures: ['reports.tickets'],
    reportExports: ['tickets'],
    permissions: ['tickets.view', 'tickets.manage', 'tickets.supervise'],
    reportTabs: ['tickets'],
  },
  warehouse: {
    label: 'Gudang',
    description:
      'Stok barang (ONT, router, kabel, konektor) per gudang, permintaan dari instalasi dan tiket, pengeluaran ke teknisi, retur, nomor seri sampai ke pelanggan dan kartu stok.',
    en: {
      label: 'Warehouse',
      description:
        'Stock of items (ONTs, routers, cable, connectors) per warehouse, requests from installations and tickets, issues to technicians, returns, serial numbers followed to the customer and stock cards.',
    },
    routers: ['warehouse'],
    procedures: [],
    reportExports: [],
    permissions: ['warehouse.view', 'warehouse.manage'],
    reportTabs: [],
  },
  oltAcs: {
    label: 'OLT & ACS',
    description:
      'OLT lewat SNMP (daftar ONU per port PON, sinyal RX, riwayat, sinyal lemah dan ONU mati) dan ACS untuk modem pelanggan (status CPE, inform terakhir, WiFi, reboot dan ubah kata sandi WiFi).',
    en: {
      label: 'OLT & ACS',
      description:
        'OLTs over SNMP (ONUs per PON port, RX signal, history, weak and offline ONUs) and the ACS for customers’ modems (CPE status, last inform, WiFi, reboot and WiFi password changes).',
    },
    routers: ['olt', 'acs', 'topology'],
    procedures: [],
    reportExports: [],
    permissions: ['olt.view', 'network.olt', 'network.acs', 'network.outage'],
    reportTabs: [],
  },
  portal: {
    label: 'Portal pelanggan',
    description:
      'Portal pelanggan di /portal: masuk dengan kode WhatsApp, tagihan dan PDF, riwayat, layanan, bayar online, profil, keluhan, kontak dan pendaftaran mandiri.',
    en: {
      label: 'Customer portal',
      description:
        'The customer portal at /portal: sign-in by WhatsApp code, invoices and PDFs, history, services, online payment, profile, complaints, contacts and self-registration.',
    },
    routers: ['portal'],
    procedures: ['customers.openPortal', 'company.portalSettings', 'company.savePortalSettings'],
    reportExports: [],
    permissions: ['portal.impersonate'],
    reportTabs: [],
  },
} as const satisfies Record<string, ModuleDef>

export type ModuleKey = keyof typeof MODULES
export const MODULE_KEYS = Object.keys(MODULES) as ModuleKey[]

/** Which modules are on; a key never saved is on (existing operators lose nothing). */
export type ModuleState = Record<ModuleKey, boolean>

export const DEFAULT_MODULES: ModuleState = Object.fromEntries(
  MODULE_KEYS.map((key) => [key, true]),
) as ModuleState

export function isModuleKey(value: string): value is ModuleKey {
  return Object.hasOwn(MODULES, value)
}

/** The stored JSON (null: never saved) as a full state; unknown keys and non-booleans ignored. */
export function modulesFrom(json: string | null | undefined): ModuleState {
  const state = { ...DEFAULT_MODULES }
  if (json == null) return state
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch {
    return state
  }
  if (typeof parsed !== 'object' || parsed === null) return state
  for (const [key, value] of Object.entries(parsed)) {
    if (isModuleKey(key) && typeof value === 'boolean') state[key] = value
  }
  return state
}

const BY_ROUTER = new Map<string, ModuleKey>()
const BY_PROCEDURE = new Map<string, ModuleKey>()
const BY_EXPORT = new Map<string, ModuleKey>()
const BY_PERMISSION = new Map<string, ModuleKey>()
const BY_REPORT_TAB = new Map<string, ModuleKey>()
for (const key of MODULE_KEYS) {
  const def: ModuleDef = MODULES[key]
  for (const r of def.routers) BY_ROUTER.set(r, key)
  for (const p of def.procedures) BY_PROCEDURE.set(p, key)
  for (const e of def.reportExports) BY_EXPORT.set(e, key)
  for (const p of def.permissions) BY_PERMISSION.set(p, key)
  for (const tab of def.reportTabs) BY_REPORT_TAB.set(tab, key)
}

function exportKind(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined
  const request = (input as { request?: unknown }).request
  if (typeof request !== 'object' || request === null) return undefined
  const report = (request as { report?: unknown }).report
  return typeof report === 'string' ? report : undefined
}

/** The module an API call belongs to (path `router.procedure` and its raw input), or null. */
export function moduleOfCall(path: string, input?: unknown): ModuleKey | null {
  const byPath = BY_PROCEDURE.get(path) ?? BY_ROUTER.get(path.split('.')[0] ?? '')
  if (byPath) return byPath
  if (path === 'reports.export') return BY_EXPORT.get(exportKind(input) ?? '') ?? null
  return null
}

/** The module a permission belongs to (its menu and pages go with it), or null. */
export function moduleOfPermission(permission: string): ModuleKey | null {
  return BY_PERMISSION.get(permission) ?? null
}

/** The module a tab of the Laporan page belongs to, or null (always shown). */
export function moduleOfReportTab(tab: string): ModuleKey | null {
  return BY_REPORT_TAB.get(tab) ?? null
}

/** The details MODULE_DISABLED carries: the key and the name in both languages. */
export function moduleDisabledDetails(key: ModuleKey): Record<string, string> {
  return { module: key, name: MODULES[key].label, nameEn: MODULES[key].en.label }
}
