import type { SelfPayChannels, SelfPayStarted, SelfPayState, SelfPayView } from '@api/self-pay'
import { periodLabel } from '@shared/billing'
import { formatShortDate, type CalendarDate } from '@shared/dates'
import { formatRupiah } from '@shared/money'
import { formatPhone } from '@shared/phone'
import { escapeHtml as e, page } from './html'

type Company = { name: string; phone: string | null; address: string }
type Channel = SelfPayChannels['channels'][number]

const GROUPS: [Channel['group'], string][] = [
  ['virtual_account', 'Virtual Account (transfer bank)'],
  ['qris', 'QRIS'],
  ['ewallet', 'E-wallet'],
  ['retail', 'Gerai retail (Alfamart, Indomaret)'],
  ['other', 'Lainnya'],
]

const contact = (company: Company | null) =>
  [
    company?.address ? `<p class="muted">Alamat kantor: ${e(company.address)}</p>` : '',
    company?.phone
      ? `<p class="muted">Telepon / WhatsApp: <strong>${e(formatPhone(company.phone))}</strong></p>`
      : '',
  ].join('')

/** The page for an address Loket does not know (and what isolir showed before it knew anyone). */
export function generalIsolirPage(company: Company | null): string {
  return page(
    { title: 'Layanan internet Anda sedang diisolir', company: company?.name ?? null },
    `<p>Akses internet dibatasi karena ada tagihan yang belum dibayar. Silakan lakukan pembayaran di kantor kami; layanan akan aktif kembali setelah pembayaran diterima.</p>
${contact(company)}
<p>Bila Anda sudah membayar, hubungi kami dengan menyebutkan nomor pelanggan Anda.</p>`,
  )
}

const invoiceName = (i: SelfPayView['invoices'][number]) =>
  i.period
    ? `Tagihan ${periodLabel(i.period)}`
    : `Tagihan ${formatShortDate(i.issueDate as CalendarDate)}`

function invoiceRows(view: SelfPayView, selectable: boolean): string {
  return view.invoices
    .map((i) => {
      const detail = `${i.number ? `${e(i.number)} · ` : ''}jatuh tempo ${formatShortDate(i.dueDate as CalendarDate)}`
      const box =
        selectable && !i.paid
          ? `<input type="checkbox" name="invoice" value="${i.id}" checked aria-label="${e(invoiceName(i))}">`
          : ''
      const tag = selectable ? 'label' : 'div'
      const amount = i.paid
        ? '<span class="badge ok">Lunas</span>'
        : `<b>${formatRupiah(i.amount)}</b>`
      return `<${tag} class="row">${box}<span>${e(invoiceName(i))}<small>${detail}</small></span>${amount}</${tag}>`
    })
    .join('\n')
}

function channelRadios(channels: Channel[]): string {
  return GROUPS.map(([group, legend]) => {
    const list = channels.filter((c) => c.group === group)
    if (!list.length) return ''
    const rows = list
      .map(
        (c) =>
          `<label class="row"><input type="radio" name="channel" value="${e(c.code)}" required><span>${e(c.name)}<small>Biaya ${formatRupiah(c.fee)} · Total bayar ${formatRupiah(c.total)}</small></span></label>`,
      )
      .join('\n')
    return `<fieldset><legend>${e(legend)}</legend>\n${rows}\n</fieldset>`
  }).join('\n')
}

export interface PayPageInput {
  view: SelfPayView
  channels: SelfPayChannels
  /** Where the form posts, and its signed token. */
  action: string
  formToken: string
  /** The isolir page says why the internet stopped; a link only asks for payment. */
  isolir: boolean
  error?: string
}

