/** Indonesian texts of the cashier pages. */
export const idCashier = {
  cashier: { title: 'cashier' },
}
