import { initTRPC, TRPCError } from '@trpc/server'
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc'
import { ZodError } from 'zod'
import { AppError, messageKeyOf, type ErrorCode, type ErrorPayload } from '@shared/errors'
import { moduleDisabledDetails, moduleOfCall } from '@shared/modules'
import type { Permission } from '@shared/permissions'
import { isRefusedText } from '@core/db'
import { hitRateLimits, portalActor, type PortalLimit } from '@core/portal'
import { actorOf, type ApiContext } from './context'

const HTTP_CODE: Partial<Record<ErrorCode, TRPC_ERROR_CODE_KEY>> = {
  VALIDATION: 'BAD_REQUEST',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  SESSION_EXPIRED: 'UNAUTHORIZED',
  AUTH_INVALID_CREDENTIALS: 'UNAUTHORIZED',
  AUTH_USER_INACTIVE: 'UNAUTHORIZED',
  AUTH_LOCKED: 'TOO_MANY_REQUESTS',
  FORBIDDEN: 'FORBIDDEN',
  PASSWORD_CHANGE_REQUIRED: 'FORBIDDEN',
  SUPERADMIN_ONLY: 'FORBIDDEN',
  HOST_NOT_ALLOWED: 'FORBIDDEN',
  CANNOT_CHANGE_OWN_ACCOUNT: 'FORBIDDEN',
  SETUP_ALREADY_DONE: 'CONFLICT',
  SETUP_REQUIRED: 'PRECONDITION_FAILED',
  SETUP_CODE_REQUIRED: 'FORBIDDEN',
  SETUP_CODE_INVALID: 'FORBIDDEN',
  USERNAME_TAKEN: 'CONFLICT',
  LAST_SUPERADMIN: 'CONFLICT',
  PASSWORD_TOO_WEAK: 'BAD_REQUEST',
  PASSWORD_REUSED: 'BAD_REQUEST',
  CODE_TAKEN: 'CONFLICT',
  NAME_TAKEN: 'CONFLICT',
  PPPOE_USERNAME_TAKEN: 'CONFLICT',
  ROUTER_PROFILE_SPEED_CONFLICT: 'CONFLICT',
  INVALID_STATUS_CHANGE: 'BAD_REQUEST',
  SERVICE_TERMINATED: 'CONFLICT',
  IMPORT_HAS_ERRORS: 'BAD_REQUEST',
  INVOICE_IMMUTABLE: 'CONFLICT',
  INVOICE_NOT_ISSUED: 'CONFLICT',
  INVOICE_HAS_PAYMENTS: 'CONFLICT',
  CREDIT_EXCEEDS_INVOICE: 'BAD_REQUEST',
  PAYMENT_BELOW_MINIMUM: 'BAD_REQUEST',
  PAYMENT_EXCEEDS_DUE: 'BAD_REQUEST',
  REFERENCE_TAKEN: 'CONFLICT',
  DAY_CLOSED: 'CONFLICT',
  PAYMENT_ALREADY_REVERSED: 'CONFLICT',
  BILLING_RUN_BUSY: 'CONFLICT',
  ROUTER_AUTH: 'BAD_REQUEST',
  ROUTER_REFUSED: 'BAD_GATEWAY',
  ROUTER_TIMEOUT: 'GATEWAY_TIMEOUT',
  ROUTER_UNREACHABLE: 'BAD_GATEWAY',
  ROUTER_TLS: 'BAD_GATEWAY',
  ROUTER_TRAP: 'BAD_GATEWAY',
  ROUTER_DISCONNECTED: 'BAD_GATEWAY',
  ROUTER_NOT_SET: 'PRECONDITION_FAILED',
  ACS_NOT_SET: 'PRECONDITION_FAILED',
  ACS_UNREACHABLE: 'BAD_GATEWAY',
  ACS_TIMEOUT: 'GATEWAY_TIMEOUT',
  ACS_AUTH: 'BAD_GATEWAY',
  ACS_BAD_ANSWER: 'BAD_GATEWAY',
  CPE_NOT_FOUND: 'NOT_FOUND',
  CPE_AMBIGUOUS: 'CONFLICT',
  OLT_TIMEOUT: 'GATEWAY_TIMEOUT',
  OLT_SNMP_ERROR: 'BAD_GATEWAY',
  OLT_SECRET_REQUIRED: 'BAD_REQUEST',
  ODP_PORT_TAKEN: 'CONFLICT',
  ODP_PORT_OUT_OF_RANGE: 'BAD_REQUEST',
  ODP_HAS_CUSTOMERS: 'CONFLICT',
  ODC_HAS_ODPS: 'CONFLICT',
  OUTAGE_RESOLVED: 'CONFLICT',
  OUTAGE_NO_SERVICES: 'PRECONDITION_FAILED',
  CHANNEL_NOT_SET: 'PRECONDITION_FAILED',
  CHANNEL_SEND_FAILED: 'BAD_GATEWAY',
  CHANNEL_NOT_LINKED: 'PRECONDITION_FAILED',
  TEMPLATE_UNKNOWN_VARIABLE: 'BAD_REQUEST',
  JOB_UNKNOWN: 'NOT_FOUND',
  JOB_BUSY: 'CONFLICT',
  OTP_INVALID: 'BAD_REQUEST',
  OTP_EXPIRED: 'BAD_REQUEST',
  OTP_LOCKED: 'TOO_MANY_REQUESTS',
  OTP_RESEND_TOO_SOON: 'TOO_MANY_REQUESTS',
  OTP_TOO_MANY_SENDS: 'TOO_MANY_REQUESTS',
  OTP_NO_PHONE: 'PRECONDITION_FAILED',
  OTP_CHANNEL_OFF: 'PRECONDITION_FAILED',
  TWO_FACTOR_NEEDS_WHATSAPP: 'PRECONDITION_FAILED',
  TWO_FACTOR_SELF_NO_PHONE: 'PRECONDITION_FAILED',
  BACKUP_NOT_A_BACKUP: 'BAD_REQUEST',
  BACKUP_NEWER_THAN_APP: 'PRECONDITION_FAILED',
  BACKUP_PASSPHRASE_REQUIRED: 'BAD_REQUEST',
  BACKUP_PASSPHRASE_WRONG: 'BAD_REQUEST',
  BACKUP_DAMAGED: 'UNPROCESSABLE_CONTENT',
  BACKUP_EXISTS: 'CONFLICT',
  RESTORE_TARGET_NOT_EMPTY: 'CONFLICT',
  BACKUP_BUSY: 'CONFLICT',
  BACKUP_NOT_FOUND: 'NOT_FOUND',
  RESTORE_LIVE_POSTGRES: 'PRECONDITION_FAILED',
  RESTORE_LIVE_UNAVAILABLE: 'PRECONDITION_FAILED',
  BACKUP_FOLDER_INVALID: 'BAD_REQUEST',
  BACKUP_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  BACKUP_PASSPHRASE_UNREADABLE: 'PRECONDITION_FAILED',
  MODULE_DISABLED: 'FORBIDDEN',
  TICKET_STATUS_REFUSED: 'CONFLICT',
  TICKET_REOPEN_REASON_REQUIRED: 'BAD_REQUEST',
  TICKET_ASSIGNEE_INVALID: 'BAD_REQUEST',
  TICKET_CATEGORY_UNKNOWN: 'BAD_REQUEST',
  TICKET_CATEGORY_IN_USE: 'CONFLICT',
  STOCK_INSUFFICIENT: 'CONFLICT',
  STOCK_REQUEST_STATUS_REFUSED: 'CONFLICT',
  STOCK_SERIAL_INVALID: 'BAD_REQUEST',
  STOCK_ITEM_NAME_TAKEN: 'CONFLICT',
  WAREHOUSE_NAME_TAKEN: 'CONFLICT',
  FIELD_KIND_UNKNOWN: 'BAD_REQUEST',
  FIELD_PAYLOAD_INVALID: 'BAD_REQUEST',
  FIELD_NOT_ASSIGNED: 'CONFLICT',
  FIELD_TICKET_CLOSED: 'CONFLICT',
  FIELD_REGISTRATION_NOT_ASSIGNED: 'CONFLICT',
  REGISTRATION_STEP_REFUSED: 'CONFLICT',
  REGISTRATION_CLOSED: 'CONFLICT',
  REGISTRATION_OPEN_EXISTS: 'CONFLICT',
  REGISTRATION_FILE_INVALID: 'BAD_REQUEST',
  GATEWAY_NOT_CONFIGURED: 'PRECONDITION_FAILED',
  GATEWAY_UNAVAILABLE: 'BAD_GATEWAY',
  GATEWAY_CHANNEL_UNKNOWN: 'BAD_REQUEST',
  GATEWAY_INVOICE_NOT_PAYABLE: 'CONFLICT',
  GATEWAY_TRANSACTION_NOT_HELD: 'CONFLICT',
  PORTAL_RATE_LIMITED: 'TOO_MANY_REQUESTS',
  PORTAL_READ_ONLY: 'FORBIDDEN',
  PORTAL_REGISTRATION_OFF: 'FORBIDDEN',
  PORTAL_PHONE_TAKEN: 'CONFLICT',
}

