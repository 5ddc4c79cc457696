import { hostname, networkInterfaces } from 'node:os'
import { isLoopbackAddress } from '@shared/host-names'

export interface OwnHostNamesOptions {
  /** The address the server is bound to (`--host`); a wildcard (0.0.0.0, ::) adds nothing. */
  bindHost?: string
  /** Names the operator adds (`--allow-host`, LOKET_ALLOW_HOSTS), e.g. a DNS name for the host. */
  allowHosts?: readonly string[]
}

/**
 * The names a browser may use for this host in a request that changes something. A page of
 * another site whose name was re-pointed at this host (DNS rebinding) sends its own name in
 * Host, never one of these, so its POSTs are refused.
 */
export function ownHostNames(options: OwnHostNamesOptions = {}) {
  const fixed = new Set<string>(['localhost'])
  const machine = hostname().toLowerCase()
  if (machine) fixed.add(machine).add(`${machine}.local`)
  const bind = options.bindHost ? hostPart(options.bindHost) : null
  if (bind && bind !== '0.0.0.0' && bind !== '::') fixed.add(bind)
  for (const name of options.allowHosts ?? []) {
    const part = hostPart(name)
    if (part) fixed.add(part)
  }
  let interfaces = interfaceAddresses()
  return {
    /** Whether a Host header (with or without port) names this host. */
    allows(hostHeader: string | undefined): boolean {
      const name = hostHeader ? hostPart(hostHeader) : null
      if (!name) return false
      if (fixed.has(name) || isLoopbackAddress(name) || interfaces.has(name)) return true
      // A laptop's DHCP address changes while the host runs: look again before refusing.
      interfaces = interfaceAddresses()
      return interfaces.has(name)
    },
    /** The name of a Host header as compared (lower case, no port, no brackets), for messages. */
    nameOf: (hostHeader: string | undefined) => (hostHeader ? hostPart(hostHeader) : null) ?? '',
  }
}

export type OwnHostNames = ReturnType<typeof ownHostNames>

function interfaceAddresses(): Set<string> {
  const out = new Set<string>()
  for (const list of Object.values(networkInterfaces())) {
    // Link-local IPv6 carries a zone (fe80::1%eth0) that a Host header leaves out.
    for (const a of list ?? []) out.add(a.address.toLowerCase().replace(/%.*$/, ''))
  }
  return out
}

/** `Name:8080` → `name`, `[fe80::1]:8080` → `fe80::1`, `name.` → `name`; null when malformed. */
function hostPart(value: string): string | null {
  const v = value.trim().toLowerCase()
  if (v.startsWith('[')) {
    const end = v.indexOf(']')
    return end > 1 ? v.slice(1, end).replace(/%.*$/, '') : null
  }
  // A bare IPv6 address (no brackets) only comes from our own options, never from a browser.
  if (v.split(':').length > 2) return v
  const name = v.split(':')[0]!.replace(/\.$/, '')
  return /^[a-z0-9._-]+$/.test(name) ? name : null
}
