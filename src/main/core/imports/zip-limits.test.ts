import { describe, expect, it } from 'vitest'
import { smallXlsx, xlsxBomb, zipFile } from '../../../../test/helpers/zip-file'
import { readTable } from './read-table'
import { ImportFileError } from './table'
import { workbookTemplate } from './template'
import { checkUnpackedSize, MAX_UNPACKED_BYTES } from './zip-limits'

const MB = 1024 * 1024
const small = { maxUnpackedBytes: 1 * MB, maxEntries: 20 }

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p
    return 'ok'
  } catch (error) {
    if (error instanceof ImportFileError) return error.messageKey
    throw error
  }
}

describe('the unpacked size of an .xlsx is capped before parsing', () => {
  it('is 50 MB: a workbook written by exceljs and one of 40 MB pass', async () => {
    expect(MAX_UNPACKED_BYTES).toBe(50 * MB)
    expect(await refusal(checkUnpackedSize(await workbookTemplate()))).toBe('ok')
    expect(await refusal(checkUnpackedSize(await xlsxBomb(40)))).toBe('ok')
  })

  it('refuses by the declared sizes, without inflating anything', async () => {
    expect(await refusal(checkUnpackedSize(await xlsxBomb(3), small))).toBe(
      'import.file_too_large_unpacked',
    )
  })

  it('refuses when the declared sizes lie: the real bytes are counted while inflating', async () => {
    const liar = await xlsxBomb(3, { declaredSize: 100 })
    expect(await refusal(checkUnpackedSize(liar, small))).toBe('import.file_too_large_unpacked')
  })

  it('refuses more entries than a workbook has', async () => {
    const many = await zipFile(
      Array.from({ length: 21 }, (_, i) => ({ name: `x/${i}.xml`, data: Buffer.from('<a/>') })),
    )
    expect(await refusal(checkUnpackedSize(many, small))).toBe('import.file_too_large_unpacked')
  })

  it('calls a broken or truncated zip unreadable, never a crash', async () => {
    const good = await smallXlsx([['A-1', 'Budi', '0812', 'CBG01', 'Paket', '']])
    for (const bad of [
      Buffer.from('kode,nama\nA-1,Budi\n'),
      Buffer.alloc(0),
      good.subarray(0, good.length - 10),
      Buffer.concat([good.subarray(0, 40), good.subarray(good.length - 22)]),
    ]) {
      expect(await refusal(checkUnpackedSize(bad))).toBe('import.file_unreadable')
    }
  })

  it('applies to every reader of spreadsheets (imports, payment lists) through readTable', async () => {
    expect(await refusal(readTable(await xlsxBomb(60), 'pelanggan.xlsx'))).toBe(
      'import.file_too_large_unpacked',
    )
    const ok = await readTable(
      await smallXlsx([['A-1', 'Budi', '0812', 'CBG01', 'P', '']]),
      'a.xlsx',
    )
    expect(ok.rows).toHaveLength(1)
  })
})
