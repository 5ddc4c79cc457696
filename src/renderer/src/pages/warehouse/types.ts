import type { RouterOutputs } from '../../session/session'

export type ItemRow = RouterOutputs['warehouse']['items'][number]
export type WarehouseRow = RouterOutputs['warehouse']['warehouses'][number]
export type RequestRow = RouterOutputs['warehouse']['requests'][number]
