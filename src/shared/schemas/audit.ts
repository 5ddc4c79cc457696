import { z } from 'zod'
import { calendarDateSchema, idSchema } from './common'

export const auditListInput = z.object({
  from: calendarDateSchema.optional(),
  to: calendarDateSchema.optional(),
  userId: idSchema.optional(),
  action: z.string().trim().max(100).optional(),
  /** Entries with an id below this one (the page before). */
  beforeId: idSchema.optional(),
  limit: z.number().int().min(1).max(500).default(100),
})
export type AuditListInput = z.input<typeof auditListInput>
