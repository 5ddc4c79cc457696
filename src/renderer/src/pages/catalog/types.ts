import type { RouterOutputs } from '../../session/session'

export type AreaRow = RouterOutputs['catalog']['areas'][number]
export type ProductRow = RouterOutputs['catalog']['products'][number]
export type PopRow = RouterOutputs['catalog']['pops'][number]
export type PriceListRow = RouterOutputs['catalog']['priceLists'][number]
export type PriceHistoryRow = RouterOutputs['catalog']['priceHistory'][number]

/** Which dialog of a catalogue tab is open: a new record, or the one being edited. */
export type EditDialog<T> = { record: T | null } | null
