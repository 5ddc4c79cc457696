import { writeTx } from '@core/db'
import { appendAudit } from '@core/audit'
import { updateServiceNetwork } from '@core/customers'
import { deviceJobCounts, listDeviceJobs, retryDeviceJobs } from '@core/device-jobs'
import { getCollectionSettings, isolirByHand } from '@core/collections'
import {
  createRouter,
  isolirScript,
  listIsolirCandidates,
  listRouters,
  loadRouter,
  previewIsolir,
  routerView,
  runDeviceQueue,
  testRouter,
  updateRouter,
} from '@core/network'
import {
  deviceJobFilter,
  idSchema,
  isolirInput,
  isolirScriptInput,
  routerInput,
  routerTestInput,
  routerUpdateInput,
  searchText,
  serviceNetworkInput,
  ISOLIR_ACTIONS,
} from '@shared/schemas'
import { z } from 'zod'
import { timeZoneOf } from '../time-zone'
import { procedure, router } from '../trpc'

/** Routers, the device queue and isolir. Nothing here talks to a router inside the request except
 * "test connection" and "apply now", which exist to do exactly that. */
export const networkRouter = router({
  routers: procedure(['network.view', 'customers.manage']).query(({ ctx }) =>
    listRouters(ctx.services.db, ctx.user.companyId),
  ),
  router: procedure('network.view')
    .input(z.object({ id: idSchema }))
    .query(async ({ ctx, input }) =>
      routerView(await loadRouter(ctx.services.db, ctx.user.companyId, input.id)),
    ),
  createRouter: procedure('network.manage')
    .input(routerInput)
    .mutation(({ ctx, input }) => createRouter(ctx.services, ctx.actor, input)),
  updateRouter: procedure('network.manage')
    .input(routerUpdateInput)
    .mutation(({ ctx, input }) => updateRouter(ctx.services, ctx.actor, input)),
  testRouter: procedure('network.manage')
    .input(routerTestInput)
    .mutation(({ ctx, input }) => testRouter(ctx.services, ctx.user.companyId, input)),

  jobs: procedure('network.view')
    .input(deviceJobFilter)
    .query(({ ctx, input }) =>
      listDeviceJobs(ctx.services.db, ctx.user.companyId, {
        status: input.status,
        routerId: input.routerId,
      }),
    ),
  jobCounts: procedure(['network.view', 'customers.view']).query(({ ctx }) =>
    deviceJobCounts(ctx.services.db, ctx.user.companyId),
  ),
  retryJobs: procedure(['network.manage', 'isolir.manage'])
    .input(z.object({ ids: z.array(idSchema).max(10_000).optional() }))
    .mutation(async ({ ctx, input }) => {
      const now = ctx.services.clock.now()
      const retried = await writeTx(ctx.services.db, async (tx) => {
        const n = await retryDeviceJobs(tx, ctx.user.companyId, input.ids ?? 'all-failed', now)
        await appendAudit(tx, ctx.services.clock, ctx.actor, {
          action: 'device_jobs.retry',
          entityType: 'device_job',
          entityId: input.ids?.[0] ?? null,
          after: { jobs: input.ids ?? 'all-failed', count: n },
        })
        return n
      })
      ctx.services.onDeviceJobs?.()
      return { retried }
    }),
  /** "Terapkan sekarang": the queue page waits for the router instead of the next tick. */
  runQueue: procedure(['network.manage', 'isolir.manage'])
    .input(z.object({ routerId: idSchema.nullable().default(null) }))
    .mutation(async ({ ctx, input }) => {
      const report = await runDeviceQueue(ctx.services, {
        companyId: ctx.user.companyId,
        ...(input.routerId ? { routerId: input.routerId } : {}),
        ignoreBackoff: true,
        freshConnections: true,
      })
      return { applied: report.applied, failed: report.failed, retrying: report.retrying }
    }),

  isolirCandidates: procedure('isolir.manage')
    .input(
      z.object({
        action: z.enum(ISOLIR_ACTIONS),
        routerId: idSchema.nullable().default(null),
        areaId: idSchema.nullable().default(null),
        productId: idSchema.nullable().default(null),
        search: searchText(100).default(''),
      }),
    )
    .query(({ ctx, input }) => listIsolirCandidates(ctx.services, ctx.user.companyId, input)),
  isolirPreview: procedure('isolir.manage')
    .input(z.object({ action: z.enum(ISOLIR_ACTIONS), serviceIds: isolirInput.shape.serviceIds }))
    .query(async ({ ctx, input }) => {
      const [preview, policy] = await Promise.all([
        previewIsolir(ctx.services, ctx.user.companyId, input.action, input.serviceIds),
        getCollectionSettings(ctx.services.db, ctx.user.companyId),
      ])
      // The dialog's "send the isolir notice" box starts as the policy says.
      return { ...preview, notify: policy.sendManualIsolirNotice }
    }),
  isolir: procedure('isolir.manage')
    .input(isolirInput)
    .mutation(async ({ ctx, input }) => {
      const r = await isolirByHand(ctx.services, ctx.actor, input, await timeZoneOf(ctx))
      return {
        action: r.action,
        changed: r.changed,
        skipped: r.skipped,
        onRouter: r.onRouter,
        notices: r.notices.queued ?? 0,
      }
    }),

  setServiceNetwork: procedure('customers.manage')
    .input(serviceNetworkInput)
    .mutation(async ({ ctx, input }) => {
      const r = await updateServiceNetwork(ctx.services, ctx.actor, input)
      ctx.services.onDeviceJobs?.()
      return r
    }),

  /** The setup helper's script, filled in with the address this browser reached the host on. */
  isolirScript: procedure('network.view')
    .input(isolirScriptInput)
    .query(async ({ ctx, input }) => {
      const r = await loadRouter(ctx.services.db, ctx.user.companyId, input.routerId)
      return {
        script: isolirScript({
          hostAddress: input.hostAddress,
          hostPort: input.hostPort,
          profile: r.isolir_profile,
          list: r.isolir_list,
        }),
      }
    }),
})
