import { openPortalAsCustomer } from '@core/portal'
import { listUsers } from '@core/users'
import {
  ATTACHMENT_TYPES,
  addService,
  pricesForCustomer,
  previewPackageChange,
  attachFile,
  listAttachments,
  readAttachment,
  changePackage,
  changeServiceStatus,
  createCustomer,
  getCustomer,
  listCustomers,
  showServiceCredentials,
  terminateCustomer,
  updateCustomer,
} from '@core/customers'
import { dateInZone } from '@shared/dates'
import {
  customerCreateInput,
  customerListInput,
  customerTerminateInput,
  customerUpdateInput,
  idSchema,
  packageChangeInput,
  serviceCreateInput,
  serviceStatusInput,
} from '@shared/schemas'
import { BEFORE_SERVICE, queuePackageNotice } from '@core/collections'
import { z } from 'zod'
import { timeZoneOf } from '../time-zone'
import { welcomeFirstServices } from '@core/collections'
import { procedure, router } from '../trpc'

/** A change that queued router work wakes the host's device worker instead of waiting a tick. */
async function wake<T>(
  ctx: { services: { onDeviceJobs?: () => void } },
  work: Promise<T>,
): Promise<T> {
  const result = await work
  ctx.services.onDeviceJobs?.()
  return result
}

export const customersRouter = router({
  list: procedure('customers.view')
    .input(customerListInput)
    .query(({ ctx, input }) => listCustomers(ctx.services, ctx.user.companyId, input)),
  /** Active users who can be a customer's account manager (without needing users.view). */
  staff: procedure('customers.view').query(async ({ ctx }) =>
    (await listUsers(ctx.services, ctx.user.companyId, { includeInactive: false })).map((u) => ({
      id: u.id,
      name: u.name,
      username: u.username,
    })),
  ),
  /** Each active package's price for this customer today (pickers show what will be charged). */
  prices: procedure('customers.view')
    .input(z.object({ customerId: idSchema }))
    .query(async ({ ctx, input }) => {
      const today = dateInZone(ctx.services.clock.now(), await timeZoneOf(ctx))
      return pricesForCustomer(ctx.services, ctx.user.companyId, input.customerId, today)
    }),
  /** What a package change would do (prices, direction, effective date) before it is saved. */
  previewPackageChange: procedure('customers.view')
    .input(packageChangeInput.pick({ serviceId: true, productId: true, effectiveDate: true }))
    .query(async ({ ctx, input }) =>
      previewPackageChange(ctx.services, ctx.user.companyId, input, await timeZoneOf(ctx)),
    ),
  get: procedure('customers.view')
    .input(z.object({ id: idSchema }))
    .query(async ({ ctx, input }) => {
      const today = dateInZone(ctx.services.clock.now(), await timeZoneOf(ctx))
      return getCustomer(ctx.services, ctx.user.companyId, input.id, today)
    }),
  /** "Tampilkan": a service's PPPoE password, for those allowed to see it; each time audited. */
  credentials: procedure('customers.credentials')
    .input(z.object({ serviceId: idSchema }))
    .mutation(({ ctx, input }) => showServiceCredentials(ctx.services, ctx.actor, input.serviceId)),
  create: procedure('customers.manage')
    .input(customerCreateInput)
    .mutation(({ ctx, input }) => createCustomer(ctx.services, ctx.actor, input)),
  update: procedure('customers.manage')
    .input(customerUpdateInput)
    .mutation(({ ctx, input }) => updateCustomer(ctx.services, ctx.actor, input)),
  addService: procedure('customers.manage')
    .input(serviceCreateInput)
    .mutation(async ({ ctx, input }) => {
      const timeZone = await timeZoneOf(ctx)
      const added = await wake(ctx, addService(ctx.services, ctx.actor, input, timeZone))
      if (input.status === 'aktif')
        await welcomeFirstServices(ctx.services, ctx.actor, [added.id], timeZone)
      return added
    }),
  changeStatus: procedure('customers.manage')
    .input(serviceStatusInput)
    .mutation(async ({ ctx, input }) => {
      const timeZone = await timeZoneOf(ctx)
      const changed = await wake(ctx, changeServiceStatus(ctx.services, ctx.actor, input, timeZone))
      if (changed.status === 'aktif' && BEFORE_SERVICE.has(changed.from))
        await welcomeFirstServices(ctx.services, ctx.actor, [changed.serviceId], timeZone)
      return changed
    }),
  changePackage: procedure('customers.manage')
    .input(packageChangeInput)
    .mutation(async ({ ctx, input }) => {
      const timeZone = await timeZoneOf(ctx)
      const changed = await wake(ctx, changePackage(ctx.services, ctx.actor, input, timeZone))
      // The change stands whatever happens to its notice; a failure is logged, not shown.
      await queuePackageNotice(
        ctx.services,
        ctx.actor,
        {
          serviceId: changed.serviceId,
          productId: input.productId,
          effectiveDate: changed.effectiveDate,
        },
        timeZone,
      ).catch((error: unknown) => console.error('package notice:', error))
      return changed
    }),
  attachments: procedure('customers.view')
    .input(z.object({ customerId: idSchema }))
    .query(({ ctx, input }) => listAttachments(ctx.services, ctx.user.companyId, input.customerId)),
  /** A KTP scan or photo, sent as base64 (≤ 10 MB). */
  attach: procedure('customers.manage')
    .input(
      z.object({
        customerId: idSchema,
        kind: z.enum(['ktp', 'foto', 'dokumen'], { message: 'validation.document_kind' }),
        fileName: z.string().trim().min(1).max(200),
        mime: z.enum(ATTACHMENT_TYPES, { message: 'validation.file_type' }),
        contentBase64: z.string().max(14_000_000, { message: 'validation.file_size' }),
      }),
    )
    .mutation(({ ctx, input }) =>
      attachFile(ctx.services, ctx.actor, {
        ...input,
        data: Buffer.from(input.contentBase64, 'base64'),
      }),
    ),
  attachment: procedure('customers.view')
    .input(z.object({ id: idSchema }))
    .query(async ({ ctx, input }) => {
      const file = await readAttachment(ctx.services, ctx.user.companyId, input.id)
      return {
        fileName: file.fileName,
        mime: file.mime,
        contentBase64: file.data.toString('base64'),
      }
    }),
  terminate: procedure('customers.manage')
    .input(customerTerminateInput)
    .mutation(async ({ ctx, input }) =>
      wake(ctx, terminateCustomer(ctx.services, ctx.actor, input, await timeZoneOf(ctx))),
    ),
  /** "Buka portal sebagai pelanggan": a read-only portal token for an hour, audited. */
  openPortal: procedure('portal.impersonate')
    .input(z.object({ customerId: idSchema }))
    .mutation(({ ctx, input }) =>
      openPortalAsCustomer(ctx.services, ctx.actor, ctx.caller, input.customerId),
    ),
})
