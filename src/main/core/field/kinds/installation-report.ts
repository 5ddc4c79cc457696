import { installationReportPayload } from '@shared/schemas'
import { saveInstallationReport } from '../../registrations'
import { defineFieldKind } from '../kind'
import { registrationDeps, registrationOfMine } from './registration-checks'

/**
 * `installation.report`: ONU serial, RX power, cable length, notes and photos of a card whose
 * installation is assigned to me (Instalasi → Finalisasi); the board's refusals are conflicts.
 */
export const installationReport = defineFieldKind({
  kind: 'installation.report',
  permission: 'registrations.manage',
  module: null,
  payload: installationReportPayload,
  apply: async (tx, { deps, caller }, p) => {
    await registrationOfMine(tx, caller, p.registrationId, 'installation')
    const moved = await saveInstallationReport(registrationDeps(deps), caller.actor, p, tx)
    return {
      result: { registrationId: moved.id, step: moved.step, registrationStatus: moved.status },
    }
  },
})
