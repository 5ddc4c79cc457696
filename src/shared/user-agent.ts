/**
 * A browser's user agent in words for "Perangkat aktif": which browser on which system, never
 * the raw string. Loket's own desktop window (Electron) and the CLI are named as such.
 */
export interface DeviceWords {
  browser: string
  os: string | null
}

const BROWSERS: [RegExp, string][] = [
  [/\bloket-cli\b/i, 'Loket CLI'],
  [/\bElectron\//, 'Loket Desktop'],
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bUCBrowser\//, 'UC Browser'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  // Headless Chrome writes "HeadlessChrome/", which a word boundary before Chrome misses.
  [/\b(?:Headless)?Chrom(?:e|ium)\/|\bCriOS\//, 'Chrome'],
  [/\bSafari\//, 'Safari'],
]

const SYSTEMS: [RegExp, string][] = [
  [/\bAndroid\b/, 'Android'],
  [/\biPhone\b|\biPad\b|\biOS\b/, 'iOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bLinux\b/, 'Linux'],
]

export function describeUserAgent(userAgent: string): DeviceWords {
  const browser = BROWSERS.find(([re]) => re.test(userAgent))?.[1]
  const os = SYSTEMS.find(([re]) => re.test(userAgent))?.[1] ?? null
  if (browser) return { browser, os }
  // Not a browser we know (a script, curl): its first word, short.
  const first = userAgent.trim().split(/[\s/;()]+/)[0] ?? ''
  return { browser: first.slice(0, 40) || '?', os }
}

/** "Chrome di Windows" — for the CLI and the device name of a trusted device. */
export function deviceName(userAgent: string): string {
  const { browser, os } = describeUserAgent(userAgent)
  return os ? `${browser} di ${os}` : browser
}
