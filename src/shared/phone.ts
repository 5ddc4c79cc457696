/**
 * Indonesian phone numbers are stored normalised as `62…` digits (the form WhatsApp gateways
 * take): strip everything but digits; `+62…`/`62…` stay; `0…` becomes `62…`; a bare `8…`
 * (people often drop the leading zero) becomes `628…`.
 */
export type NormalisedPhone = string & { readonly __brand: 'NormalisedPhone' }

export function normalisePhone(input: string): NormalisedPhone | null {
  let digits = input.replace(/\D/g, '')
  if (digits.startsWith('0062')) digits = digits.slice(2)
  if (digits.startsWith('62')) {
    // already international
  } else if (digits.startsWith('0')) {
    digits = `62${digits.slice(1)}`
  } else if (digits.startsWith('8')) {
    digits = `62${digits}`
  } else {
    return null
  }
  // 62 + subscriber number of 7–12 digits (landlines are shorter than mobiles).
  if (digits.length < 9 || digits.length > 15) return null
  if (digits[2] === '0') return null
  return digits as NormalisedPhone
}

export function isValidPhone(input: string): boolean {
  return normalisePhone(input) !== null
}

/** The local way of writing a stored number: 6281234567890 → 0812-3456-7890. */
export function formatPhone(phone: string): string {
  const local = phone.startsWith('62') ? `0${phone.slice(2)}` : phone
  return local.replace(/^(\d{4})(\d{4})(\d+)$/, '$1-$2-$3')
}

/**
 * A contact as a person reads it: a stored `62…` number the local way (0812-3456-7890), anything
 * else (an e-mail address, a number typed some other way) as it is.
 */
export function formatContact(contact: string): string {
  return /^62\d{7,13}$/.test(contact) ? formatPhone(contact) : contact
}

export function whatsappLink(phone: NormalisedPhone | string, text?: string): string {
  const base = `https://wa.me/${phone}`
  return text ? `${base}?text=${encodeURIComponent(text)}` : base
}
