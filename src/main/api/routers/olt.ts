import {
  createOlt,
  customerOnu,
  getOltSettings,
  linkableServices,
  linkOnu,
  listOlts,
  listOnus,
  loadOlt,
  oltView,
  onuHistory,
  pollOlt,
  putOltSettings,
  removeOlt,
  testOlt,
  updateOlt,
  weakReport,
} from '@core/olt'
import {
  idSchema,
  oltInput,
  oltSettingsInput,
  oltTestInput,
  oltUpdateInput,
  onuLinkInput,
  onuListInput,
  searchText,
} from '@shared/schemas'
import { z } from 'zod'
import { procedure, router } from '../trpc'

/**
 * OLTs over SNMP (module OLT & ACS). Lists read what the last poll stored; `test` and `poll`
 * reach the OLT inside the request, because that is what they are for (a person waits for them).
 */
export const oltRouter = router({
  list: procedure(['olt.view', 'network.olt']).query(({ ctx }) =>
    listOlts(ctx.services.db, ctx.user.companyId),
  ),
  get: procedure(['olt.view', 'network.olt'])
    .input(z.object({ id: idSchema }))
    .query(async ({ ctx, input }) =>
      oltView(await loadOlt(ctx.services.db, ctx.user.companyId, input.id)),
    ),
  create: procedure('network.olt')
    .input(oltInput)
    .mutation(({ ctx, input }) => createOlt(ctx.services, ctx.actor, input)),
  update: procedure('network.olt')
    .input(oltUpdateInput)
    .mutation(({ ctx, input }) => updateOlt(ctx.services, ctx.actor, input)),
  remove: procedure('network.olt')
    .input(z.object({ id: idSchema }))
    .mutation(async ({ ctx, input }) => {
      await removeOlt(ctx.services, ctx.actor, input.id)
      return { ok: true }
    }),
  test: procedure('network.olt')
    .input(oltTestInput)
    .mutation(({ ctx, input }) => testOlt(ctx.services, ctx.user.companyId, input)),
  /** "Baca sekarang": walks the OLT's tables now and stores what it answered. */
  poll: procedure(['olt.view', 'network.olt'])
    .input(z.object({ id: idSchema }))
    .mutation(({ ctx, input }) => pollOlt(ctx.services, ctx.user.companyId, input.id)),
  onus: procedure(['olt.view', 'network.olt'])
    .input(onuListInput)
    .query(({ ctx, input }) => listOnus(ctx.services.db, ctx.user.companyId, input)),
  weak: procedure(['olt.view', 'network.olt']).query(({ ctx }) =>
    weakReport(ctx.services.db, ctx.user.companyId),
  ),
  history: procedure(['olt.view', 'network.olt'])
    .input(z.object({ onuId: idSchema }))
    .query(({ ctx, input }) => onuHistory(ctx.services.db, ctx.user.companyId, input.onuId)),
  /** A customer's ONU(s): status and RX with its colour, for the customer and troubleshooting screens. */
  customerOnu: procedure(['olt.view', 'customers.view'])
    .input(z.object({ customerId: idSchema }))
    .query(({ ctx, input }) => customerOnu(ctx.services.db, ctx.user.companyId, input.customerId)),
  linkableServices: procedure('network.olt')
    .input(z.object({ search: searchText() }))
    .query(({ ctx, input }) => linkableServices(ctx.services.db, ctx.user.companyId, input.search)),
  link: procedure('network.olt')
    .input(onuLinkInput)
    .mutation(({ ctx, input }) => linkOnu(ctx.services, ctx.actor, input)),
  settings: procedure(['olt.view', 'network.olt']).query(({ ctx }) =>
    getOltSettings(ctx.services.db, ctx.user.companyId),
  ),
  saveSettings: procedure('network.olt')
    .input(oltSettingsInput)
    .mutation(({ ctx, input }) => putOltSettings(ctx.services, ctx.actor, input)),
})
