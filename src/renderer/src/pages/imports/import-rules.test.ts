import { describe, expect, it } from 'vitest'
import {
  entitiesOf,
  fileProblem,
  missingRequired,
  parseKind,
  sampleValues,
  unusedHeaders,
} from './import-rules'

const MB = 1024 * 1024

describe('import wizard rules', () => {
  it('accepts .csv and .xlsx up to 20 MB, and names the limit or the extension otherwise', () => {
    expect(fileProblem({ name: 'pelanggan.CSV', size: 20 * MB }, 'customers')).toBeNull()
    expect(fileProblem({ name: 'data.xlsx', size: 1 }, 'workbook')).toBeNull()
    expect(fileProblem({ name: 'data.xlsx', size: 20 * MB + 1 }, 'areas')).toEqual({
      key: 'import.file_too_large',
      params: { maxMb: 20 },
    })
    expect(fileProblem({ name: 'lama.xls', size: 10 }, 'products')).toEqual({
      key: 'import.file_unsupported',
      params: { ext: '.xls' },
    })
    expect(fileProblem({ name: 'tanpa-ekstensi', size: 10 }, 'customers')?.key).toBe(
      'import.file_unsupported',
    )
  })

  it('a workbook must be .xlsx: a CSV has only one table', () => {
    expect(fileProblem({ name: 'lengkap.csv', size: 10 }, 'workbook')?.key).toBe(
      'importWizard.workbookNeedsXlsx',
    )
  })

  it('a required field without a column is missing; an optional one is not', () => {
    const fields = [
      { field: 'nama', required: true },
      { field: 'area', required: true },
      { field: 'email', required: false },
    ]
    expect(missingRequired(fields, { nama: 0, area: null, email: null })).toEqual(['area'])
    expect(missingRequired(fields, { nama: 0, area: 3 })).toEqual([])
  })

  it('lists headers no field reads, ignoring blank ones', () => {
    expect(unusedHeaders(['nama', 'HP', '', 'wilayah'], { nama: 0, area: 3 })).toEqual(['HP'])
  })

  it('shows the first non-blank sample values of the chosen column', () => {
    const sample = [
      ['Budi', ''],
      ['Siti', '0813'],
      ['Ahmad', ' '],
      ['Dewi', '0821'],
    ]
    expect(sampleValues(sample, 1)).toEqual(['0813', '0821'])
    expect(sampleValues(sample, 0, 2)).toEqual(['Budi', 'Siti'])
    expect(sampleValues(sample, null)).toEqual([])
  })

  it('reads the kind from the URL, customers unless it names another', () => {
    expect(parseKind('areas')).toBe('areas')
    expect(parseKind('workbook')).toBe('workbook')
    expect(parseKind('nonsense')).toBe('customers')
    expect(parseKind(null)).toBe('customers')
  })

  it('counts only what the kind can create', () => {
    expect(entitiesOf('workbook')).toEqual(['areas', 'products', 'customers'])
    expect(entitiesOf('products')).toEqual(['products'])
  })
})
