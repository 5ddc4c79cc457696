import { describe, expect, it } from 'vitest'
import {
  NO_TICKET_FILTERS,
  parseTicketParams,
  ticketListInput,
  ticketParams,
} from './ticket-params'

describe('the ticket list in the URL', () => {
  it('reads back what it wrote', () => {
    const f = {
      ...NO_TICKET_FILTERS,
      status: 'open' as const,
      priority: 'darurat' as const,
      category: 'gangguan',
      assigneeId: 4,
      q: 'ZTEG',
    }
    expect(parseTicketParams(ticketParams(f))).toEqual(f)
  })

  it('drops a hand-edited value instead of failing', () => {
    const f = parseTicketParams(new URLSearchParams('status=tutup&priority=x&assignee=abc'))
    expect(f).toEqual(NO_TICKET_FILTERS)
  })

  it('"still open" asks the API for every open status', () => {
    expect(ticketListInput({ ...NO_TICKET_FILTERS, status: 'open' }, 50)).toMatchObject({
      open: true,
      limit: 50,
    })
    expect(ticketListInput({ ...NO_TICKET_FILTERS, status: 'selesai' }, 50)).toMatchObject({
      status: 'selesai',
    })
  })
})
