import { bastSignPayload } from '@shared/schemas'
import { prepareBast } from '../../registrations'
import { defineFieldKind } from '../kind'
import { registrationDeps, registrationOfMine } from './registration-checks'

/**
 * `bast.sign`: the customer's and my signature drawn on the phone and the switch "batasi koneksi
 * sebelum pembayaran", for a card whose installation is assigned to me. The activation (service
 * aktif or isolir, the installation fee's charge) commits with the command; the router wake-up,
 * the first invoice, the welcome and the BAST PDF run after that commit, as on the board.
 */
export const bastSign = defineFieldKind({
  kind: 'bast.sign',
  permission: 'registrations.manage',
  module: null,
  payload: bastSignPayload,
  apply: async (tx, { deps, caller }, p) => {
    await registrationOfMine(tx, caller, p.registrationId, 'installation')
    const bast = await prepareBast(registrationDeps(deps), caller.actor, p, caller.timeZone)
    const signed = await bast.sign(tx)
    return {
      result: {
        registrationId: signed.card.id,
        registrationStatus: 'aktif',
        serviceId: signed.serviceId,
        restrictBeforePayment: p.restrictBeforePayment,
      },
      afterCommit: () => bast.afterCommit(signed),
    }
  },
})
