import { dateInZone } from '@shared/dates'
import { AppError } from '@shared/errors'
import { appendAudit, type Actor } from '../../audit'
import { changePackage, setServiceStatus } from '../../customers'
import { enqueueDeviceJob, queueServiceSync } from '../../device-jobs'
import { writeTx } from '../../db'
import type { NetworkDeps } from '../deps'
import { commitSnapshot } from '../router-import'
import { readReconcile, type Difference, type FixDirection } from './diff'

type CompanyActor = Actor & { companyId: number }

export interface FixInput {
  routerId: number
  /** The difference's key from the report (`profile_differs:12`, `orphan_secret:budi`). */
  key: string
  direction: FixDirection
  /** Where an orphan secret imported as a new customer goes (default: the router's area, else
   * the area most of the router's customers are in). */
  areaId?: number | null
}

export interface FixResult {
  key: string
  direction: FixDirection
  /** Queued for the router (to_router), or what Loket changed (to_loket). */
  outcome: 'queued' | 'status' | 'product' | 'imported'
  /** An orphan imported as a new customer is an active service now (for the welcome message). */
  activatedServiceIds: number[]
}

const REASON = 'Rekonsiliasi router'

/**
 * One click on a difference, after reading the router again (the difference must still be there):
 * - to_router: the service's `service.sync` job (the router gets the service's desired state, its
 *   queue included), a package's `package.speed` job for a profile's rate-limit, or for a secret
 *   that belongs to no service a `secret.disable` job — never a delete;
 * - to_loket: the database follows the router: the service's status (isolir, aktif, putus), its
 *   package (the one with the router's profile), or the orphan secret imported as a customer.
 * Audited as `network.reconcile` with what each side had.
 */
export async function fixDifference(
  deps: NetworkDeps,
  actor: CompanyActor,
  input: FixInput,
  timeZone: string,
): Promise<FixResult> {
  const { router, snapshot, report } = await readReconcile(deps, actor.companyId, input.routerId)
  const diff = report.differences.find((d) => d.key === input.key)
  if (!diff) throw new AppError('NOT_FOUND', 'difference', { key: input.key })
  const today = dateInZone(deps.clock.now(), timeZone)
  const audit = (outcome: FixResult['outcome'], extra: Record<string, unknown> = {}) => ({
    action: 'network.reconcile' as const,
    entityType: diff.serviceId ? ('service' as const) : ('router' as const),
    entityId: diff.serviceId ?? router.id,
    before: { loket: diff.loket, router: diff.router, status: diff.status },
    after: {
      router: router.name,
      kind: diff.kind,
      login: diff.login,
      direction: input.direction,
      outcome,
      ...extra,
    },
  })
  let outcome: FixResult['outcome']
  let activatedServiceIds: number[] = []

  if (input.direction === 'to_router') {
    outcome = 'queued'
    await writeTx(deps.db, async (tx) => {
      if (diff.kind === 'rate_limit_differs') {
        await enqueueDeviceJob(
          tx,
          {
            companyId: actor.companyId,
            routerId: router.id,
            kind: 'package.speed',
            target: diff.key.slice('rate_limit_differs:'.length),
            reason: REASON,
            by: actor.username,
          },
          deps.clock.now(),
        )
      } else if (diff.serviceId === null) {
        await enqueueDeviceJob(
          tx,
          {
            companyId: actor.companyId,
            routerId: router.id,
            kind: 'secret.disable',
            target: diff.login,
            reason: REASON,
            by: actor.username,
          },
          deps.clock.now(),
        )
      } else {
        await queueServiceSync(
          tx,
          { id: diff.serviceId, company_id: actor.companyId, router_id: router.id },
          { reason: REASON, by: actor.username },
          deps.clock.now(),
        )
      }
      await appendAudit(tx, deps.clock, actor, audit(outcome))
    })
  } else {
    const fix = loketFix(diff)
    if (fix.action === 'import') {
      outcome = 'imported'
      const login = snapshot.logins.find((l) => l.kind === 'pppoe' && l.name === diff.login)!
      const areaId = input.areaId ?? router.area_id ?? (await usualArea(deps, router.id))
      await writeTx(deps.db, async (tx) => {
        const summary = await commitSnapshot(
          tx,
          deps,
          actor,
          router,
          { ...snapshot, logins: [login] },
          { areaId },
          timeZone,
        )
        if (summary.services + summary.linked === 0) {
          throw new AppError('VALIDATION', `${login.name} cannot be imported`, {
            reason: summary.skipped[0]?.reason ?? null,
          })
        }
        await appendAudit(tx, deps.clock, actor, audit(outcome, { code: summary.codes?.first }))
        activatedServiceIds = summary.activatedServiceIds
      })
    } else if (fix.action === 'status') {
      outcome = 'status'
      await writeTx(deps.db, async (tx) => {
        await setServiceStatus(
          tx,
          deps,
          actor,
          { serviceId: diff.serviceId!, status: fix.status, reason: REASON },
          today,
        )
        await appendAudit(tx, deps.clock, actor, audit(outcome, { status: fix.status }))
      })
    } else {
      outcome = 'product'
      // changePackage keeps the package history and is its own transaction; the audit follows it.
      await changePackage(
        deps,
        actor,
        {
          serviceId: diff.serviceId!,
          productId: fix.productId,
          effectiveDate: today,
          reason: REASON,
        },
        timeZone,
      )
      await writeTx(deps.db, (tx) =>
        appendAudit(tx, deps.clock, actor, audit(outcome, { product_id: fix.productId })),
      )
    }
  }
  deps.onDeviceJobs?.()
  return { key: diff.key, direction: input.direction, outcome, activatedServiceIds }
}

/** Where this router's customers mostly are: the area of an orphan imported with one click. */
async function usualArea(deps: NetworkDeps, routerId: number): Promise<number | null> {
  const row = await deps.db
    .selectFrom('services as s')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .select(['c.area_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('s.router_id', '=', routerId)
    .groupBy('c.area_id')
    .orderBy('n', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row?.area_id ?? null
}

function loketFix(diff: Difference) {
  if (!diff.toLoket)
    throw new AppError('VALIDATION', `Loket cannot follow the router for ${diff.key}`)
  return diff.toLoket
}