/** Turns whatever was thrown into the `{code, messageKey, details}` the UI translates. */
export function toErrorPayload(error: TRPCError): ErrorPayload {
  const cause = error.cause
  if (cause instanceof AppError) return cause.toPayload()
  if (cause instanceof ZodError) {
    return {
      code: 'VALIDATION',
      messageKey: messageKeyOf('VALIDATION'),
      details: {
        issues: cause.issues.map((i) => ({
          path: i.path.map(String),
          message: i.message,
          // Values the message needs, e.g. `min` of validation.password_too_short.
          ...('params' in i && i.params ? { params: i.params } : {}),
        })),
      },
    }
  }
  const code = TRANSPORT_CODE[error.code] ?? 'INTERNAL'
  return { code, messageKey: messageKeyOf(code) }
}

/** tRPC's own refusals (a wrong path, method, body): the client's mistake, never INTERNAL. */
const TRANSPORT_CODE: Partial<Record<TRPC_ERROR_CODE_KEY, ErrorCode>> = {
  NOT_FOUND: 'NOT_FOUND',
  BAD_REQUEST: 'VALIDATION',
  PARSE_ERROR: 'VALIDATION',
  METHOD_NOT_SUPPORTED: 'METHOD_NOT_SUPPORTED',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
}

export interface ProcedureMeta {
  permission?: Permission
  /** A customer portal procedure: gated by the portal's own middleware, not a staff session. */
  portal?: 'public' | 'customer'
}

