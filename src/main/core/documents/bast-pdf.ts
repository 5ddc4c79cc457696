import {
  contentWidth,
  drawCompanyHeader,
  drawPair,
  drawRule,
  MUTED,
  numberPages,
  renderPdf,
  useStyle,
} from './pdf-kit'
import type { CompanyHeader } from './types'

/** What the handover (Berita Acara Serah Terima) shows: the line, its installation, two signatures. */
export interface BastDocument {
  company: CompanyHeader
  /** dd/mm/yyyy, the day it was signed. */
  signedDate: string
  signedAt: string
  customer: { code: string; name: string; address: string; phone: string }
  service: { sid: string; product: string; speed: string; username: string }
  installation: {
    onuSerial: string
    rxPower: string
    cableLength: string
    technician: string
    notes: string
  }
  restrictBeforePayment: boolean
  customerSigner: string
  technicianSigner: string
  /** PNG bytes drawn on screen. */
  customerSignature: Buffer
  technicianSignature: Buffer
}

export function renderBastPdf(doc: BastDocument): Promise<Buffer> {
  return renderPdf(
    { size: 'A4', margin: 48, title: `BAST ${doc.service.sid}`, createdAt: doc.signedAt },
    (pdf) => {
      const x = pdf.page.margins.left
      const width = contentWidth(pdf)
      drawCompanyHeader(pdf, doc.company, { x, y: pdf.y, width, nameSize: 14, size: 8.5 })
      pdf.moveDown(0.6)
      drawRule(pdf, x, width)
      pdf.moveDown(0.8)
      useStyle(pdf, { size: 13, bold: true }).text('BERITA ACARA SERAH TERIMA (BAST)', x, pdf.y, {
        width,
        align: 'center',
      })
      useStyle(pdf, { size: 9, color: MUTED }).text('Pemasangan Layanan Internet', x, pdf.y, {
        width,
        align: 'center',
      })
      pdf.moveDown(1)
      useStyle(pdf, { size: 9.5 }).text(
        `Pada tanggal ${doc.signedDate} telah dilakukan pemasangan dan serah terima layanan ` +
          `internet kepada pelanggan di bawah ini, dalam keadaan baik dan berfungsi.`,
        x,
        pdf.y,
        { width },
      )
      pdf.moveDown(0.8)
      const pair = { x, labelWidth: 150, valueWidth: width - 150, size: 9.5 }
      const section = (title: string) => {
        pdf.moveDown(0.5)
        useStyle(pdf, { size: 10, bold: true }).text(title, x, pdf.y, { width })
        pdf.moveDown(0.2)
      }
      section('Pelanggan')
      drawPair(pdf, 'ID pelanggan', doc.customer.code, pair)
      drawPair(pdf, 'Nama', doc.customer.name, pair)
      drawPair(pdf, 'Alamat', doc.customer.address || '-', pair)
      drawPair(pdf, 'Telepon', doc.customer.phone || '-', pair)
      section('Layanan')
      drawPair(pdf, 'ID layanan (SID)', doc.service.sid, pair)
      drawPair(pdf, 'Paket', doc.service.product, pair)
      drawPair(pdf, 'Kecepatan', doc.service.speed, pair)
      drawPair(pdf, 'Username PPPoE', doc.service.username || '-', pair)
      drawPair(
        pdf,
        'Aktivasi',
        doc.restrictBeforePayment
          ? 'Koneksi dibatasi sampai pembayaran pertama diterima'
          : 'Langsung aktif',
        pair,
      )
      section('Instalasi')
      drawPair(pdf, 'Serial ONU', doc.installation.onuSerial, pair)
      drawPair(pdf, 'Daya RX', doc.installation.rxPower, pair)
      drawPair(pdf, 'Panjang kabel', doc.installation.cableLength, pair)
      drawPair(pdf, 'Pelaksana', doc.installation.technician, pair)
      drawPair(pdf, 'Catatan', doc.installation.notes || '-', pair)

      pdf.moveDown(1.5)
      const boxWidth = (width - 40) / 2
      const top = pdf.y
      const box = (left: number, title: string, image: Buffer, name: string) => {
        useStyle(pdf, { size: 9.5, bold: true }).text(title, left, top, {
          width: boxWidth,
          align: 'center',
        })
        pdf.image(image, left + 10, top + 16, { fit: [boxWidth - 20, 90], align: 'center' })
        pdf
          .save()
          .moveTo(left + 10, top + 112)
          .lineTo(left + boxWidth - 10, top + 112)
          .lineWidth(0.5)
          .strokeColor('#888888')
          .stroke()
          .restore()
        useStyle(pdf, { size: 9.5 }).text(name, left, top + 116, {
          width: boxWidth,
          align: 'center',
        })
      }
      box(x, 'TTD. Pelanggan', doc.customerSignature, doc.customerSigner)
      box(x + boxWidth + 40, 'TTD. Pelaksana', doc.technicianSignature, doc.technicianSigner)
      pdf.y = top + 140
      numberPages(pdf)
    },
  )
}
