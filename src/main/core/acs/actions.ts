import type { Kysely } from 'kysely'
import { PATHS, type CpeAction, type CpeOutcome } from '@shared/acs'
import type { CpeActionInput, CpeWifiInput } from '@shared/schemas'
import { appendAudit, type Actor } from '../audit'
import { writeTx, type Database } from '../db'
import { findCustomerCpes, serviceKeys, type CpeView } from './cpe'
import { acsErrorText } from './errors'
import { postTask, queryFaults, type NbiTarget, type TaskAnswer } from './nbi-client'
import { nbiTarget, type AcsDeps } from './settings'

type CompanyActor = Actor & { companyId: number }

export interface CpeActionView {
  id: number
  deviceId: string
  action: CpeAction
  ssid: string | null
  outcome: CpeOutcome | null
  message: string | null
  username: string
  createdAt: string
  finishedAt: string | null
}

type Ask =
  { action: 'reboot' } | { action: 'refresh' } | { action: 'wifi'; ssid: string; password: string }

/** The GenieACS task for an action, in the CPE's own data model. */
function taskFor(ask: Ask, cpe: CpeView): object {
  switch (ask.action) {
    case 'reboot':
      return { name: 'reboot' }
    case 'refresh':
      return { name: 'refreshObject', objectName: '' }
    case 'wifi': {
      const p = PATHS[cpe.dataModel]
      return {
        name: 'setParameterValues',
        parameterValues: [
          [p.ssid, ask.ssid, 'xsd:string'],
          [p.wifiPassword, ask.password, 'xsd:string'],
        ],
      }
    }
  }
}

interface Result {
  outcome: CpeOutcome
  message: string | null
  taskId: string | null
}

/** What the NBI's answer to a task means (GenieACS lib/nbi.ts: 200, 202 and its reason, 404). */
async function resultOf(target: NbiTarget, deviceId: string, answer: TaskAnswer): Promise<Result> {
  const taskId = answer.task?._id ?? null
  if (answer.status === 200) return { outcome: 'done', message: null, taskId }
  if (answer.status === 404) return { outcome: 'not_found', message: answer.statusText, taskId }
  if (answer.statusText !== 'Task faulted')
    return { outcome: 'queued', message: answer.statusText || null, taskId }
  // The fault of this task: `<device id>:task_<task id>`.
  let message = answer.statusText
  try {
    const faults = await queryFaults(
      target,
      taskId ? { _id: `${deviceId}:task_${taskId}` } : { device: deviceId },
    )
    const f = faults[0]
    if (f) message = [f.code, f.message].filter(Boolean).join(': ') || message
  } catch (error) {
    message = `${message} (${acsErrorText(error)})`
  }
  return { outcome: 'fault', message, taskId }
}

/**
 * Asks the ACS to do something to one of the customer's CPEs, with a connection request so a
 * CPE that answers does it now. The request is recorded before the ACS is called and its answer
 * after, audited with the answer; no database transaction waits on the network. A device that is
 * not one of this customer's CPEs is never sent anything.
 */
export async function runCpeAction(
  deps: AcsDeps,
  actor: CompanyActor,
  input: CpeActionInput,
  ask: Ask,
): Promise<CpeActionView> {
  const keys = await serviceKeys(deps.db, actor.companyId, input.customerId)
  const target = await nbiTarget(deps, actor.companyId)
  const ssid = ask.action === 'wifi' ? ask.ssid : null
  const created = await deps.db
    .insertInto('cpe_actions')
    .values({
      company_id: actor.companyId,
      customer_id: input.customerId,
      device_id: input.deviceId,
      action: ask.action,
      detail: ssid === null ? null : JSON.stringify({ ssid }),
      user_id: actor.userId,
      username: actor.username ?? '',
      created_at: deps.clock.now().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  let result: Result
  try {
    const found = await findCustomerCpes(deps, actor.companyId, input.customerId, { target, keys })
    const cpe = found.devices.find((d) => d.deviceId === input.deviceId)
    result = cpe
      ? await resultOf(
          target,
          cpe.deviceId,
          await postTask(target, cpe.deviceId, taskFor(ask, cpe)),
        )
      : { outcome: 'not_found', message: 'bukan CPE pelanggan ini', taskId: null }
  } catch (error) {
    result = { outcome: 'unreachable', message: acsErrorText(error), taskId: null }
  }
  await writeTx(deps.db, async (tx) => {
    await tx
      .updateTable('cpe_actions')
      .set({
        outcome: result.outcome,
        message: result.message,
        task_id: result.taskId,
        finished_at: deps.clock.now().toISOString(),
      })
      .where('id', '=', created.id)
      .execute()
    await appendAudit(tx, deps.clock, actor, {
      action: `acs.${ask.action}`,
      entityType: 'customer',
      entityId: input.customerId,
      after: {
        device_id: input.deviceId,
        ...(ssid === null ? {} : { ssid, password_changed: true }),
        outcome: result.outcome,
        message: result.message,
      },
    })
  })
  return (await listCpeActions(deps.db, actor.companyId, input.customerId, created.id))[0]!
}

export const rebootCpe = (deps: AcsDeps, actor: CompanyActor, input: CpeActionInput) =>
  runCpeAction(deps, actor, input, { action: 'reboot' })

export const refreshCpe = (deps: AcsDeps, actor: CompanyActor, input: CpeActionInput) =>
  runCpeAction(deps, actor, input, { action: 'refresh' })

export const setCpeWifi = (deps: AcsDeps, actor: CompanyActor, input: CpeWifiInput) =>
  runCpeAction(deps, actor, input, { action: 'wifi', ssid: input.ssid, password: input.password })

/** The customer's latest CPE actions, newest first (one action when `id` is given). */
export async function listCpeActions(
  db: Kysely<Database>,
  companyId: number,
  customerId: number,
  id?: number,
): Promise<CpeActionView[]> {
  let q = db
    .selectFrom('cpe_actions')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('customer_id', '=', customerId)
  if (id !== undefined) q = q.where('id', '=', id)
  const rows = await q.orderBy('id', 'desc').limit(10).execute()
  return rows.map((r) => ({
    id: r.id,
    deviceId: r.device_id,
    action: r.action as CpeAction,
    ssid: r.detail ? ((JSON.parse(r.detail) as { ssid?: string }).ssid ?? null) : null,
    outcome: r.outcome as CpeOutcome | null,
    message: r.message,
    username: r.username,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
  }))
}