const t = initTRPC
  .context<ApiContext>()
  .meta<ProcedureMeta>()
  .create({
    // Stack traces never leave the process; the payload is all a client needs.
    isDev: false,
    errorFormatter({ shape, error }) {
      const payload = toErrorPayload(error)
      return {
        message: payload.messageKey,
        code: shape.code,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          error: payload,
        },
      }
    },
  })

export const router = t.router
export const createCallerFactory = t.createCallerFactory

/** AppErrors thrown by core become TRPCErrors with a matching HTTP status. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next()
  if (!result.ok && isRefusedText(result.error.cause)) {
    const cause = new AppError('VALIDATION', 'text the database cannot store', {
      issues: [{ path: [], message: 'validation.invalid_text' }],
    })
    throw new TRPCError({ code: 'BAD_REQUEST', message: cause.code, cause })
  }
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause
    throw new TRPCError({
      code: HTTP_CODE[cause.code] ?? 'INTERNAL_SERVER_ERROR',
      message: cause.code,
      cause,
    })
  }
  return result
})

/** Every mutation is counted while it runs (see in-flight.ts): the updater waits for zero. */
const countMutations = t.middleware(async ({ ctx, type, next }) => {
  const inFlight = ctx.services.mutationsInFlight
  if (type !== 'mutation' || !inFlight) return next()
  inFlight.begin()
  try {
    return await next()
  } finally {
    inFlight.end()
  }
})

