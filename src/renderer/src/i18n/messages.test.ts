import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { ERROR_CODES } from '@shared/errors'
import { importMessagesId } from '@shared/messages/import'
import { AUDIT_ACTIONS } from '@shared/audit-actions'
import { DEVICE_JOB_KINDS } from '@shared/device-jobs'
import { PERMISSION_KEYS, ROLES } from '@shared/permissions'
import {
  areaInput,
  auditListInput,
  customerCreateInput,
  productInput,
  roleUpdateInput,
  serviceCreateInput,
  setupInput,
  userCreateInput,
} from '@shared/schemas'
import { errorMessage } from '../api/errors'
import { en } from './en'
import { id } from './id'

type Tree = { [key: string]: string | Tree }

function lookup(tree: Tree, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Tree | undefined)?.[part], tree)
}

function leafKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value, `${prefix}${key}.`),
  )
}

function messagesOf(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input)
  return result.success ? [] : result.error.issues.map((issue) => issue.message)
}

/** The `validation.*` keys the shared schemas produce for bad input, found by feeding them some. */
function schemaValidationKeys(): string[] {
  const bad = { name: '', username: 'A!', phone: 'abc', email: 'bad', password: 'short' }
  const messages = [
    ...messagesOf(setupInput, {
      company: { name: 'x'.repeat(200), phone: '123', npwp: '123', timeZone: 'Europe/Paris' },
      admin: { ...bad, password: 'password123' },
    }),
    ...messagesOf(userCreateInput, { ...bad, role: 'king' }),
    ...messagesOf(userCreateInput, {
      name: 'Kasir',
      username: 'kasir01',
      role: 'viewer',
      password: 'kasir01-warung-kopi',
    }),
    ...messagesOf(roleUpdateInput, { role: 'viewer', permissions: ['nope'] }),
    ...messagesOf(auditListInput, { from: 'yesterday' }),
    ...messagesOf(customerCreateInput, {
      areaId: 1,
      name: '',
      category: 'villa',
      nik: '123',
      phone: 'abc',
      email: 'bad',
      latitude: 91,
      longitude: -181,
      npwp: '1',
    }),
    ...messagesOf(serviceCreateInput, {
      customerId: 1,
      productId: 1,
      status: 'gone',
      activationDate: 'kemarin',
      billingSchedule: { kind: 'fixed', day: 31 },
      priceOverride: -5,
      staticIp: '999.1.1.1',
    }),
    ...messagesOf(productInput, {
      name: '',
      serviceType: 'fax',
      monthlyPrice: 1.5,
      downloadMbps: -1,
      dataCapGb: 1.5,
    }),
    ...messagesOf(areaInput, { code: 'x', name: '', codePattern: '{AREA}' }),
  ]
  return [...new Set(messages.filter((m) => m.startsWith('validation.')))]
}

describe.each([
  ['id', id as Tree],
  ['en', en as Tree],
])('%s messages', (_language, messages) => {
  it('translate every error code the API can send', () => {
    for (const code of ERROR_CODES)
      expect(typeof lookup(messages, `errors.${code}`), code).toBe('string')
  })

  it('translate every validation key the shared schemas use', () => {
    const keys = schemaValidationKeys()
    expect(keys.sort()).toEqual(
      [
        'validation.amount',
        'validation.area_code',
        'validation.billing_day',
        'validation.category',
        'validation.code_pattern',
        'validation.coordinates',
        'validation.date',
        'validation.email',
        'validation.ip',
        'validation.nik',
        'validation.number',
        'validation.npwp',
        'validation.password_contains_username',
        'validation.password_too_common',
        'validation.password_too_short',
        'validation.permission',
        'validation.phone',
        'validation.required',
        'validation.role',
        'validation.service_type',
        'validation.speed',
        'validation.status',
        'validation.time_zone',
        'validation.too_long',
        'validation.username',
      ].sort(),
    )
    for (const key of keys) expect(typeof lookup(messages, key), key).toBe('string')
  })

  it('translate every problem an import file can have', () => {
    for (const key of Object.keys(importMessagesId))
      expect(typeof lookup(messages, `import.${key}`), key).toBe('string')
  })

  it('name every role, permission and audit action', () => {
    for (const role of ROLES) expect(typeof lookup(messages, `roles.${role}`), role).toBe('string')
    for (const p of PERMISSION_KEYS)
      expect(typeof lookup(messages, `permissions.${p}`), p).toBe('string')
    for (const a of AUDIT_ACTIONS)
      expect(typeof lookup(messages, `auditActions.${a}`), a).toBe('string')
  })

  it('name every kind of router job the queue shows', () => {
    // Kinds are keys with a dot in them ('hotspot.push'), looked up as one key.
    const kinds = lookup(messages, 'jobs.kinds') as Tree
    for (const kind of DEVICE_JOB_KINDS) expect(typeof kinds[kind], kind).toBe('string')
  })
})

it('English and Indonesian have the same keys', () => {
  expect(leafKeys(en as Tree).sort()).toEqual(leafKeys(id as Tree).sort())
})

it('locked sign-in names the minutes to wait', () => {
  expect(id.errors.AUTH_LOCKED).toBe(
    'Terlalu banyak percobaan gagal. Coba lagi dalam {{minutes}} menit.',
  )
})

it('a file the import cannot read says why in its own words, with its numbers', async () => {
  const t = i18next.createInstance()
  await t.init({ resources: { id: { translation: id } }, lng: 'id', initAsync: false })
  const apiError = (details: Record<string, unknown>) => ({
    data: { error: { code: 'VALIDATION', messageKey: 'errors.VALIDATION', details } },
  })
  expect(
    errorMessage(t.t, apiError({ messageKey: 'import.file_too_large', params: { maxMb: 20 } })),
  ).toBe('Berkas terlalu besar (maksimal 20 MB).')
  // A plain form error keeps the generic sentence.
  expect(errorMessage(t.t, apiError({ issues: [] }))).toBe(id.errors.VALIDATION)
})
