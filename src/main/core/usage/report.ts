import { sql } from 'kysely'
import { addMonths, calendarDate } from '@shared/dates'
import { periodLabel } from '@shared/billing'
import type { Db } from '../db'
import type { TableColumn } from '../documents'
import type { ReportTable } from '../reports'

export interface ServiceUsage {
  serviceId: number
  sid: string
  customerId: number
  customerCode: string
  customerName: string
  productId: number
  product: string
  uploadBytes: number
  downloadBytes: number
  totalBytes: number
}

export interface PackageUsage {
  productId: number
  product: string
  services: number
  uploadBytes: number
  downloadBytes: number
  totalBytes: number
  /** Total over services, rounded to a byte. */
  averageBytes: number
}

export interface MonthUsage {
  period: string
  uploadBytes: number
  downloadBytes: number
  totalBytes: number
}

export interface UsageReport {
  period: string
  totals: { services: number; uploadBytes: number; downloadBytes: number; totalBytes: number }
  /** Every service that moved traffic in the period, the heaviest first. */
  services: ServiceUsage[]
  packages: PackageUsage[]
  /** The ten heaviest services. */
  top: ServiceUsage[]
  /** The twelve months up to the period, oldest first (months without usage at 0). */
  trend: MonthUsage[]
}

export const TOP_USERS = 10

/** First day of the period and of the month after: `day >= from AND day < to`. */
export function periodDays(period: string): { from: string; to: string } {
  const from = calendarDate(`${period}-01`)
  return { from, to: addMonths(from, 1) }
}

const num = (v: unknown) => Number(v ?? 0)

export async function usageReport(db: Db, companyId: number, period: string): Promise<UsageReport> {
  const { from, to } = periodDays(period)
  const rows = await db
    .selectFrom('usage_daily as u')
    .innerJoin('services as s', 's.id', 'u.service_id')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .innerJoin('products as p', 'p.id', 's.product_id')
    .select((eb) => [
      'u.service_id as serviceId',
      's.sid as sid',
      'c.id as customerId',
      'c.code as customerCode',
      'c.name as customerName',
      'p.id as productId',
      'p.name as product',
      eb.fn.sum<number>('u.upload_bytes').as('up'),
      eb.fn.sum<number>('u.download_bytes').as('down'),
    ])
    .where('u.company_id', '=', companyId)
    .where('u.day', '>=', from)
    .where('u.day', '<', to)
    .groupBy(['u.service_id', 's.sid', 'c.id', 'c.code', 'c.name', 'p.id', 'p.name'])
    .execute()
  const services: ServiceUsage[] = rows
    .map((r) => ({
      serviceId: r.serviceId,
      sid: r.sid,
      customerId: r.customerId,
      customerCode: r.customerCode,
      customerName: r.customerName,
      productId: r.productId,
      product: r.product,
      uploadBytes: num(r.up),
      downloadBytes: num(r.down),
      totalBytes: num(r.up) + num(r.down),
    }))
    .sort((a, b) => b.totalBytes - a.totalBytes || a.customerCode.localeCompare(b.customerCode))
  const byPackage = new Map<number, PackageUsage>()
  for (const s of services) {
    const p = byPackage.get(s.productId) ?? {
      productId: s.productId,
      product: s.product,
      services: 0,
      uploadBytes: 0,
      downloadBytes: 0,
      totalBytes: 0,
      averageBytes: 0,
    }
    p.services += 1
    p.uploadBytes += s.uploadBytes
    p.downloadBytes += s.downloadBytes
    p.totalBytes += s.totalBytes
    byPackage.set(s.productId, p)
  }
  const packages = [...byPackage.values()]
    .map((p) => ({ ...p, averageBytes: Math.round(p.totalBytes / p.services) }))
    .sort((a, b) => b.totalBytes - a.totalBytes)
  const sum = (k: 'uploadBytes' | 'downloadBytes') => services.reduce((n, s) => n + s[k], 0)
  return {
    period,
    totals: {
      services: services.length,
      uploadBytes: sum('uploadBytes'),
      downloadBytes: sum('downloadBytes'),
      totalBytes: sum('uploadBytes') + sum('downloadBytes'),
    },
    services,
    packages,
    top: services.slice(0, TOP_USERS),
    trend: await usageTrend(db, companyId, period),
  }
}

