import { sql } from 'kysely'
import { AppError } from '@shared/errors'
import {
  TEMPLATE_KEYS,
  TEMPLATE_VARIABLES,
  renderTemplate,
  type TemplateKey,
  type TemplateValues,
  type TemplateVariable,
} from '@shared/messaging'
import { formatPhone } from '@shared/phone'
import type { TemplateSaveInput } from '@shared/schemas'
import { appendAudit, type Actor } from '../audit'
import { writeTx, type Db } from '../db'
import type { MessagingDeps } from './deps'
import { DEFAULT_TEMPLATES, loadTemplate } from './templates'

type CompanyActor = Actor & { companyId: number }

export interface TemplateView {
  key: TemplateKey
  subject: string
  body: string
  edited: boolean
  defaultSubject: string
  defaultBody: string
  updatedBy: string | null
  updatedAt: string | null
}

/** The ten templates as the company uses them, each beside Loket's wording. */
export async function listTemplates(db: Db, companyId: number): Promise<TemplateView[]> {
  const rows = await db
    .selectFrom('message_templates')
    .select(['key', 'subject', 'body', 'updated_by', 'updated_at'])
    .where('company_id', '=', companyId)
    .execute()
  const edited = new Map(rows.map((r) => [r.key, r]))
  return TEMPLATE_KEYS.map((key) => {
    const row = edited.get(key)
    const base = DEFAULT_TEMPLATES[key]
    return {
      key,
      subject: row?.subject ?? base.subject,
      body: row?.body ?? base.body,
      edited: !!row,
      defaultSubject: base.subject,
      defaultBody: base.body,
      updatedBy: row?.updated_by ?? null,
      updatedAt: row?.updated_at ?? null,
    }
  })
}

/** Refuses a text with `{words}` that no message would fill in (a typo would reach customers). */
export function assertKnownVariables(
  texts: string[],
  allowed: readonly string[] = TEMPLATE_VARIABLES,
): void {
  const known = new Set<string>(allowed)
  const names = [
    ...new Set(
      texts.flatMap((text) =>
        [...text.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]!).filter((n) => !known.has(n)),
      ),
    ),
  ]
  if (names.length) {
    throw new AppError('TEMPLATE_UNKNOWN_VARIABLE', `unknown variables: ${names.join(', ')}`, {
      names: names.map((n) => `{${n}}`).join(', '),
    })
  }
}

export async function saveTemplate(
  deps: MessagingDeps,
  actor: CompanyActor,
  input: TemplateSaveInput,
): Promise<TemplateView> {
  assertKnownVariables([input.subject, input.body])
  const now = deps.clock.now().toISOString()
  await writeTx(deps.db, async (tx) => {
    const before = await loadTemplate(tx, actor.companyId, input.key)
    await tx
      .insertInto('message_templates')
      .values({
        company_id: actor.companyId,
        key: input.key,
        subject: input.subject,
        body: input.body,
        updated_by: actor.username,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['company_id', 'key']).doUpdateSet({
          subject: input.subject,
          body: input.body,
          updated_by: actor.username,
          updated_at: now,
        }),
      )
      .execute()
    await appendAudit(tx, deps.clock, actor, {
      action: 'templates.update',
      entityType: 'message_template',
      entityId: input.key,
      before: { subject: before.subject, body: before.body, edited: before.edited },
      after: { subject: input.subject, body: input.body },
    })
  })
  return (await listTemplates(deps.db, actor.companyId)).find((t) => t.key === input.key)!
}

/** "Kembalikan ke bawaan": the company's edit is dropped and Loket's wording applies again. */
export async function resetTemplate(
  deps: MessagingDeps,
  actor: CompanyActor,
  key: TemplateKey,
): Promise<{ reset: boolean }> {
  return writeTx(deps.db, async (tx) => {
    const row = await tx
      .selectFrom('message_templates')
      .select(['subject', 'body'])
      .where('company_id', '=', actor.companyId)
      .where('key', '=', key)
      .executeTakeFirst()
    if (!row) return { reset: false }
    await tx
      .deleteFrom('message_templates')
      .where('company_id', '=', actor.companyId)
      .where('key', '=', key)
      .execute()
    await appendAudit(tx, deps.clock, actor, {
      action: 'templates.reset',
      entityType: 'message_template',
      entityId: key,
      before: { subject: row.subject, body: row.body },
      after: { ...DEFAULT_TEMPLATES[key] },
    })
    return { reset: true }
  })
}

/** {perusahaan} and {telepon_perusahaan}: the same in every message of the company. */
export async function companyTemplateValues(db: Db, companyId: number): Promise<TemplateValues> {
  const c = await db
    .selectFrom('companies')
    .select(['name', 'phone'])
    .where('id', '=', companyId)
    .executeTakeFirstOrThrow()
  return { perusahaan: c.name, ...(c.phone ? { telepon_perusahaan: formatPhone(c.phone) } : {}) }
}

export interface PreviewCustomer {
  id: number
  code: string
  name: string
}

/**
 * Whose data the preview uses: the chosen customer, else one who would really get a reminder
 * (active, with an unpaid invoice) so every variable has a value, else any customer.
 */
export async function previewCustomer(
  db: Db,
  companyId: number,
  customerId?: number,
): Promise<PreviewCustomer | null> {
  const base = db
    .selectFrom('customers')
    .select(['customers.id', 'customers.code', 'customers.name'])
    .where('customers.company_id', '=', companyId)
  if (customerId) {
    const picked = await base.where('customers.id', '=', customerId).executeTakeFirst()
    if (!picked) throw new AppError('NOT_FOUND')
    return picked
  }
  const owing = await base
    .where('customers.status', '=', 'aktif')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('invoices')
          .select(sql`1`.as('one'))
          .whereRef('invoices.customer_id', '=', 'customers.id')
          .where('invoices.status', '=', 'issued')
          .where('invoices.settled_date', 'is', null),
      ),
    )
    .orderBy('customers.id')
    .limit(1)
    .executeTakeFirst()
  if (owing) return owing
  return (
    (await base
      .orderBy(sql`customers.status = 'aktif'`, 'desc')
      .orderBy('customers.id')
      .limit(1)
      .executeTakeFirst()) ?? null
  )
}

export interface RenderedPreview {
  subject: string
  body: string
  /** The variables the text uses, with the value filled in (null: this customer has none). */
  variables: { name: TemplateVariable; value: string | null }[]
}

/** The editor's text rendered with a customer's values, and what each variable became. */
export function renderPreview(
  subject: string,
  body: string,
  values: TemplateValues,
): RenderedPreview {
  const used = new Set([...`${subject}\n${body}`.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]!))
  return {
    subject: renderTemplate(subject, values),
    body: renderTemplate(body, values),
    variables: TEMPLATE_VARIABLES.filter((v) => used.has(v)).map((name) => ({
      name,
      value: values[name] ?? null,
    })),
  }
}
