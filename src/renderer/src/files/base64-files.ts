/** Files the API sends as base64 inside its JSON answers (PDF, Excel, CSV, attachments). */

const TYPES: Record<string, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
}

export function mimeOf(fileName: string): string {
  const ext = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase()
  return TYPES[ext] ?? 'application/octet-stream'
}

export function base64Blob(contentBase64: string, mime: string): Blob {
  const binary = atob(contentBase64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return new Blob([bytes], { type: mime })
}

/** Hands a file to the browser's (or Electron's) download through an `<a download>`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked later: the download starts asynchronously from the still-valid URL.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

export function saveBase64(fileName: string, contentBase64: string): void {
  saveBlob(base64Blob(contentBase64, mimeOf(fileName)), fileName)
}

/**
 * Opens a PDF in a new tab, where the browser's viewer prints it (receipts, invoices). When a
 * pop-up blocker refuses the tab, the file is downloaded instead so nothing is lost.
 */
export function openPdf(file: { fileName: string; contentBase64: string }): void {
  const url = URL.createObjectURL(base64Blob(file.contentBase64, 'application/pdf'))
  const tab = window.open(url, '_blank')
  if (!tab) saveBase64(file.fileName, file.contentBase64)
  setTimeout(() => URL.revokeObjectURL(url), 5 * 60_000)
}
