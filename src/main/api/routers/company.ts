import { getTwoFactor, setTwoFactor } from '@core/auth'
import { getCompany, updateCompany, updateCustomerSettings } from '@core/companies'
import { getCustomerSettings } from '@core/settings'
import { companyUpdateInput, customerSettingsInput, twoFactorSettingsInput } from '@shared/schemas'
import { procedure, router } from '../trpc'

export const companyRouter = router({
  get: procedure('company.view').query(({ ctx }) => getCompany(ctx.services, ctx.user.companyId)),
  update: procedure('company.manage')
    .input(companyUpdateInput)
    .mutation(({ ctx, input }) =>
      updateCompany(ctx.services, ctx.actor, ctx.user.companyId, input),
    ),
  /** How SIDs and PPPoE usernames/passwords of new services are made. */
  customerSettings: procedure('company.view').query(({ ctx }) =>
    getCustomerSettings(ctx.services.db, ctx.user.companyId),
  ),
  updateCustomerSettings: procedure('company.manage')
    .input(customerSettingsInput)
    .mutation(({ ctx, input }) => updateCustomerSettings(ctx.services, ctx.actor, input)),
  /** Who must confirm a sign-in with a WhatsApp code, and who of them cannot yet (no number). */
  twoFactor: procedure('company.view').query(({ ctx }) =>
    getTwoFactor(ctx.services, ctx.user.companyId),
  ),
  /** Superadmin only (checked in core): the rule covers the superadmins too. */
  setTwoFactor: procedure('company.manage')
    .input(twoFactorSettingsInput)
    .mutation(({ ctx, input }) =>
      setTwoFactor(
        ctx.services,
        ctx.actor,
        { userId: ctx.user.userId, role: ctx.user.role },
        input,
      ),
    ),
})
