import { surveyReportPayload } from '@shared/schemas'
import { saveSurveyReport } from '../../registrations'
import { defineFieldKind } from '../kind'
import { registrationDeps, registrationOfMine } from './registration-checks'

/**
 * `survey.report`: the survey report of a card whose survey is assigned to me (layak → Akun,
 * tidak layak ends the card with the reason). A card no longer at Survei, or finished, is the
 * board's refusal (REGISTRATION_STEP_REFUSED / REGISTRATION_CLOSED) and the conflict's reason.
 */
export const surveyReport = defineFieldKind({
  kind: 'survey.report',
  permission: 'registrations.manage',
  module: null,
  payload: surveyReportPayload,
  apply: async (tx, { deps, caller }, p) => {
    await registrationOfMine(tx, caller, p.registrationId, 'survey')
    const moved = await saveSurveyReport(registrationDeps(deps), caller.actor, p, tx)
    return {
      result: { registrationId: moved.id, step: moved.step, registrationStatus: moved.status },
      messagesQueued: moved.messages,
    }
  },
})
