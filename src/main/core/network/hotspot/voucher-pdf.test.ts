import { describe, expect, it } from 'vitest'
import { formatRupiah } from '@shared/money'
import { pdfPageSizes, pdfText } from '../../documents'
import { renderVoucherPdf, voucherQrText, type VoucherSheet } from './voucher-pdf'

const sheet = (over: Partial<VoucherSheet> = {}): VoucherSheet => ({
  companyName: 'Net Jaya',
  profileName: '1hari',
  price: 5000,
  validity: '1d',
  rateLimit: '2M/2M',
  quotaBytes: null,
  dnsName: null,
  mode: 'voucher',
  batchId: 7,
  createdAt: '2026-11-22T03:00:00Z',
  vouchers: Array.from({ length: 40 }, (_, i) => ({
    username: `HS${String(1000 + i)}`,
    password: `HS${String(1000 + i)}`,
  })),
  ...over,
})

describe('voucher print sheet', () => {
  it('A4: 4 × 8 cards a page, each with company, profile, price, validity and its code', async () => {
    const pdf = await renderVoucherPdf(sheet(), 'a4')
    const sizes = pdfPageSizes(pdf)
    expect(sizes).toHaveLength(2) // 40 vouchers = 32 + 8
    expect(sizes[0]!.width).toBeCloseTo(595.28, 1)
    const text = pdfText(pdf)
    for (let i = 0; i < 40; i++) expect(text).toContain(`HS${1000 + i}`)
    expect(text).toContain('Net Jaya')
    expect(text).toContain(`1hari · ${formatRupiah(5000)}`)
    expect(text).toContain('Masa aktif 1 hari')
    expect(text).toContain('Kode voucher')
    expect(text).not.toContain('Kuota')
  })

  it('a voucher with a data quota says it next to its validity, on both papers', async () => {
    for (const paper of ['a4', '58mm'] as const) {
      const pdf = await renderVoucherPdf(
        sheet({ quotaBytes: 5 * 1024 ** 3, mode: 'userpass' }),
        paper,
      )
      const text = pdfText(pdf)
      expect(text).toContain('Kuota data 5 GB')
    }
  })

  it('58 mm: one voucher per block, 164.4 pt wide, username and password when they differ', async () => {
    const pdf = await renderVoucherPdf(
      sheet({
        mode: 'userpass',
        dnsName: 'wifi.net',
        vouchers: [
          { username: 'ab23cd', password: 'Kq7mZx' },
          { username: 'ef45gh', password: 'Pt9wRs' },
        ],
      }),
      '58mm',
    )
    const sizes = pdfPageSizes(pdf)
    expect(sizes).toHaveLength(2)
    expect(Math.abs(sizes[0]!.width - 164.4)).toBeLessThan(0.5)
    const text = pdfText(pdf)
    for (const code of ['ab23cd', 'Kq7mZx', 'ef45gh', 'Pt9wRs']) expect(text).toContain(code)
    expect(text).toContain('Password')
    expect(text).toContain('Login: http://wifi.net')
  })

  it('QR holds the login URL when the hotspot DNS is known, else the code', () => {
    const v = { username: 'ab 1', password: 'x&y' }
    expect(voucherQrText({ dnsName: null }, v)).toBe('ab 1')
    expect(voucherQrText({ dnsName: 'wifi.net' }, v)).toBe(
      'http://wifi.net/login?username=ab%201&password=x%26y',
    )
  })
})
