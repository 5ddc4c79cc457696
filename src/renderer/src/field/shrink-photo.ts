/** The longest side of a photo sent from the phone: enough to read a label or a meter. */
export const PHOTO_MAX_SIDE = 1600

async function decode(file: Blob): Promise<CanvasImageSource & { width: number; height: number }> {
  if (typeof createImageBitmap === 'function') {
    try {
      return await createImageBitmap(file)
    } catch {
      // Some browsers cannot decode every camera format this way: try an <img> below.
    }
  }
  const url = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error ?? new Error('read failed'))
    reader.readAsDataURL(file)
  })
  const img = new Image()
  img.src = url
  await img.decode()
  return img
}

/**
 * A camera photo made small enough to send over a weak LAN: at most `maxSide` (1600) px on its
 * longest side, as JPEG, returned as base64 (without the `data:` prefix). A photo already smaller keeps its
 * size but is re-encoded, so what is sent is always a JPEG.
 */
export async function shrinkPhoto(
  file: Blob,
  quality = 0.85,
  maxSide = PHOTO_MAX_SIDE,
): Promise<string> {
  const image = await decode(file)
  const scale = Math.min(1, maxSide / Math.max(image.width, image.height))
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(image.width * scale))
  canvas.height = Math.max(1, Math.round(image.height * scale))
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('no 2d canvas')
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height)
  const url = canvas.toDataURL('image/jpeg', quality)
  return url.slice(url.indexOf(',') + 1)
}

/** Bytes of a base64 text (what the host's 5 MB limit counts). */
export const base64Bytes = (b64: string) =>
  Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0)
