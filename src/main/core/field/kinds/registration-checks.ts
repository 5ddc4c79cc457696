import type { Kysely } from 'kysely'
import { AppError } from '@shared/errors'
import { takeTurn, type Database } from '../../db'
import type { FieldCaller, FieldDeps } from '../kind'
import type { RegistrationDeps } from '../../registrations'

/** Which technician a report from the phone belongs to: the survey's, or the installation's. */
export type RegistrationTask = 'survey' | 'installation'

const TASK_WORDS: Record<RegistrationTask, string> = { survey: 'Survei', installation: 'Instalasi' }

/**
 * What every registration command from the phone checks first: the card exists in my company and
 * its survey (survey.report) or installation (installation.report, bast.sign) is assigned to
 * me. Whether the card still stands at that step is the board's own rule, checked by the
 * registration function in the same transaction (REGISTRATION_STEP_REFUSED / _CLOSED).
 */
export async function registrationOfMine(
  tx: Kysely<Database>,
  caller: FieldCaller,
  registrationId: number,
  task: RegistrationTask,
) {
  // The card's turn first (as the board's forms take it): the technician read is the one decided on.
  await takeTurn(tx, `registration:${registrationId}`)
  const card = await tx
    .selectFrom('registrations as r')
    .innerJoin('customers as c', 'c.id', 'r.customer_id')
    .select(['r.id', 'r.survey_technician_id', 'r.install_technician_id', 'c.name'])
    .where('r.id', '=', registrationId)
    .where('r.company_id', '=', caller.actor.companyId)
    .executeTakeFirst()
  if (!card) throw new AppError('NOT_FOUND', `registration ${registrationId}`)
  const technician = task === 'survey' ? card.survey_technician_id : card.install_technician_id
  if (technician !== caller.actor.userId)
    throw new AppError('FIELD_REGISTRATION_NOT_ASSIGNED', `registration ${card.id} ${task}`, {
      taskWords: TASK_WORDS[task],
      customer: card.name,
    })
  return card
}

/** The registration functions need the file store (photos, signatures): the host always has one. */
export function registrationDeps(deps: FieldDeps): RegistrationDeps {
  if (!deps.files) throw new Error('field: no file store for registration photos')
  return { ...deps, files: deps.files }
}
