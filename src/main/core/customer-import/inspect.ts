import { autoMap, columnsOf, readTable } from '../imports'
import type { ImportKind } from './parse-file'

/**
 * The column-mapping step: the file's headers, the documented fields and how they were matched
 * automatically (the user may change it before the preview). A workbook maps its three sheets
 * by their documented headers, so it has no mapping step.
 */
export async function inspectImportFile(
  data: Buffer,
  fileName: string,
  kind: Exclude<ImportKind, 'workbook'>,
) {
  const table = await readTable(data, fileName)
  const mapped = autoMap(kind as 'customers', table.headers)
  return {
    sheets: table.sheets,
    headers: table.headers,
    rows: table.rows.length,
    sample: table.rows.slice(0, 5).map((r) => r.cells),
    fields: columnsOf(kind).map((c) => ({ field: c.field, required: c.required })),
    mapping: mapped.mapping as Record<string, number | null>,
    missingRequired: mapped.missingRequired as string[],
    unknownHeaders: mapped.unknownHeaders,
  }
}
