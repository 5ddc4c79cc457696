import type { idBilling } from './id-billing'

/** English texts of the billing pages; same keys as `id-billing.ts`. */
export const enBilling: typeof idBilling = {
  billing: { title: 'billing' },
}
