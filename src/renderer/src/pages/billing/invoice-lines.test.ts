import { describe, expect, it } from 'vitest'
import { groupLines } from './invoice-lines'
import type { InvoiceLine } from './types'

const line = (o: Partial<InvoiceLine>): InvoiceLine =>
  ({
    id: 1,
    kind: 'recurring',
    description: 'Kuota 100',
    serviceId: 7,
    sid: 'SID-0007',
    productId: 3,
    productName: 'Kuota 100',
    serviceType: 'pppoe',
    downloadKbps: 20_000,
    periodStart: '2026-12-01',
    periodEnd: '2027-01-01',
    amount: 150_000,
    ...o,
  }) as InvoiceLine

describe('invoice lines on the page, grouped like the printed invoice', () => {
  it('a usage charge (rule 17) has its own group, apart from other charges', () => {
    const groups = groupLines([
      line({}),
      line({
        id: 2,
        kind: 'usage',
        description: 'Kelebihan pemakaian 12,35 GB × Rp2.000 — November 2026',
        productId: null,
        productName: null,
        periodStart: '2026-11-01',
        periodEnd: '2026-12-01',
        amount: 24_700,
      }),
      line({
        id: 3,
        kind: 'one_time',
        description: 'Denda',
        productId: null,
        productName: null,
        amount: 25_000,
      }),
    ])
    expect(groups.map((g) => [g.key, g.name, g.subtotal, g.lines.length])).toEqual([
      ['3', 'Kuota 100', 150_000, 1],
      ['usage', null, 24_700, 1],
      ['other', null, 25_000, 1],
    ])
  })
})
