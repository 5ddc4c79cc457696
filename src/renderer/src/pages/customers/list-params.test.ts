import { describe, expect, it } from 'vitest'
import { customerListInput } from '@shared/schemas'
import {
  DEFAULT_FILTERS,
  effectiveSort,
  listInput,
  listParams,
  parseListParams,
} from './list-params'

describe('customer list URL', () => {
  it('round-trips every filter, the sort and the search', () => {
    const filters = {
      q: 'budi 0812',
      status: ['aktif' as const, 'isolir' as const],
      areaId: 3,
      productId: 7,
      category: 'bisnis' as const,
      sort: 'created' as const,
      dir: 'desc' as const,
    }
    const url = listParams(filters).toString()
    expect(url).toBe(
      'q=budi+0812&status=aktif%2Cisolir&area=3&product=7&category=bisnis&sort=created&dir=desc',
    )
    expect(parseListParams(new URLSearchParams(url))).toEqual(filters)
  })

  it('keeps a plain list at a plain URL', () => {
    expect(listParams(DEFAULT_FILTERS).toString()).toBe('')
    expect(parseListParams(new URLSearchParams())).toEqual(DEFAULT_FILTERS)
  })

  it('ignores values a hand-edited URL got wrong', () => {
    const parsed = parseListParams(
      new URLSearchParams('status=aktif,nope&area=-1&product=x&category=king&sort=price&dir=up'),
    )
    expect(parsed).toEqual({ ...DEFAULT_FILTERS, status: ['aktif'] })
  })

  it('asks the API for one page in a form its schema accepts', () => {
    const input = listInput({ ...DEFAULT_FILTERS, status: ['putus'] }, 400, 200)
    expect(customerListInput.parse(input)).toMatchObject({
      status: ['putus'],
      offset: 400,
      limit: 200,
    })
  })

  it('a search without a sort asks for the ranked list; an explicit sort stays in the URL', () => {
    const searched = parseListParams(new URLSearchParams('q=tri+ning'))
    expect(effectiveSort(searched)).toBeNull()
    expect(listInput(searched, 0, 200).sort).toBeUndefined()
    expect(effectiveSort(DEFAULT_FILTERS)).toBe('name')
    const byName = { ...searched, sort: 'name' as const }
    expect(listParams(byName).toString()).toBe('q=tri+ning&sort=name')
    expect(listInput(parseListParams(listParams(byName)), 0, 200).sort).toBe('name')
  })
})
