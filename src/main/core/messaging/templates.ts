import type { Kysely } from 'kysely'
import { TEMPLATE_KEYS, type TemplateKey } from '@shared/messaging'
import type { Database, Db } from '../db'

export interface MessageTemplate {
  key: TemplateKey
  /** Used as the e-mail subject; WhatsApp sends the body only. */
  subject: string
  body: string
  /** False while the company still uses Loket's wording. */
  edited: boolean
}

/** Loket's Indonesian wording; a company edits a copy, and "kembalikan" brings these back. */
export const DEFAULT_TEMPLATES: Record<TemplateKey, { subject: string; body: string }> = {
  // Sent when the first service becomes active (collections/welcome.ts). The login is the one the
  // modem or router dials (PPPoE or hotspot); there is no customer portal to sign in to yet.
  welcome: {
    subject: 'Selamat datang di {perusahaan}',
    body:
      'Halo {nama}, selamat bergabung dengan {perusahaan}. Layanan internet Anda aktif mulai {tanggal}.\n' +
      'Kode pelanggan: {kode}\nPaket: {paket}\n' +
      'Akun internet (diisi di modem/router):\nUsername: {username}\nPassword: {password}\n' +
      'Simpan pesan ini dan sebutkan kode pelanggan saat membayar. Bantuan: {telepon_perusahaan}.',
  },
  invoice_issued: {
    subject: 'Tagihan {periode} - {perusahaan}',
    body:
      'Halo {nama} ({kode}),\ntagihan internet {periode} sudah terbit.\n' +
      'No. tagihan: {nomor_invoice}\nJumlah: {jumlah}\nJatuh tempo: {jatuh_tempo}\n' +
      'Bayar: {link_bayar}\nTerima kasih. {perusahaan}',
  },
  reminder: {
    subject: 'Pengingat tagihan - {perusahaan}',
    body:
      'Halo {nama} ({kode}),\nkami mengingatkan tagihan internet yang belum dibayar:\n' +
      '{rincian}\nTotal: {jumlah}\nJatuh tempo: {jatuh_tempo}\n' +
      'Bayar: {link_bayar}\nAbaikan pesan ini bila sudah membayar. {perusahaan}',
  },
  isolir_notice: {
    subject: 'Layanan internet diisolir - {perusahaan}',
    body:
      'Halo {nama} ({kode}),\nlayanan internet Anda kami isolir karena tagihan berikut belum dibayar:\n' +
      '{rincian}\nTotal: {jumlah}\nLayanan aktif kembali otomatis setelah pembayaran. ' +
      'Bayar: {link_bayar}\nBantuan: {telepon_perusahaan}. {perusahaan}',
  },
  payment_receipt: {
    subject: 'Pembayaran diterima - {perusahaan}',
    body:
      'Terima kasih {nama} ({kode}),\npembayaran {jumlah} pada {tanggal} sudah kami terima.\n' +
      '{rincian}\n{perusahaan}',
  },
  service_restored: {
    subject: 'Layanan aktif kembali - {perusahaan}',
    body:
      'Halo {nama} ({kode}),\nlayanan internet Anda sudah aktif kembali. ' +
      'Bila belum tersambung, matikan lalu nyalakan modem. Terima kasih. {perusahaan}',
  },
  package_changed: {
    subject: 'Paket berubah - {perusahaan}',
    body:
      'Halo {nama} ({kode}),\npaket internet Anda menjadi {paket} mulai {tanggal}. ' +
      'Terima kasih. {perusahaan}',
  },
  otp: {
    subject: 'Kode verifikasi {perusahaan}',
    body: 'Kode verifikasi {perusahaan}: {otp}\nBerlaku 10 menit. Jangan berikan kepada siapa pun.',
  },
  complaint_received: {
    subject: 'Keluhan diterima - {perusahaan}',
    body:
      'Halo {nama} ({kode}),\nkeluhan Anda sudah kami terima dengan nomor tiket {tiket}. ' +
      'Teknisi kami segera menindaklanjuti. {perusahaan}',
  },
  complaint_resolved: {
    subject: 'Keluhan selesai - {perusahaan}',
    body:
      'Halo {nama} ({kode}),\nkeluhan dengan nomor tiket {tiket} sudah selesai ditangani. ' +
      'Hubungi {telepon_perusahaan} bila masih ada kendala. {perusahaan}',
  },
  survey_rejected: {
    subject: 'Hasil survei pemasangan - {perusahaan}',
    body:
      'Yth. {nama}, terima kasih telah mendaftar di {perusahaan}. Mohon maaf, dari hasil survei ' +
      'lokasi pemasangan belum dapat dilakukan: {alasan}. Informasi lebih lanjut: {telepon_perusahaan}.',
  },
  // Sent once per service and period at 80 % of the package's quota (usage/fup.ts).
  quota_warning: {
    subject: 'Kuota internet 80% terpakai - {perusahaan}',
    body:
      'Halo {nama} ({kode}),\nKuota Anda sudah terpakai 80%: {terpakai} dari {kuota} paket {paket}. ' +
      'Setelah kuota habis, kecepatan menjadi {kecepatan_fup} sampai {tanggal}. {perusahaan}',
  },
  // Sent once per service and period when the quota is used up and the service moves to FUP.
  quota_exhausted: {
    subject: 'Kuota internet habis - {perusahaan}',
    body:
      'Halo {nama} ({kode}),\nkuota {kuota} paket {paket} sudah habis ({terpakai} terpakai). ' +
      'Mulai sekarang kecepatan menjadi {kecepatan_fup} sampai {tanggal}, lalu kembali normal. ' +
      'Bantuan: {telepon_perusahaan}. {perusahaan}',
  },
}

/** Every template as the company uses it now: its edit, else Loket's wording. */
export async function loadTemplates(
  db: Db | Kysely<Database>,
  companyId: number,
): Promise<Record<TemplateKey, MessageTemplate>> {
  const rows = await db
    .selectFrom('message_templates')
    .select(['key', 'subject', 'body'])
    .where('company_id', '=', companyId)
    .execute()
  const edited = new Map(rows.map((r) => [r.key, r]))
  const out = {} as Record<TemplateKey, MessageTemplate>
  for (const key of TEMPLATE_KEYS) {
    const row = edited.get(key)
    out[key] = row
      ? { key, subject: row.subject, body: row.body, edited: true }
      : { key, ...DEFAULT_TEMPLATES[key], edited: false }
  }
  return out
}

export async function loadTemplate(
  db: Db | Kysely<Database>,
  companyId: number,
  key: TemplateKey,
): Promise<MessageTemplate> {
  const row = await db
    .selectFrom('message_templates')
    .select(['subject', 'body'])
    .where('company_id', '=', companyId)
    .where('key', '=', key)
    .executeTakeFirst()
  return row ? { key, ...row, edited: true } : { key, ...DEFAULT_TEMPLATES[key], edited: false }
}
