/**
 * A GenieACS NBI simulator for tests and local development (INTEGRATIONS.md "GenieACS NBI").
 * Binds 127.0.0.1 only.
 *
 *   const acs = await startAcsSim()
 *   const id = acs.addCpe({ model: 'tr098', oui: '00259E', productClass: 'HG8245H', serial: 'X1', pppoeUsername: 'budi' })
 *   // ... GET acs.url + '/devices/?query=…' ...
 *   await acs.close()
 */
export { startAcsSim } from './server'
export type { AcsSim, AcsSimOptions, SimCpeBehaviour, SimFault, SimTask } from './server'
export { cpeDoc, deviceIdOf, readPath } from './devices'
export type { SimCpe } from './devices'
