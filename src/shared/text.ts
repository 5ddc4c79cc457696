/**
 * Typed text without the characters no keyboard types: C0 and C1 controls and DEL. Line breaks
 * and tabs become spaces (they separate words); the rest is removed, so `bud\u0000i` is `budi`.
 * A NUL in particular cuts a full-text query short inside SQLite.
 */
export function withoutControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\t\n\v\f\r]/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
}

/**
 * The name an uploaded file is kept under: its last path part whichever separator the sending
 * PC uses (`../../etc/passwd` → `passwd`, `C:\Users\x\KTP.png` → `KTP.png`), without control
 * characters. Empty when nothing is left that names a file (`..`, `/`).
 */
export function baseFileName(name: string): string {
  const base = withoutControls(name).split(/[\\/]/).pop()!.trim()
  return base === '.' || base === '..' ? '' : base
}
