export type { AutopilotDeps } from './deps'
export { customerFacingBase, getCollectionSettings, saveCollectionSettings } from './settings'
export { runReminders } from './reminders'
export { runAutoIsolir } from './auto-isolir'
export { runRestore } from './restore'
export { afterPayment, queuePaymentReceipt } from './after-payment'
export { queueInvoiceNotices } from './invoice-notices'
export { queuePackageNotice } from './package-notice'
export { BEFORE_SERVICE, queueWelcomeMessages, welcomeFirstServices } from './welcome'
export { isolirByHand, queueIsolirNotices } from './manual-isolir'
export { customerTemplateValues } from './template-values'
export { isolirPreview, AUTO_ISOLIR_SKIPS } from './isolir-preview'
export type { AutoIsolirPreview, AutoIsolirRow, AutoIsolirSkip } from './isolir-preview'
export { queueReminders, reminderQueuePreview, REMINDER_PAGE } from './reminder-queue'
export type { ReminderQueuePreview, ReminderQueueRow } from './reminder-queue'
export {
  cancelPromise,
  createPromise,
  customerCollections,
  listCollectionActions,
  listPromises,
  setCustomerFlags,
} from './customer-flags'
export type { PromiseView } from './customer-flags'
export { customerBillingState } from './billing-state'
export type { CustomerBillingState } from './billing-state'
export { dateText, rupiahText } from './format'