/** Open to anyone: sign-in, first-run setup, health. Kept to a short, reviewed list. */
export const publicProcedure = t.procedure.use(countMutations).use(mapErrors)

const requireSession = (options: { allowPasswordChange: boolean }) =>
  t.middleware(async ({ ctx, next }) => {
    const session = await ctx.session()
    if (session.mustChangePassword && !options.allowPasswordChange) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED')
    }
    return next({ ctx: { ...ctx, user: session, actor: actorOf(session, ctx.caller) } })
  })

/**
 * Signed in, even while a password change is still owed: only for `auth.me`, `auth.logout` and
 * `auth.changePassword`.
 */
export const sessionProcedure = publicProcedure.use(requireSession({ allowPasswordChange: true }))

/** Signed in with no password change owed, whatever the role: what every user may read. */
export const signedInProcedure = publicProcedure.use(requireSession({ allowPasswordChange: false }))

/**
 * A procedure of a module the company has switched off (src/shared/modules.ts) answers
 * MODULE_DISABLED, whoever calls it; the switches come with the session (no extra query).
 */
const requireModule = t.middleware(async ({ ctx, path, getRawInput, next }) => {
  const session = await ctx.session()
  // Only reports.export needs its input to know (the kind of report); no other call reads it.
  const key = moduleOfCall(path, path === 'reports.export' ? await getRawInput() : undefined)
  if (key && !session.modules[key]) {
    throw new AppError('MODULE_DISABLED', `module ${key} is off`, moduleDisabledDetails(key))
  }
  return next()
})

/**
 * The gate every other procedure goes through: a live session, no pending password change and
 * the permission the procedure declares (or one of several). The menu hides what this refuses;
 * this is the real check.
 */
export function procedure(permission: Permission | readonly Permission[]) {
  const anyOf: readonly Permission[] = typeof permission === 'string' ? [permission] : permission
  return publicProcedure
    .meta({ permission: anyOf[0] })
    .use(requireSession({ allowPasswordChange: false }))
    .use(requireModule)
    .use(async ({ ctx, next }) => {
      if (!anyOf.some((p) => ctx.user.permissions.has(p))) {
        throw new AppError('FORBIDDEN', `missing permission ${anyOf.join(' or ')}`, {
          permission: anyOf.join('|'),
        })
      }
      return next()
    })
}

/**
 * The customer portal's public procedures (sign-in, Daftar): rate-limited per address before
 * anything else; each names the further limits it counts (per number) in core/portal.
 */
export const portalPublicProcedure = publicProcedure
  .meta({ portal: 'public' })
  .use(async ({ ctx, next }) => {
    await hitRateLimits(ctx.services.db, ctx.services.clock, [
      { limit: 'readIp', key: ctx.caller.ip },
    ])
    return next()
  })

const requireCustomer = (o: { readOnlyWrites: boolean }) =>
  t.middleware(async ({ ctx, type, next }) => {
    const customer = await ctx.portal()
    const limit: PortalLimit = 'readIp'
    await hitRateLimits(ctx.services.db, ctx.services.clock, [{ limit, key: ctx.caller.ip }])
    if (type === 'mutation' && customer.readOnly && !o.readOnlyWrites) {
      throw new AppError('PORTAL_READ_ONLY')
    }
    return next({ ctx: { ...ctx, customer, actor: portalActor(customer, ctx.caller) } })
  })

/**
 * A signed-in customer: `ctx.customer` from a portal token (never a staff token), its actor,
 * and a limit per address on every call; the portal module's switch is checked with the
 * session. A read-only session (staff viewing as the customer) is refused every mutation.
 */
export const portalProcedure = publicProcedure
  .meta({ portal: 'customer' })
  .use(requireCustomer({ readOnlyWrites: false }))

/** Only for `portal.signOut`: a read-only view may end itself. */
export const portalSessionProcedure = publicProcedure
  .meta({ portal: 'customer' })
  .use(requireCustomer({ readOnlyWrites: true }))
