/** Indonesian texts of the billing pages. */
export const idBilling = {
  billing: { title: 'billing' },
}
