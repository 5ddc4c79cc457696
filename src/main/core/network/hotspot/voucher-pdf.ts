import PDFDocument from 'pdfkit'
import QRCode from 'qrcode'
import { formatRupiah } from '@shared/money'
import { formatValidity, quotaText, type VoucherMode, type VoucherPaper } from '@shared/schemas'

/**
 * The voucher print sheet: an A4 grid of 4 × 8 cut-out cards, or one voucher per block on a
 * 58 mm thermal roll. Each voucher has a QR code: the hotspot's login URL with the credentials
 * when the profile names the hotspot's DNS (MikroTik's login page takes `username` and `password`
 * query parameters, so scanning signs in), otherwise the voucher code itself.
 */

export interface VoucherSheet {
  companyName: string
  profileName: string
  price: number
  validity: string
  rateLimit: string
  /** Each voucher's data quota (limit-bytes-total); null = none. */
  quotaBytes: number | null
  dnsName: string | null
  mode: VoucherMode
  batchId: number
  /** When the batch was made: the PDF's own date, so a reprint is the same file. */
  createdAt: string
  vouchers: { username: string; password: string }[]
}

type Pdf = PDFKit.PDFDocument

/** 'Kuota data 5 GB' for a voucher with a data quota (its own line), null without. */
const quotaLine = (sheet: Pick<VoucherSheet, 'quotaBytes'>) =>
  sheet.quotaBytes ? `Kuota data ${quotaText(sheet.quotaBytes)}` : null

const MONO = 'Courier-Bold'
const BOLD = 'Helvetica-Bold'
const FONT = 'Helvetica'
const mm = (v: number) => (v * 72) / 25.4

export function voucherQrText(
  sheet: Pick<VoucherSheet, 'dnsName'>,
  v: VoucherSheet['vouchers'][number],
) {
  if (!sheet.dnsName) return v.username
  const q = `username=${encodeURIComponent(v.username)}&password=${encodeURIComponent(v.password)}`
  return `http://${sheet.dnsName}/login?${q}`
}

/** The QR code as filled squares (runs of dark modules merged), `size` points wide, at x,y. */
function drawQr(pdf: Pdf, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const n = qr.modules.size
  const cell = size / n
  pdf.save()
  for (let row = 0; row < n; row++) {
    let start = -1
    for (let col = 0; col <= n; col++) {
      const dark = col < n && qr.modules.get(row, col) === 1
      if (dark && start < 0) start = col
      if (!dark && start >= 0) {
        pdf.rect(x + start * cell, y + row * cell, (col - start) * cell, cell)
        start = -1
      }
    }
  }
  pdf.fillColor('#000000').fill()
  pdf.restore()
}

/** A Courier size at which `text` fits `width` (every Courier glyph is 0.6 em wide). */
const monoSize = (text: string, width: number, max: number) =>
  Math.max(5, Math.min(max, width / (0.6 * Math.max(1, text.length))))

function codeLines(sheet: VoucherSheet, v: VoucherSheet['vouchers'][number]) {
  return sheet.mode === 'voucher'
    ? [{ label: 'Kode voucher', value: v.username }]
    : [
        { label: 'Username', value: v.username },
        { label: 'Password', value: v.password },
      ]
}

function render(
  setup: { size: [number, number] | 'A4'; margin: number; title: string; createdAt: string },
  draw: (pdf: Pdf) => void,
) {
  const created = new Date(setup.createdAt)
  const pdf = new PDFDocument({
    size: setup.size,
    margin: setup.margin,
    autoFirstPage: false,
    compress: true,
    font: FONT,
    info: {
      Title: setup.title,
      Producer: 'Loket',
      Creator: 'Loket',
      CreationDate: Number.isNaN(created.getTime()) ? new Date(0) : created,
    },
  })
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = []
    pdf.on('data', (c: Buffer) => chunks.push(c))
    pdf.on('end', () => resolve(Buffer.concat(chunks)))
    pdf.on('error', reject)
    try {
      draw(pdf)
      pdf.end()
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)))
    }
  })
}

const A4 = { width: 595.28, height: 841.89, margin: 20, cols: 4, rows: 8 }

