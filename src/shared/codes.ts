/**
 * Public numbers from patterns: `{AREA}` is the area code, a run of zeros in braces is the
 * sequence padded to that width (`{AREA}-{0000}` + CBG01 + 7 → CBG01-0007). Wider numbers
 * simply grow (CBG01-10000): a code is never truncated.
 */
export function formatCode(pattern: string, values: { area?: string; n: number }): string {
  return pattern
    .replace(/\{AREA\}/g, values.area ?? '')
    .replace(/\{(0+)\}/, (_m, zeros: string) => String(values.n).padStart(zeros.length, '0'))
}

/** The sequence number inside a code written by the same pattern, or null (a foreign code). */
export function parseCodeNumber(pattern: string, area: string, code: string): number | null {
  const escaped = pattern
    .split(/(\{AREA\}|\{0+\})/)
    .map((part) =>
      part === '{AREA}' ? escapeRe(area) : /^\{0+\}$/.test(part) ? '(\\d+)' : escapeRe(part),
    )
    .join('')
  const m = new RegExp(`^${escaped}$`, 'i').exec(code)
  return m ? Number(m[1]) : null
}

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** PPPoE username from the customer code by the company's rule ({kode}, {nama}, {sid}). */
export function pppoeUsername(
  rule: string,
  v: { code: string; name: string; sid: string },
): string {
  const slug = v.name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '')
  return rule
    .replace(/\{kode\}/g, v.code.toLowerCase())
    .replace(/\{nama\}/g, slug)
    .replace(/\{sid\}/g, v.sid.toLowerCase())
}
