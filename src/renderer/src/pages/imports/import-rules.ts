import type { TFunction } from 'i18next'
import type { ColumnMapping, Inspection } from './types'

/** What the wizard imports: one table of a kind, or the three sheets of a workbook in order. */
export const IMPORT_KINDS = ['customers', 'areas', 'products', 'workbook'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]
export type MappedKind = Exclude<ImportKind, 'workbook'>

export type ImportEntity = 'areas' | 'products' | 'customers'

/** The API's own limit (core/imports MAX_FILE_BYTES): refused here before it is uploaded. */
export const MAX_FILE_MB = 20
const MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024
const EXTENSIONS = ['.csv', '.xlsx']

export function parseKind(value: string | null): ImportKind {
  return IMPORT_KINDS.find((k) => k === value) ?? 'customers'
}

/** The i18n key (and its params) that says why a file cannot be sent, or null. */
export function fileProblem(
  file: { name: string; size: number },
  kind: ImportKind,
): { key: string; params: Record<string, string | number> } | null {
  const dot = file.name.lastIndexOf('.')
  const ext = dot >= 0 ? file.name.slice(dot).toLowerCase() : ''
  // A CSV has one table, not the three sheets a workbook needs.
  if (kind === 'workbook' && ext === '.csv') {
    return { key: 'importWizard.workbookNeedsXlsx', params: {} }
  }
  if (!EXTENSIONS.includes(ext))
    return { key: 'import.file_unsupported', params: { ext: ext || '?' } }
  if (file.size > MAX_FILE_BYTES)
    return { key: 'import.file_too_large', params: { maxMb: MAX_FILE_MB } }
  return null
}

/** Required fields the current mapping leaves without a column. */
export function missingRequired(fields: Inspection['fields'], mapping: ColumnMapping): string[] {
  return fields.filter((f) => f.required && (mapping[f.field] ?? null) === null).map((f) => f.field)
}

/** Non-empty headers no field reads, so the user sees what will be left out. */
export function unusedHeaders(headers: string[], mapping: ColumnMapping): string[] {
  const used = new Set(Object.values(mapping))
  return headers.filter((h, i) => h.trim() !== '' && !used.has(i))
}

/** Sample values of one column: the first few that are not blank. */
export function sampleValues(sample: string[][], index: number | null, max = 3): string[] {
  if (index === null) return []
  return sample
    .map((row) => (row[index] ?? '').trim())
    .filter((v) => v !== '')
    .slice(0, max)
}

/** The counts worth showing: only what the kind can create. */
export function entitiesOf(kind: ImportKind): ImportEntity[] {
  return kind === 'workbook' ? ['areas', 'products', 'customers'] : [kind]
}

/**
 * A documented column in words ("Kode area" for `area`). A workbook's errors do not say which
 * sheet they come from, so there the documented name itself is shown.
 */
export function fieldLabel(t: TFunction, kind: ImportKind, field: string): string {
  return kind === 'workbook'
    ? field
    : t(`importWizard.fields.${kind}.${field}`, { defaultValue: field })
}
