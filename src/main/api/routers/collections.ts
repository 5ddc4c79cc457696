import {
  cancelPromise,
  createPromise,
  customerBillingState,
  customerCollections,
  getCollectionSettings,
  isolirPreview,
  listCollectionActions,
  listPromises,
  queueReminders,
  reminderQueuePreview,
  saveCollectionSettings,
  setCustomerFlags,
} from '@core/collections'
import { dateInZone } from '@shared/dates'
import {
  cancelPromiseInput,
  collectionDayInput,
  collectionSettingsInput,
  customerFlagsInput,
  idSchema,
  promiseInput,
  queueRemindersInput,
  reminderPreviewInput,
} from '@shared/schemas'
import { z } from 'zod'
import type { ApiContext } from '../context'
import { timeZoneOf } from '../time-zone'
import { procedure, router } from '../trpc'

/** Rows of the isolir preview sent to the page; the counts always cover every row. */
const ISOLIR_PAGE = 500

async function today(ctx: Pick<ApiContext, 'services'> & { user: { timeZone: string } }) {
  return dateInZone(ctx.services.clock.now(), await timeZoneOf(ctx))
}

/**
 * Penagihan: the policy, the billing-reminder queue, the automatic isolir's preview and log,
 * promises to pay and a customer's collection flags. Running the jobs belongs to the schedule.
 */
export const collectionsRouter = router({
  settings: procedure(['collections.view', 'company.view']).query(({ ctx }) =>
    getCollectionSettings(ctx.services.db, ctx.user.companyId),
  ),
  setSettings: procedure('collections.manage')
    .input(collectionSettingsInput)
    .mutation(({ ctx, input }) => saveCollectionSettings(ctx.services, ctx.actor, input)),

  reminderPreview: procedure('collections.view')
    .input(reminderPreviewInput)
    .query(({ ctx, input }) => reminderQueuePreview(ctx.services, ctx.user.companyId, input)),
  queueReminders: procedure('collections.manage')
    .input(queueRemindersInput)
    .mutation(async ({ ctx, input }) =>
      queueReminders(ctx.services, ctx.actor, input, await timeZoneOf(ctx)),
    ),

  /** Who the automatic isolir would take on a day (today by default), and who it leaves and why. */
  isolirPreview: procedure('collections.view')
    .input(collectionDayInput)
    .query(async ({ ctx, input }) => {
      const asOf = input.date ?? (await today(ctx))
      const preview = await isolirPreview(ctx.services, ctx.user.companyId, asOf)
      return {
        ...preview,
        rows: preview.rows.slice(0, ISOLIR_PAGE),
        total: preview.rows.length,
        today: await today(ctx),
      }
    }),
  /** What the automatic isolir and restore did on a day. */
  actions: procedure('collections.view')
    .input(collectionDayInput)
    .query(async ({ ctx, input }) =>
      listCollectionActions(ctx.services.db, ctx.user.companyId, {
        asOf: input.date ?? (await today(ctx)),
      }),
    ),

  promises: procedure(['collections.view', 'customers.view'])
    .input(z.object({ customerId: idSchema.optional() }))
    .query(async ({ ctx, input }) =>
      listPromises(ctx.services.db, ctx.user.companyId, await today(ctx), input.customerId),
    ),
  createPromise: procedure('collections.manage')
    .input(promiseInput)
    .mutation(async ({ ctx, input }) =>
      createPromise(ctx.services, ctx.actor, input, await timeZoneOf(ctx)),
    ),
  cancelPromise: procedure('collections.manage')
    .input(cancelPromiseInput)
    .mutation(({ ctx, input }) => cancelPromise(ctx.services, ctx.actor, input.id)),

  setCustomerFlags: procedure('collections.manage')
    .input(customerFlagsInput)
    .mutation(({ ctx, input }) => setCustomerFlags(ctx.services, ctx.actor, input)),
  customerCollections: procedure('collections.view')
    .input(z.object({ customerId: idSchema }))
    .query(async ({ ctx, input }) =>
      customerCollections(ctx.services.db, ctx.user.companyId, input.customerId, await today(ctx)),
    ),
  /** The troubleshooting screen: arrears, and each service's status with why it is so. */
  customerBillingState: procedure(['billing.view', 'collections.view'])
    .input(z.object({ customerId: idSchema }))
    .query(async ({ ctx, input }) =>
      customerBillingState(ctx.services.db, ctx.user.companyId, input.customerId, await today(ctx)),
    ),
})