/** The company's usage per month for the twelve months up to `period`. */
export async function usageTrend(
  db: Db,
  companyId: number,
  period: string,
  serviceId?: number,
): Promise<MonthUsage[]> {
  const first = addMonths(calendarDate(`${period}-01`), -11)
  const { to } = periodDays(period)
  const month = sql<string>`substr(u.day, 1, 7)`
  let q = db
    .selectFrom('usage_daily as u')
    .select((eb) => [
      month.as('period'),
      eb.fn.sum<number>('u.upload_bytes').as('up'),
      eb.fn.sum<number>('u.download_bytes').as('down'),
    ])
    .where('u.company_id', '=', companyId)
    .where('u.day', '>=', first)
    .where('u.day', '<', to)
    .groupBy(month)
  if (serviceId !== undefined) q = q.where('u.service_id', '=', serviceId)
  const found = new Map((await q.execute()).map((r) => [r.period, r]))
  const out: MonthUsage[] = []
  for (let i = 0; i < 12; i++) {
    const p = addMonths(first, i).slice(0, 7)
    const r = found.get(p)
    const up = num(r?.up)
    const down = num(r?.down)
    out.push({ period: p, uploadBytes: up, downloadBytes: down, totalBytes: up + down })
  }
  return out
}

/**
 * Bytes in hundredths of a decimal GB (1 GB = 10^9 bytes), to the nearest, half up: the unit the
 * report shows and usage billing (rule 17) charges, so an invoice's GB are the report's GB.
 */
export const centiGb = (bytes: number) => Math.round(bytes / 1e7)

/** Bytes as decimal GB with two decimals: how the report's tables and exports show usage. */
export const gb = (bytes: number) => centiGb(bytes) / 100

const gbColumn = (key: string, label: string): TableColumn => ({ key, label, kind: 'number' })

/** The report's per-service table (heaviest first) for the CLI, Excel and PDF. */
export function usageTable(r: UsageReport): ReportTable {
  return {
    title: 'Pemakaian data per layanan',
    subtitle: `Periode ${periodLabel(r.period)} · ${r.totals.services} layanan · dalam GB (1 GB = 1.000.000.000 byte)`,
    slug: `pemakaian-${r.period}`,
    columns: [
      { key: 'customer', label: 'ID pelanggan' },
      { key: 'name', label: 'Nama', width: 1.8 },
      { key: 'sid', label: 'SID' },
      { key: 'product', label: 'Paket', width: 1.4 },
      gbColumn('download', 'Unduh (GB)'),
      gbColumn('upload', 'Unggah (GB)'),
      gbColumn('total', 'Total (GB)'),
    ],
    rows: r.services.map((s) => ({
      customer: s.customerCode,
      name: s.customerName,
      sid: s.sid,
      product: s.product,
      download: gb(s.downloadBytes),
      upload: gb(s.uploadBytes),
      total: gb(s.totalBytes),
    })),
    totals: {
      customer: 'Total',
      download: gb(r.totals.downloadBytes),
      upload: gb(r.totals.uploadBytes),
      total: gb(r.totals.totalBytes),
    },
  }
}

export interface CustomerServiceUsage {
  serviceId: number
  sid: string
  product: string
  /** The twelve months up to the period, oldest first; the last one is the period itself. */
  trend: MonthUsage[]
}

/** A customer's services with their usage per month, for the customer page. */
export async function customerUsage(
  db: Db,
  companyId: number,
  customerId: number,
  period: string,
): Promise<CustomerServiceUsage[]> {
  const services = await db
    .selectFrom('services as s')
    .innerJoin('products as p', 'p.id', 's.product_id')
    .select(['s.id', 's.sid', 'p.name as product'])
    .where('s.company_id', '=', companyId)
    .where('s.customer_id', '=', customerId)
    .orderBy('s.id')
    .execute()
  return Promise.all(
    services.map(async (s) => ({
      serviceId: s.id,
      sid: s.sid,
      product: s.product,
      trend: await usageTrend(db, companyId, period, s.id),
    })),
  )
}
