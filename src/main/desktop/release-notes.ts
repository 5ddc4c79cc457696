/** electron-updater's releaseNotes (text, or a list per version) as the text the window shows. */
export function releaseNotesText(
  notes: string | readonly { version: string; note: string | null }[] | null | undefined,
): string | null {
  if (!notes) return null
  if (typeof notes === 'string') return notes.trim() || null
  const text = notes
    .filter((n) => n.note?.trim())
    .map((n) => `${n.version}\n${n.note!.trim()}`)
    .join('\n\n')
  return text || null
}
