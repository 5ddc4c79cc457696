import { getTwoFactor, setTwoFactor } from '@core/auth'
import { getCompany, saveModules, updateCompany, updateCustomerSettings } from '@core/companies'
import { getPortalSettings, savePortalSettings } from '@core/portal'
import { getCustomerSettings } from '@core/settings'
import { MODULE_KEYS, type ModuleKey } from '@shared/modules'
import {
  companyUpdateInput,
  customerSettingsInput,
  portalSettingsInput,
  twoFactorSettingsInput,
} from '@shared/schemas'
import { z } from 'zod'
import { procedure, router, signedInProcedure } from '../trpc'

/** `{hotspot: false}`: the modules to switch; those left out keep their state. */
const modulesInput = z
  .object(
    Object.fromEntries(MODULE_KEYS.map((key) => [key, z.boolean().optional()])) as Record<
      ModuleKey,
      z.ZodOptional<z.ZodBoolean>
    >,
  )
  .strict()

export const companyRouter = router({
  /**
   * Which modules are on (src/shared/modules.ts): every signed-in user may read it, the menus
   * need it. Read with the session, so it costs no query.
   */
  modules: signedInProcedure.query(({ ctx }) => ctx.user.modules),
  /** Switches modules on or off; nothing is deleted (audited as company.modules). */
  saveModules: procedure('company.manage')
    .input(modulesInput)
    .mutation(({ ctx, input }) => saveModules(ctx.services, ctx.actor, input)),
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
  /** The customer portal: self-registration (Daftar, off by default) and support contacts. */
  portalSettings: procedure('company.view').query(({ ctx }) =>
    getPortalSettings(ctx.services.db, ctx.user.companyId),
  ),
  savePortalSettings: procedure('company.manage')
    .input(portalSettingsInput)
    .mutation(({ ctx, input }) => savePortalSettings(ctx.services, ctx.actor, input)),
})
