import { AppError } from '@shared/errors'
import { isIpv4OrHostName } from '@shared/schemas'

/**
 * The RouterOS commands an operator pastes once so isolir works (INTEGRATIONS.md): a slow ISOLIR
 * profile with its own pool, and NAT that sends that pool's web traffic (and the static-IP isolir
 * address-list's) to this host's landing page. Filled in with this host's address and port.
 */
export interface IsolirScriptInput {
  hostAddress: string
  hostPort: number
  profile: string
  list: string
  /** The isolir pool, e.g. 10.255.255.0/24: its first address is the profile's local address. */
  poolPrefix?: string
  rateLimit?: string
}

export function isolirScript(input: IsolirScriptInput): string {
  // Whatever the caller: nothing but an address or a name goes into a script run on the router.
  if (!isIpv4OrHostName(input.hostAddress)) {
    throw new AppError('VALIDATION', 'host address', {
      issues: [{ path: ['hostAddress'], message: 'validation.host_address' }],
    })
  }
  const prefix = input.poolPrefix ?? '10.255.255'
  const pool = `pool-${input.profile.toLowerCase()}`
  const rate = input.rateLimit ?? '256k/256k'
  const comment = 'Loket isolir'
  return [
    `# Loket — setup isolir (tempel sekali di Terminal router, lalu uji dengan satu pelanggan)`,
    `/ip pool add name=${pool} ranges=${prefix}.2-${prefix}.254 comment="${comment}"`,
    `/ppp profile add name=${input.profile} local-address=${prefix}.1 remote-address=${pool} rate-limit=${rate} comment="${comment}"`,
    `# Pelanggan isolir (PPPoE: pool ${prefix}.0/24, IP statis: address-list ${input.list}) diarahkan ke halaman isolir Loket`,
    `/ip firewall nat add chain=dstnat src-address=${prefix}.0/24 protocol=tcp dst-port=80 action=dst-nat to-addresses=${input.hostAddress} to-ports=${input.hostPort} comment="${comment}"`,
    `/ip firewall nat add chain=dstnat src-address-list=${input.list} protocol=tcp dst-port=80 action=dst-nat to-addresses=${input.hostAddress} to-ports=${input.hostPort} comment="${comment}"`,
    `# Selain DNS dan halaman isolir, lalu lintas pelanggan isolir ditolak`,
    `/ip firewall filter add chain=forward src-address=${prefix}.0/24 dst-address=${input.hostAddress} action=accept comment="${comment}"`,
    `/ip firewall filter add chain=forward src-address=${prefix}.0/24 protocol=udp dst-port=53 action=accept comment="${comment}"`,
    `/ip firewall filter add chain=forward src-address=${prefix}.0/24 action=drop comment="${comment}"`,
    `/ip firewall filter add chain=forward src-address-list=${input.list} dst-address=${input.hostAddress} action=accept comment="${comment}"`,
    `/ip firewall filter add chain=forward src-address-list=${input.list} protocol=udp dst-port=53 action=accept comment="${comment}"`,
    `/ip firewall filter add chain=forward src-address-list=${input.list} action=drop comment="${comment}"`,
    '',
  ].join('\n')
}
