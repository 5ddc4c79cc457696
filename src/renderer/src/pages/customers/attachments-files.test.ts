import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { id } from '../../i18n/id'
import { base64Blob, fileProblem, sizeText, uploadName } from './attachments-files'

const i18n = i18next.createInstance()
void i18n.init({
  resources: { id: { translation: id } },
  lng: 'id',
  interpolation: { escapeValue: false },
  initAsync: false,
})
const t = i18n.t.bind(i18n)
const MB = 1024 * 1024

describe('customer documents before upload', () => {
  it('takes JPG, PNG, WEBP and PDF up to 10 MB', () => {
    expect(fileProblem({ type: 'image/jpeg', size: 250_000 })).toBeNull()
    expect(fileProblem({ type: 'application/pdf', size: 10 * MB })).toBeNull()
    expect(fileProblem({ type: 'image/png', size: 10 * MB + 1 })).toBe('validation.file_size')
    expect(fileProblem({ type: 'image/webp', size: 0 })).toBe('validation.file_size')
    expect(fileProblem({ type: 'image/gif', size: 1000 })).toBe('validation.file_type')
    expect(fileProblem({ type: '', size: 1000 })).toBe('validation.file_type')
    expect(t('validation.file_size')).toBe('Berkas terlalu besar (maksimal 10 MB).')
    expect(t('validation.file_type')).toBe(
      'Jenis berkas tidak didukung. Gunakan JPG, PNG, WEBP atau PDF.',
    )
  })

  it('shortens a file name to 200 characters and keeps the extension', () => {
    expect(uploadName(' ktp budi.jpg ')).toBe('ktp budi.jpg')
    const long = uploadName(`${'x'.repeat(300)}.jpeg`)
    expect(long).toHaveLength(200)
    expect(long.endsWith('x.jpeg')).toBe(true)
  })

  it('writes sizes in KB below 1 MB and in MB with one decimal above', () => {
    expect(sizeText(t, 300, 'id-ID')).toBe('1 KB')
    expect(sizeText(t, 532_480, 'id-ID')).toBe('520 KB')
    expect(sizeText(t, 1.5 * MB, 'id-ID')).toBe('1,5 MB')
    expect(sizeText(t, 1.5 * MB, 'en-GB')).toBe('1.5 MB')
    expect(sizeText(t, 10 * MB, 'id-ID')).toBe('10 MB')
  })

  it('turns the base64 the API sends back into the same bytes', async () => {
    const blob = base64Blob(btoa('%PDF-1.4\n\u00ff'), 'application/pdf')
    expect(blob.type).toBe('application/pdf')
    expect([...new Uint8Array(await blob.arrayBuffer())].slice(0, 4)).toEqual([37, 80, 68, 70])
    expect(blob.size).toBe(10)
  })
})
