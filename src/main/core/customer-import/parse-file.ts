import {
  ImportFileError,
  autoMap,
  parseAreas,
  parseCustomers,
  parseProducts,
  readTable,
} from '../imports'
import type { ImportInput } from './commit'

export type ImportKind = 'customers' | 'areas' | 'products' | 'workbook'

/** Sheet names of the all-in-one workbook, imported in this order. */
const WORKBOOK_SHEETS = { areas: 'Area', products: 'Paket', customers: 'Pelanggan' } as const

/**
 * Reads a file into parsed rows for one kind, or all three sheets of a workbook. `mapping`
 * overrides the automatic header matching (the UI's column-mapping step).
 */
export async function parseImportFile(
  data: Buffer,
  fileName: string,
  kind: ImportKind,
  mapping?: Record<string, number | null>,
): Promise<ImportInput> {
  const input: ImportInput = { fileName }
  const one = async (k: 'customers' | 'areas' | 'products', sheet?: string) => {
    const table = await readTable(data, fileName, sheet ? { sheet } : undefined)
    const override = mapping as never
    if (k === 'customers')
      input.customers = parseCustomers(table, autoMap(k, table.headers, override).mapping)
    if (k === 'areas') input.areas = parseAreas(table, autoMap(k, table.headers, override).mapping)
    if (k === 'products')
      input.products = parseProducts(table, autoMap(k, table.headers, override).mapping)
  }
  if (kind === 'workbook') {
    // A CSV has no sheets: read as a workbook it would pass for every sheet at once.
    if (!/\.xlsx$/i.test(fileName)) {
      throw new ImportFileError(
        'import.file_unsupported',
        `${fileName}: a workbook must be .xlsx`,
        {
          ext: fileName.includes('.') ? fileName.slice(fileName.lastIndexOf('.')) : fileName,
        },
      )
    }
    for (const [k, sheet] of Object.entries(WORKBOOK_SHEETS) as [
      'areas' | 'products' | 'customers',
      string,
    ][]) {
      await one(k, sheet)
    }
  } else {
    await one(kind)
  }
  return input
}
