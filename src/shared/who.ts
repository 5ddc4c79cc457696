import { AUDIT_ACTIONS } from './audit-actions'
import { periodLabel } from './billing'

/**
 * Who or what did something, in words a person reads. Loket stores its actors and records in
 * the forms its audit chain was written with (a login name, `cli:<os user>`, `system:jadwal`,
 * `gateway:tripay`, an entity type and id); those stay as they are, and every screen, document
 * and CLI line names them through these functions. Texts are the `who.*` keys
 * (src/shared/messages/who.ts), looked up through the caller's translate function.
 */
export type Translate = (key: string, values?: Record<string, unknown>) => string

/** The file name the demo-data command gives its import (`demo-data:<seed>:<count>`). */
const DEMO_DATA_FILE = /^demo-data:/

function capitalise(word: string): string {
  return word ? word[0]!.toUpperCase() + word.slice(1) : word
}

/**
 * "owner" → "Budi Santoso" (when the full name is known), "cli:unknown" → "Baris perintah",
 * "cli:owner" → "Baris perintah (owner)", "system:jadwal" → "Jadwal otomatis",
 * "gateway:tripay" → "Gateway pembayaran Tripay", nobody → "Sistem".
 */
export function whoText(
  t: Translate,
  username: string | null | undefined,
  fullName?: string | null,
): string {
  if (!username) return t('who.system')
  const colon = username.indexOf(':')
  if (colon > 0) {
    const kind = username.slice(0, colon)
    const rest = username.slice(colon + 1)
    if (kind === 'cli') {
      return rest && rest !== 'unknown' ? t('who.cliUser', { user: rest }) : t('who.cli')
    }
    if (kind === 'system') return rest === 'jadwal' ? t('who.schedule') : t('who.system')
    if (kind === 'gateway') return t('who.gateway', { gateway: capitalise(rest) })
  }
  return fullName?.trim() || username
}

/** Where an audit entry came from: a LAN address as is; the CLI, schedule or desktop in words. */
export function placeText(t: Translate, ip: string | null | undefined): string | null {
  if (!ip) return null
  if (ip === 'cli') return t('who.cli')
  if (ip === 'scheduler') return t('who.schedule')
  if (ip === 'desktop') return t('who.desktop')
  return ip
}

/** The program behind an audit entry: a browser's user agent as is; Loket's own in words. */
export function agentText(t: Translate, agent: string | null | undefined): string | null {
  if (!agent) return null
  if (agent === 'loket-cli') return t('who.cli')
  if (agent === 'loket-scheduler') return t('who.schedule')
  return agent
}

/** An import by its file: "Impor berkas pelanggan.xlsx"; the demo data is "Impor data contoh". */
export function importText(t: Translate, fileName: string | null | undefined): string {
  if (!fileName || DEMO_DATA_FILE.test(fileName)) return t('who.demoData')
  return t('who.importFile', { file: fileName })
}

/** Why a router job or a change exists: an action name or `import` in words, typed text as is. */
export function reasonText(t: Translate, reason: string | null | undefined): string | null {
  if (!reason) return null
  if (reason === 'import') return t('who.import')
  if ((AUDIT_ACTIONS as readonly string[]).includes(reason)) {
    return t(`auditActions.${reason}`, { defaultValue: reason })
  }
  return reason
}

/** The first field of a record that names it for a person (a number, code, name …). */
const NAMING_FIELDS = ['number', 'code', 'name', 'username', 'sid', 'customer'] as const

export interface RecordRef {
  entityType: string | null
  entityId: string | null
  before?: Record<string, unknown> | null
  after?: Record<string, unknown> | null
}

/**
 * What an audit entry is about: "Penagihan Desember 2026", "Impor data contoh", "Pembayaran
 * KW/2026/000001", "Paket Rumah 10 Mbps"; a record without a naming field is "Paket #10".
 */
export function recordText(t: Translate, ref: RecordRef, locale = 'id-ID'): string | null {
  const type = ref.entityType
  if (!type) return null
  const fields = { ...ref.before, ...ref.after }
  if (type === 'billing_run' && typeof fields.period === 'string') {
    return t('who.billingRun', { period: periodLabel(fields.period, locale) })
  }
  if (type === 'import') {
    return importText(t, typeof fields.file === 'string' ? fields.file : ref.entityId)
  }
  const typeName = t(`entityTypes.${type}`, { defaultValue: type })
  if (type === 'role' && ref.entityId) {
    return t('who.record', {
      type: typeName,
      name: t(`roles.${ref.entityId}`, { defaultValue: ref.entityId }),
    })
  }
  const name = NAMING_FIELDS.map((f) => fields[f]).find(
    (v): v is string => typeof v === 'string' && v.trim() !== '',
  )
  if (name) return t('who.record', { type: typeName, name })
  return ref.entityId === null ? typeName : t('who.recordId', { type: typeName, id: ref.entityId })
}
