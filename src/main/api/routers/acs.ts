import {
  findCustomerCpes,
  getAcsSettings,
  listCpeActions,
  rebootCpe,
  refreshCpe,
  saveAcsSettings,
  setCpeWifi,
  testAcs,
} from '@core/acs'
import { setServiceCpeSerial } from '@core/customers'
import {
  acsSettingsInput,
  cpeActionInput,
  cpeWifiInput,
  customerCpeInput,
  serviceCpeSerialInput,
} from '@shared/schemas'
import { procedure, router } from '../trpc'

/**
 * GenieACS (issue 18): the company's NBI settings and its customers' CPEs. Looking a CPE up and
 * the actions reach the ACS during the request, because the operator is waiting for exactly
 * that answer; GenieACS itself queues a task for a CPE that does not answer. Each call has a
 * time limit, and a failure is this card's error only (`acs.customerCpe` is what the
 * troubleshooting screen shows beside the router, the ONU and the bills).
 */
export const acsRouter = router({
  settings: procedure('network.view').query(({ ctx }) =>
    getAcsSettings(ctx.services, ctx.user.companyId),
  ),
  saveSettings: procedure('network.manage')
    .input(acsSettingsInput)
    .mutation(({ ctx, input }) => saveAcsSettings(ctx.services, ctx.actor, input)),
  /** The form's values (an empty password: the saved one, same URL only). */
  testSettings: procedure('network.manage')
    .input(acsSettingsInput)
    .mutation(({ ctx, input }) => testAcs(ctx.services, ctx.user.companyId, input)),

  customerCpe: procedure('network.acs')
    .input(customerCpeInput)
    .query(({ ctx, input }) =>
      findCustomerCpes(ctx.services, ctx.user.companyId, input.customerId),
    ),
  actions: procedure('network.acs')
    .input(customerCpeInput)
    .query(({ ctx, input }) =>
      listCpeActions(ctx.services.db, ctx.user.companyId, input.customerId),
    ),
  reboot: procedure('network.acs')
    .input(cpeActionInput)
    .mutation(({ ctx, input }) => rebootCpe(ctx.services, ctx.actor, input)),
  refresh: procedure('network.acs')
    .input(cpeActionInput)
    .mutation(({ ctx, input }) => refreshCpe(ctx.services, ctx.actor, input)),
  setWifi: procedure('network.acs')
    .input(cpeWifiInput)
    .mutation(({ ctx, input }) => setCpeWifi(ctx.services, ctx.actor, input)),
  setServiceSerial: procedure('network.acs')
    .input(serviceCpeSerialInput)
    .mutation(({ ctx, input }) => setServiceCpeSerial(ctx.services, ctx.actor, input)),
})
