/**
 * The new-customer workflow (seed 001, issue 16 "Registrasi → Aktif"): a card per new customer
 * walks six steps in order. Shared by core (the rules), API and the board.
 */
export const REGISTRATION_STEPS = [
  'registrasi',
  'survei',
  'akun',
  'produk',
  'instalasi',
  'finalisasi',
] as const
export type RegistrationStep = (typeof REGISTRATION_STEPS)[number]

/** berjalan: on the board; aktif: finalised and activated; ditolak: survey said tidak layak. */
export const REGISTRATION_STATUSES = ['berjalan', 'aktif', 'ditolak'] as const
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number]

export const SURVEY_PRIORITIES = ['rendah', 'sedang', 'tinggi'] as const
export type SurveyPriority = (typeof SURVEY_PRIORITIES)[number]

export const TAX_TYPES = ['non_ppn', 'ppn'] as const
export type TaxType = (typeof TAX_TYPES)[number]

/** What each event on a card records: a forward move, a move back, a form saved in place. */
export const REGISTRATION_EVENT_KINDS = [
  'created',
  'survey_scheduled',
  'survey_report',
  'account',
  'product',
  'installation_scheduled',
  'installation_report',
  'bast_signed',
  'activated',
  'back',
  'rejected',
] as const
export type RegistrationEventKind = (typeof REGISTRATION_EVENT_KINDS)[number]

export function stepIndex(step: RegistrationStep): number {
  return REGISTRATION_STEPS.indexOf(step)
}

export function nextStep(step: RegistrationStep): RegistrationStep | null {
  return REGISTRATION_STEPS[stepIndex(step) + 1] ?? null
}

export function previousStep(step: RegistrationStep): RegistrationStep | null {
  const i = stepIndex(step)
  return i > 0 ? REGISTRATION_STEPS[i - 1]! : null
}

/** Signatures drawn on screen: PNG only, at most this many bytes each. */
export const MAX_SIGNATURE_BYTES = 300 * 1024
/** Photos of a survey or installation report: JPEG/PNG/WebP, at most this many bytes each. */
export const MAX_REPORT_PHOTO_BYTES = 5 * 1024 * 1024
export const MAX_REPORT_PHOTOS = 6
