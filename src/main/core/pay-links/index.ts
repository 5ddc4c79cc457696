export {
  checkPayLink,
  NO_PAY_LINKS,
  PAY_LINK_DAYS_AFTER_DUE,
  payLinks,
  signPayLink,
} from './pay-link'
export type { PayLinkCheck, PayLinkClaims, PayLinkInvoice, PayLinks } from './pay-link'
