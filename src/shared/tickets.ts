/**
 * The words of tickets (issue 16, "Tiket"; seed 000's statuses), shared by core, API and UI.
 * Statuses, priorities and media are the Indonesian words operators read.
 */
export const TICKET_STATUSES = [
  'baru',
  'dalam_proses',
  'menunggu_konfirmasi',
  'selesai',
  'dibatalkan',
] as const
export type TicketStatus = (typeof TICKET_STATUSES)[number]

/** Statuses a ticket is still being worked in (its SLA clock runs). */
export const OPEN_TICKET_STATUSES = ['baru', 'dalam_proses', 'menunggu_konfirmasi'] as const
export const isOpenTicket = (s: TicketStatus) =>
  (OPEN_TICKET_STATUSES as readonly string[]).includes(s)

export const TICKET_PRIORITIES = ['rendah', 'sedang', 'tinggi', 'darurat'] as const
export type TicketPriority = (typeof TICKET_PRIORITIES)[number]

/** How the complaint reached the office; `portal` is the customer portal (next issue). */
export const TICKET_MEDIA = ['telepon', 'whatsapp', 'datang', 'email', 'portal'] as const
export type TicketMedium = (typeof TICKET_MEDIA)[number]

export const TICKET_EVENT_KINDS = ['created', 'status', 'assigned', 'note', 'reopened'] as const
export type TicketEventKind = (typeof TICKET_EVENT_KINDS)[number]

/**
 * The forward path baru → dalam proses → menunggu konfirmasi → selesai (seed 000's "menunggu
 * konfirmasi pelanggan" may go back to dalam proses when the customer says it is not fixed); any
 * open ticket may be cancelled. Reopening (selesai/dibatalkan → dalam proses) is allowed with a reason only and is
 * checked apart (REOPEN_FROM). Every other jump is refused.
 */
export const TICKET_TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  baru: ['dalam_proses', 'dibatalkan'],
  dalam_proses: ['menunggu_konfirmasi', 'dibatalkan'],
  // The customer says it is not fixed yet: back to work, without a reopening.
  menunggu_konfirmasi: ['dalam_proses', 'selesai', 'dibatalkan'],
  selesai: ['dalam_proses'],
  dibatalkan: ['dalam_proses'],
}

/** Closed statuses a ticket may be reopened from (back to dalam_proses, with a reason). */
export const REOPEN_FROM: readonly TicketStatus[] = ['selesai', 'dibatalkan']

export function canMoveTicket(from: TicketStatus, to: TicketStatus): boolean {
  return TICKET_TRANSITIONS[from].includes(to)
}

/** "dalam_proses" → "dalam proses": how a status reads in a sentence. */
export const ticketStatusWords = (s: string) => s.replace(/_/g, ' ')

/** A ticket number: TKT/2026/000001, gapless per company and year. */
export function ticketNumber(year: number, n: number): string {
  return `TKT/${year}/${String(n).padStart(6, '0')}`
}
