import { z } from 'zod'
import { isPermission, type Permission } from '../permissions'
import { roleSchema } from './users'

export const roleUpdateInput = z.object({
  role: roleSchema,
  permissions: z
    .array(z.string())
    .max(200)
    .refine((list) => list.every(isPermission), { message: 'validation.permission' })
    .transform((list) => [...new Set(list)] as Permission[]),
})
export type RoleUpdateInput = z.input<typeof roleUpdateInput>
