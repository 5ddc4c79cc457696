/** The file as base64, the way the API takes it (inside the JSON call). */
export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = String(reader.result)
      // A data URL: "data:<type>;base64,<content>".
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'))
    reader.readAsDataURL(file)
  })
}

const TYPES: Record<string, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/** Saves a file the API sent as base64 through the browser's (or Electron's) download. */
export function saveBase64(fileName: string, contentBase64: string): void {
  const binary = atob(contentBase64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  const ext = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase()
  const url = URL.createObjectURL(
    new Blob([bytes], { type: TYPES[ext] ?? 'application/octet-stream' }),
  )
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked later: the download starts asynchronously from the still-valid URL.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
