import {
  bastPdf,
  getRegistration,
  listRegistrations,
  moveBack,
  openRegistration,
  registrationFile,
  saveAccount,
  saveInstallationReport,
  saveProduct,
  saveSurveyReport,
  scheduleInstallation,
  scheduleSurvey,
  signBast,
} from '@core/registrations'
import { ticketAssignees } from '@core/tickets'
import {
  bastSignInput,
  idSchema,
  installationReportInput,
  installationScheduleInput,
  registrationAccountInput,
  registrationBackInput,
  registrationIdInput,
  registrationListInput,
  registrationOpenInput,
  registrationProductInput,
  surveyReportInput,
  surveyScheduleInput,
} from '@shared/schemas'
import { z } from 'zod'
import { procedure, router } from '../trpc'

/**
 * Registrasi → Aktif (seed 001): the board of new customers and each step's form. Thin: the
 * step rules, the activation and the BAST live in core/registrations (the technician's phone
 * calls the same functions from field.sync).
 */
export const registrationsRouter = router({
  list: procedure('registrations.view')
    .input(registrationListInput)
    .query(({ ctx, input }) => listRegistrations(ctx.services.db, ctx.user.companyId, input)),
  get: procedure('registrations.view')
    .input(registrationIdInput)
    .query(({ ctx, input }) =>
      getRegistration(ctx.services, ctx.user.companyId, input.registrationId),
    ),
  /** Who can be named PIC or technician: the users who work tickets and cards. */
  staff: procedure('registrations.view').query(({ ctx }) =>
    ticketAssignees(ctx.services.db, ctx.user.companyId),
  ),
  open: procedure('registrations.manage')
    .input(registrationOpenInput)
    .mutation(({ ctx, input }) => openRegistration(ctx.services, ctx.actor, input)),
  scheduleSurvey: procedure('registrations.manage')
    .input(surveyScheduleInput)
    .mutation(({ ctx, input }) => scheduleSurvey(ctx.services, ctx.actor, input)),
  surveyReport: procedure('registrations.manage')
    .input(surveyReportInput)
    .mutation(({ ctx, input }) => saveSurveyReport(ctx.services, ctx.actor, input)),
  account: procedure('registrations.manage')
    .input(registrationAccountInput)
    .mutation(({ ctx, input }) => saveAccount(ctx.services, ctx.actor, input)),
  product: procedure('registrations.manage')
    .input(registrationProductInput)
    .mutation(({ ctx, input }) => saveProduct(ctx.services, ctx.actor, input)),
  scheduleInstallation: procedure('registrations.manage')
    .input(installationScheduleInput)
    .mutation(({ ctx, input }) => scheduleInstallation(ctx.services, ctx.actor, input)),
  installationReport: procedure('registrations.manage')
    .input(installationReportInput)
    .mutation(({ ctx, input }) => saveInstallationReport(ctx.services, ctx.actor, input)),
  signBast: procedure('registrations.manage')
    .input(bastSignInput)
    .mutation(({ ctx, input }) => signBast(ctx.services, ctx.actor, input)),
  back: procedure('registrations.manage')
    .input(registrationBackInput)
    .mutation(({ ctx, input }) => moveBack(ctx.services, ctx.actor, input)),
  bastPdf: procedure('registrations.view')
    .input(registrationIdInput)
    .query(async ({ ctx, input }) => {
      const data = await bastPdf(ctx.services, ctx.actor, input.registrationId)
      return {
        fileName: `BAST-${input.registrationId}.pdf`,
        contentBase64: data.toString('base64'),
      }
    }),
  /** A photo or signature of a card, as base64 (the board's report view). */
  file: procedure('registrations.view')
    .input(z.object({ id: idSchema }))
    .query(async ({ ctx, input }) => {
      const f = await registrationFile(ctx.services.db, ctx.user.companyId, input.id)
      const data = await ctx.services.files.get(f.sha256)
      return { kind: f.kind, mime: f.mime, contentBase64: data.toString('base64') }
    }),
})
