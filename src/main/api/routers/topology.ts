import {
  assignServicePort,
  customerPorts,
  declareOutage,
  getOdp,
  getOutage,
  listOutages,
  odpChoices,
  outagePreview,
  readOdpPhoto,
  removeOdc,
  removeOdp,
  resolveOutage,
  saveOdc,
  saveOdp,
  setOdpPhoto,
  setOltPop,
  topologyTree,
} from '@core/topology'
import { broadcastPreview, sendBroadcast } from '@core/messaging'
import {
  idSchema,
  odcInput,
  odcUpdateInput,
  odpAssignInput,
  odpInput,
  odpPhotoInput,
  odpUpdateInput,
  outageBroadcastInput,
  outageDeclareInput,
  outageResolveInput,
  outageTargetSchema,
} from '@shared/schemas'
import { z } from 'zod'
import { timeZoneOf } from '../time-zone'
import { procedure, router } from '../trpc'

const VIEW = ['olt.view', 'network.olt'] as const

/**
 * Topologi (module OLT & ACS): POP → OLT → PON → ODC → ODP → a customer's service on a port, and
 * gangguan massal. The tree is one request so the page works on what it has, offline.
 */
export const topologyRouter = router({
  tree: procedure([...VIEW]).query(({ ctx }) => topologyTree(ctx.services, ctx.user.companyId)),
  odp: procedure([...VIEW])
    .input(z.object({ id: idSchema }))
    .query(({ ctx, input }) => getOdp(ctx.services, ctx.user.companyId, input.id)),
  odpChoices: procedure([...VIEW, 'customers.view']).query(({ ctx }) =>
    odpChoices(ctx.services, ctx.user.companyId),
  ),
  customerPorts: procedure([...VIEW, 'customers.view'])
    .input(z.object({ customerId: idSchema }))
    .query(({ ctx, input }) => customerPorts(ctx.services, ctx.user.companyId, input.customerId)),
  saveOdc: procedure('network.olt')
    .input(z.union([odcUpdateInput, odcInput]))
    .mutation(({ ctx, input }) => saveOdc(ctx.services, ctx.actor, input)),
  removeOdc: procedure('network.olt')
    .input(z.object({ id: idSchema }))
    .mutation(async ({ ctx, input }) => {
      await removeOdc(ctx.services, ctx.actor, input.id)
      return { ok: true }
    }),
  saveOdp: procedure('network.olt')
    .input(z.union([odpUpdateInput, odpInput]))
    .mutation(({ ctx, input }) => saveOdp(ctx.services, ctx.actor, input)),
  removeOdp: procedure('network.olt')
    .input(z.object({ id: idSchema }))
    .mutation(async ({ ctx, input }) => {
      await removeOdp(ctx.services, ctx.actor, input.id)
      return { ok: true }
    }),
  /** Puts a customer's service on an ODP port (the customer page). */
  assignPort: procedure(['network.olt', 'customers.manage'])
    .input(odpAssignInput)
    .mutation(({ ctx, input }) => assignServicePort(ctx.services, ctx.actor, input)),
  setOltPop: procedure('network.olt')
    .input(z.object({ oltId: idSchema, popId: idSchema.nullable() }))
    .mutation(async ({ ctx, input }) => {
      await setOltPop(ctx.services, ctx.actor, input)
      return { ok: true }
    }),
  setOdpPhoto: procedure('network.olt')
    .input(odpPhotoInput)
    .mutation(({ ctx, input }) =>
      setOdpPhoto(ctx.services, ctx.actor, {
        odpId: input.odpId,
        mime: input.mime,
        data: Buffer.from(input.contentBase64, 'base64'),
      }),
    ),
  odpPhoto: procedure([...VIEW])
    .input(z.object({ odpId: idSchema }))
    .query(async ({ ctx, input }) => {
      const photo = await readOdpPhoto(ctx.services, ctx.user.companyId, input.odpId)
      return { mime: photo.mime, contentBase64: photo.data.toString('base64') }
    }),
  outages: procedure([...VIEW, 'network.outage']).query(({ ctx }) =>
    listOutages(ctx.services, ctx.user.companyId),
  ),
  outage: procedure([...VIEW, 'network.outage'])
    .input(z.object({ id: idSchema }))
    .query(({ ctx, input }) => getOutage(ctx.services, ctx.user.companyId, input.id)),
  /** Who a mass outage would cut off, before it is declared. */
  outagePreview: procedure('network.outage')
    .input(z.object({ target: outageTargetSchema }))
    .query(({ ctx, input }) => outagePreview(ctx.services, ctx.user.companyId, input.target)),
  declareOutage: procedure('network.outage')
    .input(outageDeclareInput)
    .mutation(async ({ ctx, input }) =>
      declareOutage(ctx.services, ctx.actor, input, await timeZoneOf(ctx)),
    ),
  /** Who an outage notice would reach (and who not, and why). */
  outageBroadcastPreview: procedure('network.outage')
    .input(z.object({ outageId: idSchema }))
    .query(async ({ ctx, input }) => {
      await getOutage(ctx.services, ctx.user.companyId, input.outageId)
      return broadcastPreview(ctx.services.db, ctx.user.companyId, { outageId: input.outageId })
    }),
  /** Messages every customer the outage cut off, as a broadcast (audited, retried safely). */
  outageBroadcast: procedure('network.outage')
    .input(outageBroadcastInput)
    .mutation(async ({ ctx, input }) => {
      await getOutage(ctx.services, ctx.user.companyId, input.outageId)
      return sendBroadcast(ctx.services, ctx.actor, {
        filter: { outageId: input.outageId },
        subject: input.subject,
        body: input.body,
        clientId: input.clientId,
      })
    }),
  resolveOutage: procedure('network.outage')
    .input(outageResolveInput)
    .mutation(async ({ ctx, input }) =>
      resolveOutage(ctx.services, ctx.actor, input, await timeZoneOf(ctx)),
    ),
})
