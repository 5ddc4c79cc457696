/**
 * The words of messaging, shared by core, API and UI: channels and their providers, the outbox's
 * statuses and reasons, and the templates with the variables they may use.
 */
export const MESSAGE_CHANNELS = ['whatsapp', 'email'] as const
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number]

export const WHATSAPP_PROVIDERS = ['fonnte', 'wablas', 'url', 'baileys'] as const
export type WhatsappProvider = (typeof WHATSAPP_PROVIDERS)[number]
export const CHANNEL_PROVIDERS = [...WHATSAPP_PROVIDERS, 'smtp'] as const
export type ChannelProvider = (typeof CHANNEL_PROVIDERS)[number]

/** Messages per minute a channel sends unless told otherwise: slow enough that gateways don't ban. */
export const DEFAULT_RATE_PER_MINUTE = 20

/** antri = queued, terkirim = sent, gagal = failed for good, dilewati = skipped (with a reason). */
export const MESSAGE_STATUSES = ['antri', 'terkirim', 'gagal', 'dilewati'] as const
export type MessageStatus = (typeof MESSAGE_STATUSES)[number]

/** Why a message was skipped before sending, or why it failed. */
export const MESSAGE_REASONS = [
  'no_number',
  'invalid_number',
  'no_email',
  'opted_out',
  'no_channel',
  'channel_down',
  'rejected',
  'cancelled',
] as const
export type MessageReason = (typeof MESSAGE_REASONS)[number]

export const TEMPLATE_KEYS = [
  'welcome',
  'invoice_issued',
  'reminder',
  'isolir_notice',
  'payment_receipt',
  'service_restored',
  'package_changed',
  'otp',
  'complaint_received',
  'complaint_resolved',
  'survey_rejected',
  'quota_warning',
  'quota_exhausted',
] as const
export type TemplateKey = (typeof TEMPLATE_KEYS)[number]

/**
 * Templates kept ready for features that do not exist yet: nothing sends them, and the template
 * page says so. None today: `otp` is sent by the one-time code service (core/otp), the complaint
 * templates by tickets (core/tickets).
 */
export const UNSENT_TEMPLATES: ReadonlySet<TemplateKey> = new Set<TemplateKey>([])

/** Kinds of messages that are not made from a template. */
export const MESSAGE_KINDS = [...TEMPLATE_KEYS, 'broadcast', 'test'] as const
export type MessageKind = (typeof MESSAGE_KINDS)[number]

/** Every variable a template may use; a template with another `{word}` is refused on save. */
export const TEMPLATE_VARIABLES = [
  'nama',
  'kode',
  'perusahaan',
  'telepon_perusahaan',
  'periode',
  'jumlah',
  'jatuh_tempo',
  'link_bayar',
  'nomor_invoice',
  'rincian',
  'paket',
  'username',
  'password',
  'otp',
  'tiket',
  'tanggal',
  'alasan',
  'kuota',
  'terpakai',
  'kecepatan_fup',
] as const
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number]
export type TemplateValues = Partial<Record<TemplateVariable, string>>

const KNOWN_VARIABLES: ReadonlySet<string> = new Set(TEMPLATE_VARIABLES)

/**
 * `{nama}` → the value; a variable without a value is left visible, so a gap is noticed. Only the
 * variables' own values count: `{constructor}` or `{__proto__}` are not variables and stay text
 * (a plain lookup would find what every object inherits).
 */
export function renderTemplate(text: string, values: TemplateValues): string {
  return text.replace(/\{([a-z_]+)\}/g, (whole, name: string) => {
    if (!KNOWN_VARIABLES.has(name) || !Object.hasOwn(values, name)) return whole
    const value = values[name as TemplateVariable]
    return typeof value === 'string' ? value : whole
  })
}

/** The `{words}` a template uses that are not variables (shown as an error on save). */
export function unknownVariables(text: string): string[] {
  const known = new Set<string>(TEMPLATE_VARIABLES)
  const found = new Set<string>()
  for (const m of text.matchAll(/\{([a-z_]+)\}/g)) if (!known.has(m[1]!)) found.add(m[1]!)
  return [...found]
}
