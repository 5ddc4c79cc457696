/**
 * Which article the header's "?" opens on each page: the first route prefix that matches the
 * address wins (`/customers/import` before `/customers`). A page not listed opens the index.
 */
export const HELP_FOR_ROUTE: ReadonlyArray<readonly [prefix: string, slug: string]> = [
  ['/customers/import', 'pelanggan'],
  ['/customers', 'pelanggan'],
  ['/billing', 'siklus-tagihan'],
  ['/cashier', 'kasir'],
  ['/payments', 'kasir'],
  ['/closing', 'setoran-kasir'],
  ['/reports', 'dasbor-dan-laporan'],
  ['/network', 'jaringan-router'],
  ['/olt', 'olt-dan-modem'],
  ['/hotspot', 'voucher-hotspot'],
  ['/tiket', 'tiket-keluhan'],
  ['/gudang', 'gudang'],
  ['/registrasi', 'registrasi-pelanggan'],
  ['/collections', 'alur-isolir'],
  ['/messages', 'pesan-pengingat'],
  ['/schedule', 'jadwal-tugas'],
  ['/backup', 'backup-restore'],
  ['/catalog', 'langkah-pertama'],
  ['/company', 'langkah-pertama'],
  ['/users', 'pengguna-dan-peran'],
  ['/roles', 'pengguna-dan-peran'],
  ['/devices', 'pengguna-dan-peran'],
  ['/audit', 'catatan-audit'],
  ['/about', 'tentang-loket'],
  ['/lapangan', 'hp-teknisi'],
]

/** The dashboard (`/`) has its own article too. */
const HOME_ARTICLE = 'dasbor-dan-laporan'

/** Where "?" leads from `pathname`: `/bantuan/<slug>`, or `/bantuan` itself. */
export function helpPathFor(pathname: string): string {
  if (pathname === '/') return `/bantuan/${HOME_ARTICLE}`
  if (pathname === '/bantuan' || pathname.startsWith('/bantuan/')) return '/bantuan'
  const hit = HELP_FOR_ROUTE.find(
    ([prefix]) => pathname === prefix || pathname.startsWith(`${prefix}/`),
  )
  return hit ? `/bantuan/${hit[1]}` : '/bantuan'
}