function drawCard(
  pdf: Pdf,
  sheet: VoucherSheet,
  v: VoucherSheet['vouchers'][number],
  x: number,
  y: number,
  w: number,
  h: number,
) {
  const pad = 5
  pdf.save().lineWidth(0.5).dash(3, { space: 2 }).strokeColor('#999999').rect(x, y, w, h).stroke()
  pdf.restore()
  // A QR code needs a few blank modules around it: keep it clear of the cut line.
  const qrPad = 8
  const qrSize = Math.min(h - 2 * pad - 10, 50)
  const textW = w - pad - qrPad - 4 - qrSize
  const tx = x + pad
  let ty = y + pad
  const line = (text: string, font: string, size: number, color = '#000000') => {
    pdf.font(font).fontSize(size).fillColor(color)
    pdf.text(text, tx, ty, { width: textW, lineBreak: false, ellipsis: true })
    ty += size * 1.2
  }
  line(sheet.companyName, BOLD, 6.5, '#555555')
  line(`${sheet.profileName} · ${formatRupiah(sheet.price)}`, BOLD, 8)
  line(`Masa aktif ${formatValidity(sheet.validity)}`, FONT, 6.5)
  const quota = quotaLine(sheet)
  if (quota) line(quota, FONT, 6.5)
  ty += 2
  for (const c of codeLines(sheet, v)) {
    line(c.label, FONT, 5.5, '#555555')
    line(c.value, MONO, monoSize(c.value, textW, 11))
  }
  drawQr(pdf, voucherQrText(sheet, v), x + w - qrPad - qrSize, y + qrPad, qrSize)
  pdf.font(FONT).fontSize(5).fillColor('#555555')
  pdf.text(`Batch ${sheet.batchId}`, x + w - qrPad - qrSize, y + qrPad + qrSize + 2, {
    width: qrSize,
    align: 'center',
    lineBreak: false,
  })
}

function drawA4(pdf: Pdf, sheet: VoucherSheet) {
  const w = (A4.width - 2 * A4.margin) / A4.cols
  const h = (A4.height - 2 * A4.margin) / A4.rows
  const perPage = A4.cols * A4.rows
  sheet.vouchers.forEach((v, i) => {
    const slot = i % perPage
    if (slot === 0) pdf.addPage()
    const col = slot % A4.cols
    const row = Math.floor(slot / A4.cols)
    drawCard(pdf, sheet, v, A4.margin + col * w, A4.margin + row * h, w, h)
  })
}

const ROLL = { width: mm(58), margin: mm(3), qr: mm(30) }

/** One page per voucher, as long as its content: the printer cuts (or the cashier tears) between. */
function thermalHeight(sheet: VoucherSheet): number {
  const lines = 3 + codeLines(sheet, sheet.vouchers[0]!).length * 2 + (sheet.dnsName ? 1 : 0)
  return ROLL.margin * 2 + ROLL.qr + lines * 13 + 16
}

function drawThermal(pdf: Pdf, sheet: VoucherSheet) {
  const width = ROLL.width - 2 * ROLL.margin
  const height = thermalHeight(sheet)
  for (const v of sheet.vouchers) {
    pdf.addPage({ size: [ROLL.width, height], margin: ROLL.margin })
    const x = ROLL.margin
    let y = ROLL.margin
    const center = (text: string, font: string, size: number) => {
      pdf.font(font).fontSize(size).fillColor('#000000')
      pdf.text(text, x, y, { width, align: 'center', lineBreak: false, ellipsis: true })
      y += size * 1.35
    }
    center(sheet.companyName, BOLD, 9)
    center(`${sheet.profileName} · ${formatRupiah(sheet.price)}`, BOLD, 8)
    center(`Masa aktif ${formatValidity(sheet.validity)} · ${sheet.rateLimit}`, FONT, 7)
    const quota = quotaLine(sheet)
    if (quota) center(quota, FONT, 7)
    y += 3
    drawQr(pdf, voucherQrText(sheet, v), x + (width - ROLL.qr) / 2, y, ROLL.qr)
    y += ROLL.qr + 5
    for (const c of codeLines(sheet, v)) {
      center(c.label, FONT, 6.5)
      center(c.value, MONO, monoSize(c.value, width, 13))
    }
    if (sheet.dnsName) center(`Login: http://${sheet.dnsName}`, FONT, 6.5)
  }
}

export function renderVoucherPdf(sheet: VoucherSheet, paper: VoucherPaper): Promise<Buffer> {
  const title = `Voucher ${sheet.profileName} batch ${sheet.batchId}`
  if (paper === 'a4') {
    return render({ size: 'A4', margin: A4.margin, title, createdAt: sheet.createdAt }, (pdf) =>
      drawA4(pdf, sheet),
    )
  }
  return render(
    { size: [ROLL.width, 400], margin: ROLL.margin, title, createdAt: sheet.createdAt },
    (pdf) => drawThermal(pdf, sheet),
  )
}
