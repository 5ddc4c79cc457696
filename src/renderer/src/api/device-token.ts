/**
 * "Ingat perangkat ini 30 hari": the trusted-device token of each username that signed in on
 * this browser, kept in localStorage like the session token (token.ts). The server keeps only
 * its hash and decides whether it still counts (30 days, not revoked, same user).
 */
const PREFIX = 'loket.device.'

export function getDeviceToken(username: string): string | undefined {
  try {
    return localStorage.getItem(PREFIX + username.trim().toLowerCase()) ?? undefined
  } catch {
    return undefined
  }
}

export function setDeviceToken(username: string, token: string): void {
  try {
    localStorage.setItem(PREFIX + username.trim().toLowerCase(), token)
  } catch {
    // Private mode without storage: the code is simply asked again next time.
  }
}
