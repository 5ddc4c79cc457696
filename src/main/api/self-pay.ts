import {
  checkFormToken,
  isolirCustomer,
  payLinkCustomer,
  selfPayChannels,
  selfPaymentState,
  signFormToken,
  startSelfPayment,
  type SelfPayOwner,
  type SelfPayRequest,
  type SelfPayView,
} from '@core/self-pay'
import type { ApiServices } from './context'

export type { PayLinkPage, SelfPayOwner, SelfPayView } from '@core/self-pay'

/**
 * The customer's self-service pages (the isolir page, a pay link): served as plain HTML by the
 * host without a session, so the server reaches core through these few calls only.
 */
export const selfPay = {
  isolirCustomer: (s: ApiServices, ip: string) => isolirCustomer(s, ip),
  payLinkCustomer: (s: ApiServices, token: string) => payLinkCustomer(s, token),
  channels: (s: ApiServices, view: SelfPayView) => selfPayChannels(s, view),
  start: (s: ApiServices, owner: SelfPayOwner, view: SelfPayView, req: SelfPayRequest) =>
    startSelfPayment(s, owner, view, req),
  state: (s: ApiServices, owner: SelfPayOwner, reference: string) =>
    selfPaymentState(s, owner, reference),
  formToken: (s: ApiServices, customerId: number, scope: string) =>
    signFormToken(s.secrets, { customerId, scope, now: s.clock.now() }),
  checkFormToken: (s: ApiServices, token: string, customerId: number, scope: string) =>
    checkFormToken(s.secrets, token, { customerId, scope, now: s.clock.now() }),
}

export type SelfPayChannels = Awaited<ReturnType<typeof selfPayChannels>>
export type SelfPayStarted = Awaited<ReturnType<typeof startSelfPayment>>
export type SelfPayState = NonNullable<Awaited<ReturnType<typeof selfPaymentState>>>
