import type ExcelJS from 'exceljs'

/**
 * exceljs is large and only needed when a spreadsheet is read or a template written: loaded on
 * first use, so the host and the CLI start without it (it was a third of the host's start time).
 */
let loading: Promise<typeof ExcelJS> | null = null
export function loadExcelJS(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then(
    (m) => (m as { default?: typeof ExcelJS }).default ?? (m as unknown as typeof ExcelJS),
  )
  return loading
}
