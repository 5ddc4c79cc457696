import { PAYMENT_COLUMNS } from './parse'

// Each way of writing a method, amount and date the importer reads, so the example teaches them.
const EXAMPLES = [
  ['CBG01-0001', '150.000', 'transfer', 'BCA-20261101-0001', '01/11/2026', 'Transfer BCA'],
  ['CBG01-0002', 'Rp 200.000', 'tunai', '', '2026-11-02', 'Ditagih kolektor'],
  ['CBG01-0003', '175000', 'dana', 'DANA-88120934', '03-11-2026', ''],
]

/**
 * The example payment list: `;`-separated with a BOM, which Excel in an Indonesian locale opens
 * straight into columns (as the customer import template does).
 */
export function paymentTemplateCsv(): Buffer {
  const lines = [Object.keys(PAYMENT_COLUMNS), ...EXAMPLES].map((cells) => cells.join(';'))
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8')
}