/** The customer, their arrears and the pay form: plain HTML form, no script. */
export function payPage(p: PayPageInput): string {
  const { view } = p
  const unpaid = view.invoices.filter((i) => !i.paid)
  const who = `<div class="who"><span class="muted">Pelanggan</span><strong>${e(view.customer.maskedName)} · ${e(view.customer.code)}</strong></div>`
  const intro = p.isolir
    ? '<p>Akses internet dibatasi karena ada tagihan yang belum dibayar. Bayar di sini; layanan aktif kembali otomatis setelah pembayaran diterima.</p>'
    : ''
  const error = p.error ? `<p class="alert" role="alert">${e(p.error)}</p>` : ''
  if (unpaid.length === 0) {
    return page(
      {
        title: p.isolir ? 'Layanan internet Anda sedang diisolir' : 'Sudah lunas',
        company: view.company.name,
        tone: p.isolir ? 'warn' : 'ok',
      },
      `${who}${error}${p.isolir ? '<p>Tidak ada tagihan yang belum dibayar. Bila layanan belum aktif kembali, matikan lalu nyalakan modem, atau hubungi kami.</p>' : '<p><span class="badge ok">Lunas</span></p><p>Tagihan ini sudah dibayar. Terima kasih.</p>'}
${invoiceRows(view, false)}
${contact(view.company)}`,
    )
  }
  const total = `<div class="total"><span>Total tagihan</span><span>${formatRupiah(view.total)}</span></div>`
  if (!p.channels.gateway || p.channels.channels.length === 0) {
    return page(
      {
        title: p.isolir ? 'Layanan internet Anda sedang diisolir' : 'Pembayaran tagihan',
        company: view.company.name,
      },
      `${intro}${who}${error}<h2>Tagihan belum dibayar</h2>
${invoiceRows(view, false)}
${total}
<p>Pembayaran online belum tersedia. Silakan bayar di kantor kami atau hubungi kami.</p>
${contact(view.company)}`,
    )
  }
  return page(
    {
      title: p.isolir ? 'Layanan internet Anda sedang diisolir' : 'Pembayaran tagihan',
      company: view.company.name,
    },
    `${intro}${who}${error}
<form method="post" action="${e(p.action)}">
<input type="hidden" name="form" value="${e(p.formToken)}">
<h2>Tagihan belum dibayar</h2>
${invoiceRows(view, true)}
${total}
<h2>Pilih cara bayar</h2>
<p class="muted">Biaya dihitung untuk total semua tagihan di atas.</p>
${channelRadios(p.channels.channels)}
<button type="submit">Bayar sekarang</button>
</form>
${contact(view.company)}`,
  )
}

export interface StartedPageInput {
  company: Company & { timeZone: string }
  started: SelfPayStarted
  statusUrl: string
  isolir: boolean
}

/** "06/12/2026 pukul 15.44": a deadline to the minute, in the company's time zone. */
function untilText(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('id-ID', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso))
  const v = (type: string) => parts.find((x) => x.type === type)?.value ?? ''
  return `${v('day')}/${v('month')}/${v('year')} pukul ${v('hour')}.${v('minute')}`
}

/** After the form: the gateway's checkout page, or the pay code with its expiry and steps. */
export function startedPage(p: StartedPageInput): string {
  const { started: s } = p
  const amounts = `<div class="row"><span>Total bayar<small>Tagihan ${formatRupiah(s.amount)} + biaya ${formatRupiah(s.fee)}</small></span><b>${formatRupiah(s.amount + s.fee)}</b></div>`
  const expires = `<p>Bayar sebelum <strong>${e(untilText(s.expiresAt, p.company.timeZone))}</strong>.</p>`
  const status = `<a class="button secondary" href="${e(p.statusUrl)}">Cek status pembayaran</a>`
  if (s.checkoutUrl && !s.payCode) {
    const note = p.isolir
      ? '<p class="muted">Bila halaman pembayaran tidak terbuka karena internet sedang diisolir, kembali lalu pilih Virtual Account atau gerai retail.</p>'
      : ''
    return page(
      {
        title: 'Lanjutkan ke halaman pembayaran',
        company: p.company.name,
        tone: 'info',
        refresh: { seconds: 1, url: s.checkoutUrl },
      },
      `<p>${e(s.channelName)} · nomor transaksi ${e(s.reference)}</p>${amounts}${expires}
<a class="button" href="${e(s.checkoutUrl)}" rel="noreferrer">Buka halaman pembayaran</a>
${note}${status}`,
    )
  }
  const steps = s.instructions
    .map(
      (ins) =>
        `<details><summary>${e(ins.title)}</summary><ol>${ins.steps.map((st) => `<li>${e(st)}</li>`).join('')}</ol></details>`,
    )
    .join('\n')
  const checkout = s.checkoutUrl
    ? `<a class="button secondary" href="${e(s.checkoutUrl)}" rel="noreferrer">Buka halaman pembayaran</a>`
    : ''
  return page(
    { title: 'Selesaikan pembayaran', company: p.company.name, tone: 'info' },
    `<p>${e(s.channelName)} · nomor transaksi ${e(s.reference)}</p>
${s.payCode ? `<p class="muted">Kode bayar</p><p class="code">${e(s.payCode)}</p>` : ''}
${amounts}${expires}
${steps ? `<h2>Cara bayar</h2>\n${steps}` : ''}
${checkout}${status}`,
  )
}

