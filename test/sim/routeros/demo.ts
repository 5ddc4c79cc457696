/** Demo data for the CLI (`--secrets N`) and for manual runs. */
import type { RouterSim } from './index.js'

/** Seeds demo data: PPP profiles (5M, 10M, 20M, ISOLIR), a hotspot profile, N secrets, ~2/3 online. */
export function seedDemo(sim: RouterSim, secrets: number): void {
  const profiles = [
    ['5M', '5M/5M'],
    ['10M', '10M/10M'],
    ['20M', '20M/20M'],
    ['ISOLIR', '256k/256k'],
  ]
  for (const [name, rate] of profiles) {
    sim.state.add('/ppp/profile', {
      name: name!,
      'local-address': '10.10.0.1',
      'remote-address': name === 'ISOLIR' ? 'pool-isolir' : 'pool-pppoe',
      'rate-limit': rate!,
    })
  }
  sim.state.add('/ip/hotspot/user/profile', { name: '1hari', 'rate-limit': '2M/2M' })
  const online: { name: string; address: string }[] = []
  for (let i = 1; i <= secrets; i++) {
    const name = `pel${String(i).padStart(4, '0')}`
    const address = `10.10.${(i >> 8) & 0xff}.${i & 0xff || 1}`
    sim.state.add('/ppp/secret', {
      name,
      password: `pw${i}`,
      service: 'pppoe',
      profile: profiles[i % 3]![0]!,
      'remote-address': address,
      comment: `CBG01-${String(i).padStart(4, '0')}`,
    })
    if (i % 3 !== 0) online.push({ name, address })
  }
  sim.state.setOnline(online)
}
