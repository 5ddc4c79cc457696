import { auditRouter } from './routers/audit'
import { billingRouter } from './routers/billing'
import { paymentsRouter } from './routers/payments'
import { paymentImportRouter } from './routers/payment-import'
import { reportsRouter } from './routers/reports'
import { catalogRouter } from './routers/catalog'
import { customersRouter } from './routers/customers'
import { importsRouter } from './routers/imports'
import { authRouter } from './routers/auth'
import { companyRouter } from './routers/company'
import { rolesRouter } from './routers/roles'
import { setupRouter } from './routers/setup'
import { usersRouter } from './routers/users'
import { networkRouter } from './routers/network'
import { hotspotRouter } from './routers/hotspot'
import { monitorRouter } from './routers/monitor'
import { routerImportRouter } from './routers/router-import'
import { reconcileRouter } from './routers/reconcile'
import { collectionsRouter } from './routers/collections'
import { messagingRouter } from './routers/messaging'
import { channelsRouter } from './routers/channels'
import { scheduleRouter } from './routers/schedule'
import { notificationsRouter } from './routers/notifications'
import { modeRouter } from './routers/mode'
import { aboutRouter } from './routers/about'
import { dashboardRouter } from './routers/dashboard'
import { backupsRouter } from './routers/backups'
import { ticketsRouter } from './routers/tickets'
import { gatewaysRouter } from './routers/gateways'
import { warehouseRouter } from './routers/warehouse'
import { fieldRouter } from './routers/field'
import { registrationsRouter } from './routers/registrations'
import { acsRouter } from './routers/acs'
import { portalRouter } from './routers/portal'
import { oltRouter } from './routers/olt'
import { usageRouter } from './routers/usage'
import { topologyRouter } from './routers/topology'
import { router } from './trpc'

/** The one API of Loket, carried over IPC in the desktop and HTTP on the LAN. */
export const appRouter = router({
  setup: setupRouter,
  backups: backupsRouter,
  auth: authRouter,
  users: usersRouter,
  roles: rolesRouter,
  company: companyRouter,
  audit: auditRouter,
  catalog: catalogRouter,
  customers: customersRouter,
  imports: importsRouter,
  billing: billingRouter,
  payments: paymentsRouter,
  paymentImport: paymentImportRouter,
  reports: reportsRouter,
  network: networkRouter,
  hotspot: hotspotRouter,
  monitor: monitorRouter,
  routerImport: routerImportRouter,
  reconcile: reconcileRouter,
  notifications: notificationsRouter,
  schedule: scheduleRouter,
  channels: channelsRouter,
  messaging: messagingRouter,
  collections: collectionsRouter,
  mode: modeRouter,
  about: aboutRouter,
  dashboard: dashboardRouter,
  tickets: ticketsRouter,
  warehouse: warehouseRouter,
  field: fieldRouter,
  registrations: registrationsRouter,
  acs: acsRouter,
  gateways: gatewaysRouter,
  portal: portalRouter,
  olt: oltRouter,
  usage: usageRouter,
  topology: topologyRouter,
})

export type AppRouter = typeof appRouter

/** Procedures callable without a session; everything else must refuse an anonymous caller. */
export const PUBLIC_PROCEDURES = [
  'setup.status',
  'setup.complete',
  'auth.login',
  // The code step of a sign-in and "Lupa kata sandi" come before any session exists.
  'auth.verifyOtp',
  'auth.resendOtp',
  'auth.requestPasswordReset',
  'auth.resendPasswordReset',
  'auth.resetPassword',
  // A restore over the live data ends every session: the page asks how it went without one.
  'backups.restoreLiveStatus',
] as const

/**
 * The customer portal's procedures open to anyone (sign-in, Daftar): rate-limited per address
 * and number (core/portal), and answering for the portal's company only.
 */
export const PORTAL_PUBLIC_PROCEDURES = [
  'portal.status',
  'portal.requestOtp',
  'portal.resendOtp',
  'portal.verifyOtp',
  'portal.registerOtp',
  'portal.registerResendOtp',
  'portal.register',
] as const
