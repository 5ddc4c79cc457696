/**
 * Where a saved secret may be sent (DESIGN.md, Security: "a saved secret is never sent to a host,
 * URL or port other than the one it was saved with"). Each secret is stored with the destination
 * it was entered for; a form that changes the destination must have the secret typed again.
 * Shared so the forms can say so next to the field before the server refuses.
 */

/** A RouterOS API: plain (8728) or TLS (8729), host and port. */
export function routerDestination(r: { host: string; port: number; tls: boolean }): string {
  return `${r.tls ? 'api-ssl' : 'api'}://${r.host.trim().toLowerCase()}:${r.port}`
}

/** An OLT's SNMP agent (community or v3 keys): host and UDP port. */
export function snmpDestination(o: { host: string; port: number }): string {
  return `snmp://${o.host.trim().toLowerCase()}:${o.port}`
}

/** An SMTP server: implicit TLS or not, host and port. */
export function smtpDestination(s: { host: string; port: number; secure: boolean }): string {
  return `${s.secure ? 'smtps' : 'smtp'}://${s.host.trim().toLowerCase()}:${s.port}`
}

/**
 * A gateway's base URL (Fonnte, Wablas): scheme, host, port and path, as the URL parser writes
 * them (lower-case host, default port dropped, no trailing slash). Text that is no URL stays as
 * typed, so it can only equal itself.
 */
export function baseUrlDestination(url: string): string {
  const text = url.trim()
  try {
    const u = new URL(text)
    return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}${u.search}`
  } catch {
    return text.replace(/\/+$/, '')
  }
}

/**
 * A URL template (`https://gw.example/send?to={phone}&text={message}&key={token}`): the whole
 * template, host lower-cased. Any other address or path is another destination.
 */
export function urlTemplateDestination(template: string): string {
  const text = template.trim()
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)(.*)$/is.exec(text)
  return match ? `${match[1]!.toLowerCase()}${match[2]!.toLowerCase()}${match[3]!}` : text
}

/** The settings of a channel as the form and the list hold them (core/messaging/channel-config). */
export interface ChannelDestinationSettings {
  baseUrl?: string
  templateUrl?: string
  host?: string
  port?: number
  secure?: boolean
}

/** The destination of a channel's secret, or null for a provider without one (baileys). */
export function channelDestination(provider: string, s: ChannelDestinationSettings): string | null {
  switch (provider) {
    case 'fonnte':
    case 'wablas':
      return baseUrlDestination(s.baseUrl ?? '')
    case 'url':
      return urlTemplateDestination(s.templateUrl ?? '')
    case 'smtp':
      return smtpDestination({ host: s.host ?? '', port: s.port ?? 0, secure: !!s.secure })
    default:
      return null
  }
}
