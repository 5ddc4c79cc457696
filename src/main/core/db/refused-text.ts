/**
 * PostgreSQL refuses text it cannot store: a NUL character (SQLSTATE 22021,
 * character_not_in_repertoire) or one the encoding cannot hold (22P05). SQLite stores either.
 * The text schemas drop NUL before it gets here (src/shared/schemas/common.ts); a field that
 * still carries one is the caller's mistake, answered as VALIDATION instead of a 500.
 */
export function isRefusedText(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === '22021' || code === '22P05'
}