const STATES: Record<
  SelfPayState['state'],
  { title: string; badge: string; tone: 'ok' | 'wait' | 'bad'; text: string }
> = {
  paid: {
    title: 'Pembayaran diterima',
    badge: 'Lunas',
    tone: 'ok',
    text: 'Terima kasih, pembayaran sudah kami terima. Bila tidak ada lagi tagihan yang lewat jatuh tempo, layanan yang diisolir aktif kembali dalam beberapa menit; bila belum tersambung, matikan lalu nyalakan modem.',
  },
  unpaid: {
    title: 'Menunggu pembayaran',
    badge: 'Belum dibayar',
    tone: 'wait',
    text: 'Halaman ini memeriksa lagi dengan sendirinya. Setelah membayar, tunggu sebentar.',
  },
  held: {
    title: 'Pembayaran sedang diperiksa',
    badge: 'Diperiksa',
    tone: 'wait',
    text: 'Jumlah yang diterima berbeda dari tagihan; petugas kami memeriksanya. Hubungi kami bila perlu.',
  },
  expired: {
    title: 'Waktu pembayaran habis',
    badge: 'Kedaluwarsa',
    tone: 'bad',
    text: 'Transaksi ini tidak bisa dibayar lagi. Silakan buat pembayaran baru.',
  },
  failed: {
    title: 'Pembayaran gagal',
    badge: 'Gagal',
    tone: 'bad',
    text: 'Transaksi ini gagal. Silakan buat pembayaran baru.',
  },
  refund: {
    title: 'Pembayaran dikembalikan',
    badge: 'Dikembalikan',
    tone: 'bad',
    text: 'Dana transaksi ini dikembalikan. Hubungi kami bila ada pertanyaan.',
  },
}

/** "Cek status pembayaran": refreshes itself every 15 s while the payment is awaited. */
export function statusPage(p: {
  company: Company
  reference: string
  state: SelfPayState | null
  selfUrl: string
  backUrl: string
}): string {
  if (!p.state) {
    return page(
      { title: 'Transaksi tidak ditemukan', company: p.company.name },
      `<p>Nomor transaksi ini tidak dikenal untuk tagihan Anda.</p><a class="button secondary" href="${e(p.backUrl)}">Kembali ke tagihan</a>`,
    )
  }
  const s = STATES[p.state.state]
  const waiting = p.state.state === 'unpaid' || p.state.state === 'held'
  return page(
    {
      title: s.title,
      company: p.company.name,
      tone: s.tone === 'ok' ? 'ok' : s.tone === 'wait' ? 'info' : 'warn',
      ...(waiting ? { refresh: { seconds: 15, url: p.selfUrl } } : {}),
    },
    `<p><span class="badge ${s.tone}">${s.badge}</span></p>
<p>${s.text}</p>
<p class="muted">Nomor transaksi ${e(p.reference)}</p>
${waiting ? `<a class="button secondary" href="${e(p.selfUrl)}">Cek status pembayaran</a>` : `<a class="button secondary" href="${e(p.backUrl)}">Kembali ke tagihan</a>`}
${contact(p.company)}`,
  )
}

/** A pay link that is not (or no longer) valid: says so, and shows nothing of what it named. */
export function linkRefusedPage(reason: 'forged' | 'expired'): string {
  return reason === 'expired'
    ? page(
        { title: 'Tautan pembayaran sudah kedaluwarsa', company: null },
        '<p>Tautan ini sudah tidak berlaku. Gunakan tautan pada pesan tagihan terbaru, atau hubungi kantor penyedia internet Anda.</p>',
      )
    : page(
        { title: 'Tautan pembayaran tidak valid', company: null },
        '<p>Tautan ini tidak dikenal atau tidak lengkap. Pastikan tautan disalin utuh dari pesan tagihan, atau hubungi kantor penyedia internet Anda.</p>',
      )
}

/** Too many requests from one address. */
export function tooManyPage(): string {
  return page(
    { title: 'Terlalu banyak permintaan', company: null },
    '<p>Silakan tunggu beberapa menit, lalu coba lagi.</p>',
  )
}

/** A form that came back stale or from elsewhere. */
export const STALE_FORM =
  'Halaman ini sudah terlalu lama dibuka. Silakan pilih lagi lalu tekan Bayar sekarang.'
