import { z } from 'zod'
import { STOCK_REQUEST_FOR, STOCK_REQUEST_STATUSES, STOCK_UNITS } from '../warehouse'
import { calendarDateSchema, idSchema, requiredText, trimmed } from './common'

/** Optional text that also takes null (what the core's own output gives back to it). */
const optionalText = (max: number) =>
  z
    .union([z.null(), trimmed(max)])
    .optional()
    .transform((v) => (v ? v : null))

const quantity = z
  .number({ message: 'validation.quantity' })
  .int({ message: 'validation.quantity' })
  .min(1, { message: 'validation.quantity' })
  .max(1_000_000, { message: 'validation.quantity' })

const serialText = z
  .string()
  .trim()
  .min(1, { message: 'validation.required' })
  .max(60, { message: 'validation.too_long' })

/** Serial numbers of a movement: each once. */
const serials = z
  .array(serialText)
  .max(1000, { message: 'validation.too_long' })
  .refine((list) => new Set(list.map((s) => s.toUpperCase())).size === list.length, {
    message: 'validation.serial_duplicate',
  })
  .default([])

export const stockItemInput = z.object({
  id: idSchema.optional(),
  name: requiredText(80),
  unit: z.enum(STOCK_UNITS, { message: 'validation.required' }),
  serial: z.boolean().default(false),
  lowThreshold: z
    .number({ message: 'validation.out_of_range' })
    .int({ message: 'validation.out_of_range' })
    .min(0, { message: 'validation.out_of_range' })
    .max(1_000_000, { message: 'validation.out_of_range' })
    .default(0),
  active: z.boolean().default(true),
})
export type StockItemInput = z.input<typeof stockItemInput>

export const warehouseInput = z.object({
  id: idSchema.optional(),
  name: requiredText(80),
  address: optionalText(200),
  active: z.boolean().default(true),
})
export type WarehouseInput = z.input<typeof warehouseInput>

/** Stock received into a warehouse (a purchase, the opening count). */
export const stockInInput = z
  .object({
    itemId: idSchema,
    warehouseId: idSchema,
    qty: quantity,
    serials,
    note: optionalText(200),
  })
  .refine((v) => v.serials.length === 0 || v.serials.length === v.qty, {
    message: 'validation.serial_count',
    path: ['serials'],
  })
export type StockInInput = z.input<typeof stockInInput>

/** A count's correction: the warehouse's balance becomes `qty` (not for serial items). */
export const stockAdjustInput = z.object({
  itemId: idSchema,
  warehouseId: idSchema,
  qty: z
    .number({ message: 'validation.quantity' })
    .int({ message: 'validation.quantity' })
    .min(0, { message: 'validation.quantity' }),
  note: requiredText(200),
})
export type StockAdjustInput = z.input<typeof stockAdjustInput>

const line = z.object({ itemId: idSchema, qty: quantity })

export const createStockRequestInput = z.object({
  forKind: z.enum(STOCK_REQUEST_FOR).nullable().default(null),
  forId: idSchema.nullable().default(null),
  warehouseId: idSchema,
  technicianId: idSchema.nullable().default(null),
  customerId: idSchema.nullable().default(null),
  serviceId: idSchema.nullable().default(null),
  lines: z
    .array(line)
    .min(1, { message: 'validation.stock_lines_required' })
    .max(50, { message: 'validation.too_long' })
    .refine((ls) => new Set(ls.map((l) => l.itemId)).size === ls.length, {
      message: 'validation.stock_line_duplicate',
    }),
  note: optionalText(200),
})
export type CreateStockRequestInput = z.input<typeof createStockRequestInput>

export const decideStockRequestInput = z
  .object({
    id: idSchema,
    approve: z.boolean(),
    reason: optionalText(200),
  })
  .refine((v) => v.approve || !!v.reason, {
    message: 'validation.reject_reason_required',
    path: ['reason'],
  })
export type DecideStockRequestInput = z.input<typeof decideStockRequestInput>

/** Issuing an approved request: to its technician (or the one named now), with the serials. */
export const issueStockRequestInput = z.object({
  id: idSchema,
  technicianId: idSchema.nullable().default(null),
  /** Serial numbers per serial-numbered item id. */
  serials: z.record(z.string(), serials).default({}),
})
export type IssueStockRequestInput = z.input<typeof issueStockRequestInput>

/** Issue without a request: warehouse → technician. */
export const stockIssueInput = z.object({
  itemId: idSchema,
  warehouseId: idSchema,
  technicianId: idSchema,
  qty: quantity,
  serials,
  customerId: idSchema.nullable().default(null),
  serviceId: idSchema.nullable().default(null),
  note: optionalText(200),
})
export type StockIssueInput = z.input<typeof stockIssueInput>

/** Back to a warehouse: from a technician's hand, or a unit taken back from a customer. */
export const stockReturnInput = z.object({
  itemId: idSchema,
  warehouseId: idSchema,
  /** The technician returning it; null: a serial unit taken back from a customer. */
  technicianId: idSchema.nullable().default(null),
  qty: quantity,
  serials,
  note: optionalText(200),
})
export type StockReturnInput = z.input<typeof stockReturnInput>

/**
 * What a technician used on a job: from his own hand (what was issued to him) or, with
 * `warehouseId`, straight from a warehouse; linked to the service it went into.
 */
export const useStockInput = z.object({
  itemId: idSchema,
  technicianId: idSchema,
  warehouseId: idSchema.nullable().default(null),
  qty: quantity,
  serials,
  serviceId: idSchema.nullable().default(null),
  customerId: idSchema.nullable().default(null),
  note: optionalText(200),
})
export type UseStockInput = z.input<typeof useStockInput>

export const stockCardInput = z.object({
  itemId: idSchema,
  warehouseId: idSchema.nullable().default(null),
  from: calendarDateSchema.nullable().default(null),
  to: calendarDateSchema.nullable().default(null),
})
export type StockCardInput = z.input<typeof stockCardInput>

export const stockRequestListInput = z.object({
  status: z.enum(STOCK_REQUEST_STATUSES).nullable().default(null),
  forKind: z.enum(STOCK_REQUEST_FOR).nullable().default(null),
  forId: idSchema.nullable().default(null),
})
export type StockRequestListInput = z.input<typeof stockRequestListInput>
