import {
  commitImport,
  inspectImportFile,
  parseImportFile,
  previewImport,
} from '@core/customer-import'
import { customerTemplate, workbookTemplate } from '@core/imports'
import { idSchema } from '@shared/schemas'
import { z } from 'zod'
import { timeZoneOf } from '../time-zone'
import { welcomeFirstServices } from '@core/collections'
import { procedure, router } from '../trpc'

/** Files travel as base64 inside the JSON call (≤ 20 MB before encoding, see core/imports). */
const fileInput = z.object({
  fileName: z.string().trim().min(1).max(200),
  contentBase64: z.string().max(28_000_000),
})
const kind = z.enum(['customers', 'areas', 'products', 'workbook'])
const importInput = fileInput.extend({
  kind,
  mapping: z.record(z.string(), z.number().int().min(0).nullable()).optional(),
  /** With several routers: the router of each area's rows that name none (area code → id). */
  routerForArea: z.record(z.string().max(20), idSchema).optional(),
})

const bytes = (b64: string) => Buffer.from(b64, 'base64')

export const importsRouter = router({
  inspect: procedure('customers.import')
    .input(fileInput.extend({ kind: kind.exclude(['workbook']) }))
    .mutation(({ input }) =>
      inspectImportFile(bytes(input.contentBase64), input.fileName, input.kind),
    ),
  preview: procedure('customers.import')
    .input(importInput)
    .mutation(async ({ ctx, input }) => {
      const parsed = await parseImportFile(
        bytes(input.contentBase64),
        input.fileName,
        input.kind,
        input.mapping,
      )
      return previewImport(ctx.services, ctx.user.companyId, {
        ...parsed,
        routerForArea: input.routerForArea,
      })
    }),
  commit: procedure('customers.import')
    .input(importInput)
    .mutation(async ({ ctx, input }) => {
      const parsed = await parseImportFile(
        bytes(input.contentBase64),
        input.fileName,
        input.kind,
        input.mapping,
      )
      const timeZone = await timeZoneOf(ctx)
      const { activatedServiceIds, ...result } = await commitImport(
        ctx.services,
        ctx.actor,
        { ...parsed, routerForArea: input.routerForArea },
        timeZone,
      )
      // Imported working services were queued for their routers.
      ctx.services.onDeviceJobs?.()
      await welcomeFirstServices(ctx.services, ctx.actor, activatedServiceIds, timeZone)
      return result
    }),
  template: procedure(['customers.view', 'customers.import'])
    .input(z.object({ format: z.enum(['csv', 'xlsx', 'workbook']) }))
    .query(async ({ input }) => {
      const data =
        input.format === 'workbook'
          ? await workbookTemplate()
          : await customerTemplate(input.format)
      const fileName =
        input.format === 'workbook'
          ? 'loket-impor-lengkap.xlsx'
          : `loket-impor-pelanggan.${input.format}`
      return { fileName, contentBase64: data.toString('base64') }
    }),
})
