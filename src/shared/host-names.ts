/**
 * Whether an address names this machine itself: 127.0.0.0/8, ::1, and IPv4-mapped 127.x
 * (`::ffff:127.0.0.1`, how a dual-stack socket reports an IPv4 loopback peer). Used for the
 * remote address of a request (first-run setup from this PC needs no code) and for the Host
 * header of one. Written out rather than with node:net so the shared layer stays page-safe.
 */
export function isLoopbackAddress(address: string): boolean {
  const a = address.trim().toLowerCase()
  if (a === '::1' || a === '0:0:0:0:0:0:0:1') return true
  const v4 = a.startsWith('::ffff:') ? a.slice('::ffff:'.length) : a
  const parts = v4.split('.')
  return (
    parts.length === 4 &&
    parts[0] === '127' &&
    parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)
  )
}

/** `LOKET_ALLOW_HOSTS=loket.kantor.lan, kasir.lan` → the names; blanks dropped. */
export function splitHostList(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[,\s]+/)
    .map((name) => name.trim())
    .filter((name) => name !== '')
}
