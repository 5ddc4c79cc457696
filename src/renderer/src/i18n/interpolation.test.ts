import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { countFormatter } from './interpolation'

async function translator(lng: string) {
  const i18n = i18next.createInstance()
  await i18n.use(countFormatter).init({
    lng,
    resources: {
      [lng]: {
        translation: {
          invoices: '{{count}} tagihan terbit dengan total {{total}}.',
          row: 'Baris {{row}}: kode {{code}}',
          port: 'Router {{host}}:{{port}}',
          run: 'Tugas #{{id}} ({{year}})',
          speed: '{{down}}/{{up}} Mbps',
        },
      },
    },
    interpolation: { escapeValue: false, alwaysFormat: true },
  })
  return i18n.t.bind(i18n)
}

describe('numbers in texts are written the way the reader counts', () => {
  it('a count is grouped: "1.775 tagihan", never "1775"', async () => {
    const t = await translator('id')
    expect(t('invoices', { count: 1775, total: 'Rp 266.250.000' })).toBe(
      '1.775 tagihan terbit dengan total Rp 266.250.000.',
    )
  })

  it('in English the same count reads 1,775', async () => {
    const t = await translator('en')
    expect(t('invoices', { count: 1775, total: 'x' })).toBe('1,775 tagihan terbit dengan total x.')
  })

  it('rows, ports, ids and years keep their digits; text stays text', async () => {
    const t = await translator('id')
    expect(t('row', { row: 1024, code: '2026' })).toBe('Baris 1024: kode 2026')
    expect(t('port', { host: '10.0.0.1', port: 8728 })).toBe('Router 10.0.0.1:8728')
    expect(t('run', { id: 12345, year: 2026 })).toBe('Tugas #12345 (2026)')
  })

  it('a measured value keeps its decimals, with the Indonesian comma', async () => {
    const t = await translator('id')
    expect(t('speed', { down: 2.5, up: 1024 })).toBe('2,5/1.024 Mbps')
  })
})
