import { z } from 'zod'
import { ROLES } from '../permissions'
import {
  idSchema,
  newPasswordSchema,
  optionalEmailSchema,
  optionalPhoneSchema,
  passwordBesideUsername,
  requiredText,
  searchText,
  usernameSchema,
} from './common'

export const roleSchema = z.enum(ROLES, { message: 'validation.role' })

export const loginInput = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, { message: 'validation.required' })
    .max(64, { message: 'validation.too_long' }),
  password: z
    .string()
    .min(1, { message: 'validation.required' })
    .max(200, { message: 'validation.too_long' }),
})

export const changePasswordInput = z.object({
  currentPassword: z
    .string()
    .min(1, { message: 'validation.required' })
    .max(200, { message: 'validation.too_long' }),
  newPassword: newPasswordSchema,
})

const userFields = {
  name: requiredText(120),
  phone: optionalPhoneSchema,
  email: optionalEmailSchema,
  role: roleSchema,
}

export const userCreateInput = z
  .object({
    ...userFields,
    username: usernameSchema,
    password: newPasswordSchema,
  })
  .superRefine(passwordBesideUsername)
export type UserCreateInput = z.input<typeof userCreateInput>

export const userUpdateInput = z.object({ id: idSchema, ...userFields })
export type UserUpdateInput = z.input<typeof userUpdateInput>

export const userResetPasswordInput = z.object({ id: idSchema, password: newPasswordSchema })

export const userIdInput = z.object({ id: idSchema })

export const userListInput = z
  .object({
    search: searchText(100).optional(),
    includeInactive: z.boolean().default(true),
  })
  .default({ includeInactive: true })
