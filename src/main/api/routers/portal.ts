import {
  confirmPhoneChange,
  createPortalComplaint,
  portalComplaintCategories,
  portalComplaints,
  portalChannels,
  portalContacts,
  portalDevices,
  portalHistory,
  portalInvoice,
  portalInvoicePdf,
  portalInvoices,
  portalPay,
  portalPaymentState,
  portalProfile,
  portalServices,
  portalStatus,
  registerFromPortal,
  removePortalDevice,
  requestPhoneChange,
  requestPortalOtp,
  requestRegistrationCode,
  resendPortalOtp,
  savePortalProfile,
  signOutPortal,
  verifyPortalOtp,
} from '@core/portal'
import {
  portalChannelsInput,
  portalComplaintInput,
  portalDeviceInput,
  portalHistoryInput,
  portalInvoiceInput,
  portalInvoicesInput,
  portalPayInput,
  portalPaymentStateInput,
  portalPhoneConfirmInput,
  portalPhoneInput,
  portalProfileInput,
  portalRegisterInput,
  portalResendInput,
  portalVerifyInput,
} from '@shared/schemas'
import { portalProcedure, portalPublicProcedure, portalSessionProcedure, router } from '../trpc'

/**
 * The customer portal (/portal). Its sessions are a kind of their own: `portalProcedure` takes a
 * portal token only, and every staff procedure refuses one. Thin: the rules live in core/portal.
 */
export const portalRouter = router({
  /** Whether the portal is on, the company's name and whether Daftar is open. */
  status: portalPublicProcedure.query(({ ctx }) => portalStatus(ctx.services)),
  requestOtp: portalPublicProcedure
    .input(portalPhoneInput)
    .mutation(({ ctx, input }) => requestPortalOtp(ctx.services, ctx.caller, input)),
  resendOtp: portalPublicProcedure
    .input(portalResendInput)
    .mutation(({ ctx, input }) => resendPortalOtp(ctx.services, ctx.caller, input)),
  verifyOtp: portalPublicProcedure
    .input(portalVerifyInput)
    .mutation(({ ctx, input }) => verifyPortalOtp(ctx.services, ctx.caller, input)),
  /** Daftar: a code to the newcomer's number, then the form with the code. */
  registerOtp: portalPublicProcedure
    .input(portalPhoneInput)
    .mutation(({ ctx, input }) => requestRegistrationCode(ctx.services, ctx.caller, input)),
  registerResendOtp: portalPublicProcedure
    .input(portalResendInput)
    .mutation(({ ctx, input }) =>
      resendPortalOtp(ctx.services, ctx.caller, input, 'portal_register'),
    ),
  register: portalPublicProcedure
    .input(portalRegisterInput)
    .mutation(({ ctx, input }) => registerFromPortal(ctx.services, ctx.caller, input)),

  me: portalProcedure.query(({ ctx }) => ({
    code: ctx.customer.code,
    name: ctx.customer.name,
    readOnly: ctx.customer.readOnly,
  })),
  signOut: portalSessionProcedure.mutation(({ ctx }) =>
    signOutPortal(ctx.services, ctx.customer, ctx.caller),
  ),
  devices: portalProcedure.query(({ ctx }) => portalDevices(ctx.services, ctx.customer)),
  removeDevice: portalProcedure
    .input(portalDeviceInput)
    .mutation(({ ctx, input }) =>
      removePortalDevice(ctx.services, ctx.customer, ctx.caller, input.sessionId),
    ),
  invoices: portalProcedure
    .input(portalInvoicesInput)
    .query(({ ctx, input }) => portalInvoices(ctx.services, ctx.customer, input.filter)),
  invoice: portalProcedure
    .input(portalInvoiceInput)
    .query(({ ctx, input }) => portalInvoice(ctx.services, ctx.customer, input.invoiceId)),
  invoicePdf: portalProcedure
    .input(portalInvoiceInput)
    .query(({ ctx, input }) => portalInvoicePdf(ctx.services, ctx.customer, input.invoiceId)),
  history: portalProcedure
    .input(portalHistoryInput)
    .query(({ ctx, input }) => portalHistory(ctx.services, ctx.customer, input.year)),
  services: portalProcedure.query(({ ctx }) => portalServices(ctx.services, ctx.customer)),
  contacts: portalProcedure.query(({ ctx }) => portalContacts(ctx.services)),
  profile: portalProcedure.query(({ ctx }) => portalProfile(ctx.services, ctx.customer)),
  saveProfile: portalProcedure
    .input(portalProfileInput)
    .mutation(({ ctx, input }) => savePortalProfile(ctx.services, ctx.customer, ctx.caller, input)),
  /** A new WhatsApp number: a code to it, then the code back (`confirmPhone`). */
  changePhone: portalProcedure
    .input(portalPhoneInput)
    .mutation(({ ctx, input }) =>
      requestPhoneChange(ctx.services, ctx.customer, ctx.caller, input.phone),
    ),
  confirmPhone: portalProcedure
    .input(portalPhoneConfirmInput)
    .mutation(({ ctx, input }) =>
      confirmPhoneChange(ctx.services, ctx.customer, ctx.caller, input),
    ),
  /** The gateway's channels for the picked invoices, grouped, each with its fee and total. */
  channels: portalProcedure
    .input(portalChannelsInput)
    .query(({ ctx, input }) => portalChannels(ctx.services, ctx.customer, input.invoiceIds)),
  /** Opens the gateway transaction (refused in a staff's read-only view, as every change). */
  pay: portalProcedure
    .input(portalPayInput)
    .mutation(({ ctx, input }) => portalPay(ctx.services, ctx.customer, ctx.actor, input)),
  /** For the waiting page: the transaction's state (polls the gateway when it is stale). */
  paymentState: portalProcedure
    .input(portalPaymentStateInput)
    .query(({ ctx, input }) => portalPaymentState(ctx.services, ctx.customer, input.reference)),
  complaintCategories: portalProcedure.query(({ ctx }) =>
    portalComplaintCategories(ctx.services, ctx.customer),
  ),
  complaints: portalProcedure.query(({ ctx }) => portalComplaints(ctx.services, ctx.customer)),
  complain: portalProcedure
    .input(portalComplaintInput)
    .mutation(({ ctx, input }) =>
      createPortalComplaint(ctx.services, ctx.customer, ctx.caller, input),
    ),
})
