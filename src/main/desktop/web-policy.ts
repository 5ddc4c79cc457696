/**
 * What the desktop window may load and run. Pure (no 'electron'), so it is tested under Node.
 * The renderer's index.html carries the production policy in a meta tag for file:// loads; this
 * header covers pages fetched over http(s), i.e. the Vite dev server.
 */
export function contentSecurityPolicy(devServerUrl?: string): string {
  const dev = devServerUrl ? new URL(devServerUrl) : null
  return [
    "default-src 'self'",
    // Vite's React refresh preamble is an inline script: allowed for the dev server only.
    dev ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'",
    // Mantine writes CSS variables into a <style> tag at runtime.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    dev ? `connect-src 'self' ws://${dev.host}` : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** Links the page asks to open go to the system browser, and only when they are https. */
export function isExternalHttpsUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:'
  } catch {
    return false
  }
}

/** Permissions the page may get; everything else (camera, geolocation, notifications…) is denied. */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write'])
