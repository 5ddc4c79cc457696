import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { expect } from './fixtures'
import type { LayoutData } from './layout-data'

export interface Stop {
  /** How the failure names the page: "Laporan › Piutang". */
  name: string
  /** The route of app-routes.tsx this stop opens. */
  route: string
  url: string
  /** What shows once the page's data is there. */
  ready: (page: Page) => Locator
  /** Steps after the page loads (pick a customer, read the router, switch a view). */
  then?: (page: Page) => Promise<void>
}

const id = (testId: string) => (page: Page) => page.getByTestId(testId).first()
const tabTable = (page: Page) => page.getByRole('tabpanel').locator('table').first()
const heading = (page: Page) => page.getByRole('heading').first()

/** Every page and tab of the app with data on it, in the order a person would meet them. */
export function layoutStops(d: LayoutData): Stop[] {
  return [
    { name: 'Beranda', route: '/', url: '', ready: id('dashboard-today') },
    { name: 'Pelanggan', route: '/customers', url: 'customers', ready: id('customer-row') },
    {
      name: 'Impor pelanggan',
      route: '/customers/import',
      url: 'customers/import',
      ready: heading,
    },
    {
      name: 'Pelanggan (tagihan & pembayaran)',
      route: '/customers/:id',
      url: `customers/${d.customer.id}`,
      ready: id('statement-row'),
    },
    {
      name: 'Pelanggan (riwayat pembayaran)',
      route: '/customers/:id',
      url: `customers/${d.customer.id}`,
      ready: id('payment-history-row'),
      then: async (page) => {
        await page.getByTestId('customer-payment-history').scrollIntoViewIfNeeded()
      },
    },
    {
      name: 'Pelanggan (dari router, isolir)',
      route: '/customers/:id',
      url: `customers/${d.routerCustomerId}`,
      ready: id('service-card'),
    },
    {
      name: 'Pelanggan (penanganan gangguan)',
      route: '/customers/:id',
      url: `customers/${d.routerCustomerId}?tab=gangguan`,
      ready: id('trouble-session-row'),
    },
    { name: 'Tagihan', route: '/billing', url: 'billing', ready: id('invoice-row') },
    {
      name: 'Tagihan (satu invoice)',
      route: '/billing/:id',
      url: `billing/${d.invoiceId}`,
      ready: id('invoice-credit-notes'),
    },
    {
      name: 'Kasir',
      route: '/cashier',
      url: 'cashier',
      ready: id('cashier-today-row'),
      then: async (page) => {
        await page.getByLabel('Cari pelanggan').fill(d.customer.code)
        await expect(page.getByTestId('cashier-result')).toHaveCount(1)
        await page.keyboard.press('Enter')
        await expect(page.getByTestId('cashier-due')).toBeVisible()
      },
    },
    { name: 'Pembayaran', route: '/payments', url: 'payments', ready: id('payment-row') },
    { name: 'Impor pembayaran', route: '/payments/import', url: 'payments/import', ready: heading },
    { name: 'Setoran kasir', route: '/closing', url: 'closing', ready: id('closing-summary') },
    {
      name: 'Laporan › Piutang',
      route: '/reports',
      url: 'reports',
      ready: id('receivables-table'),
    },
    {
      name: 'Laporan › Piutang per tagihan',
      route: '/reports',
      url: 'reports',
      ready: id('receivables-table'),
      then: async (page) => {
        await page.getByRole('switch', { name: 'Per tagihan' }).check()
        await expect(page.getByRole('columnheader', { name: 'Hari lewat' })).toBeVisible()
      },
    },
    {
      name: 'Laporan › Ditagih vs diterima',
      route: '/reports',
      url: 'reports?tab=collection',
      ready: tabTable,
    },
    {
      name: 'Laporan › Pembayaran',
      route: '/reports',
      url: 'reports?tab=payments',
      ready: tabTable,
    },
    {
      name: 'Laporan › Pendapatan',
      route: '/reports',
      url: 'reports?tab=revenue',
      ready: tabTable,
    },
    {
      name: 'Laporan › Tren pendapatan',
      route: '/reports',
      url: 'reports?tab=trend',
      ready: id('revenue-trend-table'),
    },
    {
      name: 'Laporan › Daftar tagihan',
      route: '/reports',
      url: 'reports?tab=invoices',
      // This month may have no invoices yet in the layout data: the filter bar is what is checked.
      ready: (page) => page.getByRole('tabpanel').getByRole('button', { name: 'Excel' }),
    },
    {
      name: 'Laporan › Pelanggan',
      route: '/reports',
      url: 'reports?tab=customers',
      ready: id('customers-table'),
    },
    {
      name: 'Laporan › Tiket',
      route: '/reports',
      url: 'reports?tab=tickets',
      // The layout data may hold no tickets: the range and export bar is what is checked.
      ready: (page) => page.getByRole('tabpanel').getByRole('button', { name: 'Excel' }),
    },
    {
      name: 'Laporan › Pemakaian',
      route: '/reports',
      url: 'reports?tab=usage',
      // The layout data holds no collected usage: the period field (and the empty state) is checked.
      ready: (page) => page.getByRole('tabpanel').getByLabel('Periode'),
    },
    { name: 'Jaringan › Router', route: '/network', url: 'network', ready: id('router-row') },
    {
      name: 'Jaringan › Antrean router',
      route: '/network',
      url: 'network?tab=jobs',
      ready: heading,
      then: async (page) => {
        await page.getByText('Selesai', { exact: true }).click()
        await expect(page.getByTestId('job-row').first()).toBeVisible()
      },
    },
    {
      name: 'Jaringan › Isolir massal',
      route: '/network',
      url: 'network?tab=batch',
      ready: id('batch-row'),
    },
    {
      name: 'Jaringan › Online',
      route: '/network',
      url: 'network?tab=online',
      ready: id('session-row'),
    },
    {
      name: 'Jaringan › Rekonsiliasi',
      route: '/network',
      url: 'network?tab=reconcile',
      ready: id('reconcile-row'),
    },
    {
      name: 'Jaringan › Skrip isolir',
      route: '/network',
      url: 'network?tab=setup',
      ready: id('isolir-script'),
    },
    {
      name: 'Impor dari router',
      route: '/network/import',
      url: 'network/import',
      ready: heading,
      then: async (page) => {
        await page.getByRole('button', { name: 'Baca router' }).click()
        await expect(page.getByTestId('router-import-row').first()).toBeVisible()
      },
    },
    {
      name: 'Hotspot › Batch',
      route: '/hotspot',
      url: 'hotspot',
      ready: id('hotspot-batch-row'),
    },
    {
      name: 'Hotspot › Profil',
      route: '/hotspot',
      url: 'hotspot?tab=profiles',
      ready: id('hotspot-profiles'),
    },
    {
      name: 'Hotspot › Satu batch',
      route: '/hotspot',
      url: `hotspot?batch=${d.batchId}`,
      ready: id('hotspot-voucher'),
    },
    { name: 'Tiket', route: '/tiket', url: 'tiket', ready: id('ticket-row') },
    {
      name: 'Tiket (satu tiket)',
      route: '/tiket/:id',
      url: `tiket/${d.ticketId}`,
      ready: id('ticket-event'),
    },
    {
      name: 'Penagihan › Pengingat',
      route: '/collections',
      url: 'collections',
      ready: id('reminder-row'),
    },
    {
      name: 'Penagihan › Isolir otomatis',
      route: '/collections',
      url: 'collections?tab=isolir',
      ready: id('isolir-row'),
    },
    {
      name: 'Penagihan › Janji bayar',
      route: '/collections',
      url: 'collections?tab=promises',
      ready: id('promise-row'),
    },
    {
      name: 'Penagihan › Kebijakan',
      route: '/collections',
      url: 'collections?tab=policy',
      ready: id('collections-policy'),
    },
    { name: 'Pesan › Riwayat', route: '/messages', url: 'messages', ready: id('message-row') },
    {
      name: 'Pesan › Template',
      route: '/messages',
      url: 'messages?tab=templates',
      ready: id('template-preview-body'),
    },
    {
      name: 'Pesan › Broadcast',
      route: '/messages',
      url: 'messages?tab=broadcast',
      ready: id('audience-summary'),
    },
    {
      name: 'Pesan › Saluran',
      route: '/messages',
      url: 'messages?tab=channels',
      ready: id('channel-status'),
    },
    { name: 'Jadwal & riwayat', route: '/schedule', url: 'schedule', ready: id('run-row') },
    { name: 'Backup & Restore', route: '/backup', url: 'backup', ready: id('backup-verified') },
    { name: 'Gudang › Stok', route: '/gudang', url: 'gudang', ready: id('stock-row') },
    { name: 'OLT & ONU', route: '/olt', url: 'olt', ready: id('olt-row') },
    { name: 'OLT & ONU › ONU', route: '/olt', url: 'olt?tab=onus', ready: id('onu-row') },
    {
      name: 'OLT & ONU › Sinyal lemah',
      route: '/olt',
      url: 'olt?tab=weak',
      ready: id('report-row'),
    },
    {
      name: 'OLT & ONU › Topologi',
      route: '/olt',
      url: 'olt?tab=topologi',
      ready: id('topology-tree'),
      then: async (page) => {
        await page.getByRole('button', { name: 'Buka semua' }).click()
        await expect(page.getByTestId('odp-node').first()).toBeVisible()
      },
    },
    {
      name: 'OLT & ONU › Gangguan massal',
      route: '/olt',
      url: 'olt?tab=gangguan',
      ready: id('outage-row'),
    },
    {
      name: 'Gudang › Barang',
      route: '/gudang',
      url: 'gudang?tab=items',
      ready: id('items-table'),
    },
    {
      name: 'Gudang › Permintaan',
      route: '/gudang',
      url: 'gudang?tab=requests',
      ready: id('request-row'),
    },
    { name: 'Gudang › Mutasi', route: '/gudang', url: 'gudang?item=2', ready: id('card-row') },
    {
      name: 'Gudang › Nomor seri',
      route: '/gudang',
      url: 'gudang?tab=serials',
      ready: id('serials-table'),
    },
    {
      name: 'Registrasi',
      route: '/registrasi',
      url: 'registrasi',
      ready: id('registration-board'),
    },
    { name: 'Katalog › Paket', route: '/catalog', url: 'catalog', ready: id('product-row') },
    { name: 'Katalog › Area', route: '/catalog', url: 'catalog?tab=areas', ready: id('area-row') },
    { name: 'Katalog › POP', route: '/catalog', url: 'catalog?tab=pops', ready: id('pop-row') },
    {
      name: 'Katalog › Daftar harga',
      route: '/catalog',
      url: 'catalog?tab=priceLists',
      ready: id('price-list-row'),
    },
    { name: 'Pengguna', route: '/users', url: 'users', ready: id('user-row') },
    { name: 'Perangkat aktif', route: '/devices', url: 'devices', ready: id('session-row') },
    { name: 'Peran & izin', route: '/roles', url: 'roles', ready: id('roles-matrix') },
    { name: 'Perusahaan', route: '/company', url: 'company', ready: id('billing-settings') },
    { name: 'Audit', route: '/audit', url: 'audit', ready: id('audit-row') },
    { name: 'Tentang Loket', route: '/about', url: 'about', ready: id('about-details') },
    { name: 'Bantuan', route: '/bantuan', url: 'bantuan', ready: id('help-article-card') },
    {
      name: 'Bantuan › Pengguna dan peran (tabel)',
      route: '/bantuan/:slug',
      url: 'bantuan/pengguna-dan-peran',
      ready: id('help-article'),
    },
    {
      name: 'Bantuan › Dasbor dan laporan (tabel)',
      route: '/bantuan/:slug',
      url: 'bantuan/dasbor-dan-laporan',
      ready: id('help-article'),
      then: async (page) => {
        await page.getByRole('table').first().scrollIntoViewIfNeeded()
      },
    },
    { name: 'Ganti kata sandi', route: '/change-password', url: 'change-password', ready: heading },
    { name: 'Lupa kata sandi', route: '/forgot-password', url: 'forgot-password', ready: heading },
    { name: 'Tidak ditemukan', route: '*', url: 'tidak-ada', ready: heading },
  ]
}

/** Every `path="…"` of the router, and `/` for its index route. */
export function appRoutes(): string[] {
  const file = path.resolve(import.meta.dirname, '../../src/renderer/src/routes/app-routes.tsx')
  const paths = [...readFileSync(file, 'utf8').matchAll(/path="([^"]+)"/g)].map((m) => m[1]!)
  return ['/', ...paths]
}
