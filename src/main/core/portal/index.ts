/**
 * The customer portal (issue 17): sign-in by WhatsApp code into a session of its own kind, the
 * customer's invoices, history, services, profile, complaints and contacts, self-registration,
 * and the staff's read-only view as a customer. Payment goes through core/gateways.
 */
export { hitRateLimits, PORTAL_LIMITS } from './rate-limit'
export type { PortalLimit } from './rate-limit'
export {
  PORTAL_ABSOLUTE_MS,
  PORTAL_IDLE_MS,
  PORTAL_REMEMBER_DAYS,
  PORTAL_STAFF_VIEW_MS,
  portalActor,
  portalDevices,
  removePortalDevice,
  resolvePortalSession,
  signOutPortal,
} from './sessions'
export type { PortalClient, PortalCustomer, PortalDeviceView } from './sessions'
export { getPortalSettings, portalStatus, savePortalSettings } from './settings'
export type { PortalStatus } from './settings'
export { requestPortalOtp, resendPortalOtp, verifyPortalOtp } from './sign-in'
export type { PortalCodeSent, PortalSignedIn } from './sign-in'
export {
  portalContacts,
  portalHistory,
  portalInvoice,
  portalInvoicePdf,
  portalInvoices,
  portalProfile,
  portalServices,
  savePortalProfile,
} from './account'
export { confirmPhoneChange, requestPhoneChange } from './phone-change'
export { createPortalComplaint, portalComplaintCategories, portalComplaints } from './complaints'
export { registerFromPortal, requestRegistrationCode } from './register'
export { openPortalAsCustomer } from './staff-view'
export { portalChannels, portalPay, portalPaymentState } from './pay'
