/**
 * Error codes that cross the API boundary. The UI translates `errors.<CODE>` (Indonesian first);
 * code and logs stay in English. Add a code here before throwing it anywhere.
 */
export const ERROR_CODES = [
  'INTERNAL',
  'VALIDATION',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'FORBIDDEN',
  'PASSWORD_CHANGE_REQUIRED',
  'AUTH_INVALID_CREDENTIALS',
  'AUTH_LOCKED',
  'AUTH_USER_INACTIVE',
  'PASSWORD_TOO_WEAK',
  'PASSWORD_REUSED',
  'SETUP_ALREADY_DONE',
  'SETUP_REQUIRED',
  'USERNAME_TAKEN',
  'CANNOT_CHANGE_OWN_ACCOUNT',
  'LAST_SUPERADMIN',
  'SUPERADMIN_ONLY',
  'DB_NEWER_THAN_APP',
  'DB_ON_NETWORK_PATH',
  'DB_NATIVE_MODULE_MISMATCH',
  'DB_URL_INVALID',
  'DB_NUMBER_OUT_OF_RANGE',
  'DB_TARGET_NOT_EMPTY',
  'CODE_TAKEN',
  'NAME_TAKEN',
  'PPPOE_USERNAME_TAKEN',
  'INVALID_STATUS_CHANGE',
  'SERVICE_TERMINATED',
  'IMPORT_HAS_ERRORS',
  'INVOICE_IMMUTABLE',
  'INVOICE_NOT_ISSUED',
  'INVOICE_HAS_PAYMENTS',
  'CREDIT_EXCEEDS_INVOICE',
  'PAYMENT_BELOW_MINIMUM',
  'PAYMENT_EXCEEDS_DUE',
  'REFERENCE_TAKEN',
  'DAY_CLOSED',
  'PAYMENT_ALREADY_REVERSED',
  'BILLING_RUN_BUSY',
  'ROUTER_AUTH',
  'ROUTER_REFUSED',
  'ROUTER_TIMEOUT',
  'ROUTER_UNREACHABLE',
  'ROUTER_TLS',
  'ROUTER_TRAP',
  'ROUTER_DISCONNECTED',
  'ROUTER_NOT_SET',
  'CHANNEL_NOT_SET',
  'CHANNEL_SEND_FAILED',
  'CHANNEL_NOT_LINKED',
  'TEMPLATE_UNKNOWN_VARIABLE',
  'JOB_UNKNOWN',
  'JOB_BUSY',
  'ROUTER_IMPORT_UNDECIDED',
  'ROUTER_IMPORT_NO_PACKAGE',
  'ROUTER_IMPORT_ISOLIR_PACKAGE',
  'IMPORT_ROUTER_REQUIRED',
  'OTP_INVALID',
  'OTP_EXPIRED',
  'OTP_LOCKED',
  'OTP_RESEND_TOO_SOON',
  'OTP_TOO_MANY_SENDS',
  'OTP_NO_PHONE',
  'OTP_CHANNEL_OFF',
  'TWO_FACTOR_NEEDS_WHATSAPP',
  'TWO_FACTOR_SELF_NO_PHONE',
  'METHOD_NOT_SUPPORTED',
  'UNSUPPORTED_MEDIA_TYPE',
  'HOST_NOT_ALLOWED',
  'SETUP_CODE_REQUIRED',
  'SETUP_CODE_INVALID',
  'SECRET_DESTINATION_CHANGED',
  'BACKUP_NOT_A_BACKUP',
  'BACKUP_NEWER_THAN_APP',
  'BACKUP_PASSPHRASE_REQUIRED',
  'BACKUP_PASSPHRASE_WRONG',
  'BACKUP_DAMAGED',
  'BACKUP_EXISTS',
  'RESTORE_TARGET_NOT_EMPTY',
  'BACKUP_BUSY',
  'BACKUP_NOT_FOUND',
  'BACKUP_FOLDER_INVALID',
  'BACKUP_COPY_FAILED',
  'BACKUP_TOO_LARGE',
  'BACKUP_PASSPHRASE_UNREADABLE',
  'RESTORE_LIVE_POSTGRES',
  'RESTORE_LIVE_UNAVAILABLE',
  'HOST_RESTORING',
  'RESTORE_LIVE_DONE',
  'MODULE_DISABLED',
  'TICKET_STATUS_REFUSED',
  'TICKET_REOPEN_REASON_REQUIRED',
  'TICKET_ASSIGNEE_INVALID',
  'TICKET_CATEGORY_UNKNOWN',
  'TICKET_CATEGORY_IN_USE',
  'STOCK_INSUFFICIENT',
  'STOCK_REQUEST_STATUS_REFUSED',
  'STOCK_SERIAL_INVALID',
  'STOCK_ITEM_NAME_TAKEN',
  'WAREHOUSE_NAME_TAKEN',
  'FIELD_KIND_UNKNOWN',
  'FIELD_PAYLOAD_INVALID',
  'FIELD_NOT_ASSIGNED',
  'FIELD_TICKET_CLOSED',
  'REGISTRATION_STEP_REFUSED',
  'REGISTRATION_CLOSED',
  'REGISTRATION_OPEN_EXISTS',
  'REGISTRATION_FILE_INVALID',
  'FIELD_REGISTRATION_NOT_ASSIGNED',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ErrorPayload {
  code: ErrorCode
  messageKey: string
  details?: Record<string, unknown>
}

export function messageKeyOf(code: ErrorCode): string {
  return `errors.${code}`
}

/** A domain error with a stable code; the API turns it into `{code, messageKey, details}`. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly details?: Record<string, unknown>

  constructor(code: ErrorCode, message?: string, details?: Record<string, unknown>) {
    super(message ?? code)
    this.name = 'AppError'
    this.code = code
    this.details = details
  }

  toPayload(): ErrorPayload {
    return { code: this.code, messageKey: messageKeyOf(this.code), details: this.details }
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError
}
