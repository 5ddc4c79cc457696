import type { idCashier } from './id-cashier'

/** English texts of the cashier pages; same keys as `id-cashier.ts`. */
export const enCashier: typeof idCashier = {
  cashier: { title: 'cashier' },
}
