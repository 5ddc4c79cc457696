import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

/** Table types for kysely. Instants are ISO-8601 UTC text; booleans are 0/1 integers. */
export interface Database {
  companies: CompaniesTable
  company_settings: CompanySettingsTable
  users: UsersTable
  role_permissions: RolePermissionsTable
  sessions: SessionsTable
  login_attempts: LoginAttemptsTable
  login_lockouts: LoginLockoutsTable
  otp_challenges: OtpChallengesTable
  otp_locks: OtpLocksTable
  trusted_devices: TrustedDevicesTable
  portal_sessions: PortalSessionsTable
  portal_rate_limits: PortalRateLimitsTable
  audit_log: AuditLogTable
  counters: CountersTable
  areas: AreasTable
  pops: PopsTable
  products: ProductsTable
  product_price_history: ProductPriceHistoryTable
  price_lists: PriceListsTable
  price_list_items: PriceListItemsTable
  customers: CustomersTable
  customer_attachments: CustomerAttachmentsTable
  services: ServicesTable
  cpe_actions: CpeActionsTable
  service_history: ServiceHistoryTable
  customer_search: CustomerSearchTable
  billing_runs: BillingRunsTable
  invoices: InvoicesTable
  invoice_lines: InvoiceLinesTable
  billed_periods: BilledPeriodsTable
  invoice_write_window: InvoiceWriteWindowTable
  one_time_charges: OneTimeChargesTable
  credit_notes: CreditNotesTable
  payments: PaymentsTable
  customer_credits: CustomerCreditsTable
  allocations: AllocationsTable
  cash_closings: CashClosingsTable
  gateway_events: GatewayEventsTable
  gateway_settings: GatewaySettingsTable
  gateway_transactions: GatewayTransactionsTable
  gateway_transaction_invoices: GatewayTransactionInvoicesTable
  routers: RoutersTable
  device_jobs: DeviceJobsTable
  router_queue_leases: RouterQueueLeasesTable
  session_addresses: SessionAddressesTable
  usage_counters: UsageCountersTable
  usage_daily: UsageDailyTable
  usage_fup: UsageFupTable
  hotspot_profiles: HotspotProfilesTable
  hotspot_batches: HotspotBatchesTable
  hotspot_vouchers: HotspotVouchersTable
  hotspot_sales: HotspotSalesTable
  scheduled_jobs: ScheduledJobsTable
  job_runs: JobRunsTable
  message_channels: MessageChannelsTable
  message_templates: MessageTemplatesTable
  messages: MessagesTable
  promises_to_pay: PromisesToPayTable
  collection_actions: CollectionActionsTable
  notifications: NotificationsTable
  notification_reads: NotificationReadsTable
  tickets: TicketsTable
  ticket_events: TicketEventsTable
  ticket_attachments: TicketAttachmentsTable
  stock_items: StockItemsTable
  warehouses: WarehousesTable
  stock_balances: StockBalancesTable
  stock_requests: StockRequestsTable
  stock_request_lines: StockRequestLinesTable
  stock_movements: StockMovementsTable
  stock_serials: StockSerialsTable
  field_commands: FieldCommandsTable
  registrations: RegistrationsTable
  registration_events: RegistrationEventsTable
  registration_files: RegistrationFilesTable
  olts: OltsTable
  olt_onus: OltOnusTable
  olt_rx_daily: OltRxDailyTable
  odcs: OdcsTable
  odps: OdpsTable
  odp_ports: OdpPortsTable
  outages: OutagesTable
  outage_services: OutageServicesTable
}

export interface CompaniesTable {
  id: Generated<number>
  name: string
  address: string
  phone: string | null
  email: string | null
  npwp: string | null
  time_zone: string
  created_at: string
  updated_at: string
}

export interface CompanySettingsTable {
  company_id: number
  key: string
  value_json: string
  updated_at: string
}

export interface UsersTable {
  id: Generated<number>
  company_id: number
  name: string
  username: string
  phone: string | null
  email: string | null
  role: string
  password_hash: string
  must_change_password: number
  active: number
  created_at: string
  updated_at: string
  password_changed_at: string | null
  deactivated_at: string | null
}

export interface RolePermissionsTable {
  company_id: number
  role: string
  permission: string
}

export interface SessionsTable {
  id: Generated<number>
  token_hash: string
  user_id: number
  company_id: number
  created_at: string
  last_seen_at: string
  expires_at: string
  ended_at: string | null
  end_reason: string | null
  ip: string
  user_agent: string
}

export interface LoginAttemptsTable {
  id: Generated<number>
  at: string
  username: string
  ip: string
  user_agent: string
  /** pending: admitted, password being checked; locked: right password refused by a lock. */
  outcome: 'success' | 'failure' | 'locked' | 'pending'
  user_id: number | null
}

export interface LoginLockoutsTable {
  key: string
  locked_until: string
  created_at: string
  /** Attempts refused while locked: counted here, not logged one by one. */
  refused: Generated<number>
  /** 1 once the lock's one audit entry is written (after it ended). */
  closed: Generated<number>
}

export interface OtpChallengesTable {
  id: Generated<number>
  company_id: number | null
  purpose: string
  subject_key: string
  user_id: number | null
  token_hash: string
  code_hash: string
  channel: 'whatsapp' | 'email' | null
  recipient: string | null
  created_at: string
  expires_at: string
  sent_at: string
  sends: Generated<number>
  failures: Generated<number>
  ended_at: string | null
  end_reason: string | null
  ip: string
  user_agent: string
  data_json: string | null
}

export interface OtpLocksTable {
  key: string
  failures: Generated<number>
  locked_at: string | null
  locked_until: string | null
  refused: Generated<number>
  last_sent_at: string | null
}

export interface TrustedDevicesTable {
  id: Generated<number>
  user_id: number
  company_id: number
  token_hash: string
  name: string
  ip: string
  created_at: string
  last_used_at: string
  expires_at: string
  revoked_at: string | null
  revoke_reason: string | null
}

export interface PortalSessionsTable {
  id: Generated<number>
  company_id: number
  customer_id: number
  token_hash: string
  remembered: Generated<number>
  staff_user_id: number | null
  device: string
  ip: string
  user_agent: string
  created_at: string
  last_seen_at: string
  expires_at: string
  ended_at: string | null
  end_reason: string | null
}

export interface PortalRateLimitsTable {
  key: string
  window_start: string
  hits: number
}

export interface AuditLogTable {
  id: Generated<number>
  at: string
  company_id: number | null
  user_id: number | null
  username: string | null
  action: string
  entity_type: string | null
  entity_id: string | null
  before_json: string | null
  after_json: string | null
  ip: string | null
  user_agent: string | null
  prev_hash: string
  hash: string
}

export type UserRow = Selectable<UsersTable>
export type NewUserRow = Insertable<UsersTable>
export type UserUpdate = Updateable<UsersTable>
export type CompanyRow = Selectable<CompaniesTable>
export type SessionRow = Selectable<SessionsTable>
export type AuditRow = Selectable<AuditLogTable>

export interface CountersTable {
  company_id: number
  name: string
  value: number
}

export interface AreasTable {
  id: Generated<number>
  company_id: number
  code: string
  name: string
  code_pattern: string
  active: number
  created_at: string
  updated_at: string
}

export interface PopsTable {
  id: Generated<number>
  company_id: number
  area_id: number | null
  name: string
  address: string
  notes: string | null
  active: number
  created_at: string
  updated_at: string
}

export interface ProductsTable {
  id: Generated<number>
  company_id: number
  service_type: string
  name: string
  monthly_price: number
  billing_mode: string
  download_kbps: number | null
  upload_kbps: number | null
  router_profile: string | null
  data_cap_gb: number | null
  fup_note: string | null
  taxable: number
  active: number
  burst_download_kbps: number | null
  burst_upload_kbps: number | null
  burst_threshold_download_kbps: number | null
  burst_threshold_upload_kbps: number | null
  burst_time_s: number | null
  /** 1: Loket keeps the package's speed on the router (PPP profile / simple queue). */
  speed_on_router: Generated<number>
  /** Speed past the quota (FUP), both or neither. */
  fup_download_kbps: number | null
  fup_upload_kbps: number | null
  /** PPP profile past the quota; null: Loket names one when it keeps the speed on the router. */
  fup_profile: string | null
  /** Rupiah per GB past the quota, billed in arrears (rule 17). */
  extra_gb_price: number | null
  /** Pay-as-you-go: rupiah per GB of all usage, billed in arrears (rule 17). */
  usage_gb_price: number | null
  created_at: string
  updated_at: string
}

export interface ProductPriceHistoryTable {
  id: Generated<number>
  product_id: number
  price: number
  effective_from: string
  reason: string | null
  user_id: number | null
  username: string | null
  at: string
}

export interface PriceListsTable {
  id: Generated<number>
  company_id: number
  name: string
  area_id: number | null
  active: number
  created_at: string
  updated_at: string
}

export interface PriceListItemsTable {
  price_list_id: number
  product_id: number
  price: number
}

export interface CustomersTable {
  id: Generated<number>
  company_id: number
  code: string
  area_id: number
  name: string
  category: string
  nik: string | null
  phone: string | null
  whatsapp: string | null
  email: string | null
  address: string
  latitude: number | null
  longitude: number | null
  npwp: string | null
  account_manager_id: number | null
  marketer: string | null
  price_list_id: number | null
  notes: string | null
  status: string
  messages_opt_out: Generated<number>
  no_isolir: Generated<number>
  no_isolir_reason: string | null
  created_at: string
  updated_at: string
  address_note: string | null
}

export interface CustomerAttachmentsTable {
  id: Generated<number>
  customer_id: number
  kind: string
  file_name: string
  mime: string
  size: number
  sha256: string
  user_id: number | null
  at: string
}

export interface ServicesTable {
  id: Generated<number>
  company_id: number
  sid: string
  customer_id: number
  product_id: number
  status: string
  activation_date: string | null
  billing_day: number | null
  price_override: number | null
  price_reason: string | null
  installation_address: string | null
  pppoe_username: string | null
  pppoe_password: string | null
  static_ip: string | null
  router_id: number | null
  pop_id: number | null
  notes: string | null
  /** The installed CPE's serial, for finding it on the ACS (issue 18). */
  cpe_serial: string | null
  terminated_at: string | null
  created_at: string
  updated_at: string
}

/** A reboot, refresh or WiFi change asked of the ACS, and how it answered (issue 18). */
export interface CpeActionsTable {
  id: Generated<number>
  company_id: number
  customer_id: number
  device_id: string
  action: string
  /** JSON of what was asked beyond the action (the new SSID); never a password. */
  detail: string | null
  /** null while the ACS is being asked. */
  outcome: string | null
  message: string | null
  task_id: string | null
  user_id: number | null
  username: string
  created_at: string
  finished_at: string | null
}

export interface ServiceHistoryTable {
  id: Generated<number>
  service_id: number
  kind: string
  from_value: string | null
  to_value: string | null
  effective_date: string
  pending: number
  reason: string | null
  user_id: number | null
  username: string | null
  at: string
}

export interface CustomerSearchTable {
  rowid: number
  body: string
}

export interface BillingRunsTable {
  id: Generated<number>
  company_id: number
  period: string
  as_of: string
  status: string
  invoices: number
  total: number
  skipped_json: string
  user_id: number | null
  username: string | null
  started_at: string
  finished_at: string | null
}

export interface InvoicesTable {
  id: Generated<number>
  company_id: number
  customer_id: number
  kind: 'period' | 'one_time'
  period: string | null
  run_id: number | null
  number: string | null
  status: 'draft' | 'issued' | 'void'
  payment_status: 'belum_bayar' | 'sebagian' | 'lunas' | 'void'
  issue_date: string
  due_date: string
  customer_code: string
  customer_name: string
  customer_address: string
  customer_npwp: string | null
  subtotal: number
  tax_label: string | null
  tax_amount: number
  rounding: number
  total: number
  paid: number
  settled_date: string | null
  void_reason: string | null
  voided_at: string | null
  voided_by: string | null
  notes: string | null
  created_by: string | null
  created_at: string
  issued_at: string | null
  updated_at: string
}

export type InvoiceLineKind =
  'recurring' | 'upgrade_credit' | 'upgrade_charge' | 'one_time' | 'usage'

export interface InvoiceLinesTable {
  id: Generated<number>
  invoice_id: number
  kind: InvoiceLineKind
  service_id: number | null
  product_id: number | null
  description: string
  period_start: string | null
  period_end: string | null
  amount: number
  history_id: number | null
  charge_id: number | null
  sort: number
}

/** Ids of issued invoices a run may still add lines to, inside its own transaction only. */
export interface InvoiceWriteWindowTable {
  first_id: number
  last_id: number
}

export interface BilledPeriodsTable {
  service_id: number
  period_start: string
  period_end: string
  invoice_id: number
}

export interface OneTimeChargesTable {
  id: Generated<number>
  company_id: number
  customer_id: number
  service_id: number | null
  description: string
  amount: number
  charge_date: string
  status: 'pending' | 'billed' | 'cancelled'
  invoice_id: number | null
  created_by: string | null
  created_at: string
}

export interface CreditNotesTable {
  id: Generated<number>
  company_id: number
  number: string
  invoice_id: number
  customer_id: number
  kind: 'manual' | 'termination'
  service_id: number | null
  amount: number
  reason: string
  issue_date: string
  created_by: string | null
  created_at: string
}

export interface PaymentsTable {
  id: Generated<number>
  company_id: number
  customer_id: number
  number: string
  amount: number
  method: string
  reference: string | null
  source: 'counter' | 'import' | 'gateway'
  target_invoice_id: number | null
  client_id: string | null
  received_at: string
  received_date: string
  user_id: number | null
  username: string | null
  notes: string | null
  status: 'ok' | 'reversed'
  reversed_at: string | null
  reversed_date: string | null
  reversed_by_id: number | null
  reversed_by: string | null
  reversal_reason: string | null
  created_at: string
}

export interface CustomerCreditsTable {
  id: Generated<number>
  company_id: number
  customer_id: number
  amount: number
  kind: 'overpayment' | 'applied' | 'credit_note' | 'reversal' | 'unapplied'
  payment_id: number | null
  invoice_id: number | null
  credit_note_id: number | null
  date: string
  username: string | null
  at: string
}

export interface AllocationsTable {
  id: Generated<number>
  invoice_id: number
  amount: number
  source: 'payment' | 'credit' | 'credit_note'
  payment_id: number | null
  credit_id: number | null
  credit_note_id: number | null
  date: string
  created_at: string
  reversed_at: string | null
  reversed_date: string | null
}

export interface CashClosingsTable {
  id: Generated<number>
  company_id: number
  user_id: number
  username: string
  date: string
  by_method_json: string
  expected_cash: number
  counted_cash: number
  difference: number
  notes: string | null
  closed_by_id: number | null
  closed_by: string
  closed_at: string
}

export interface GatewayEventsTable {
  id: Generated<number>
  company_id: number
  gateway: string
  reference: string
  invoice_number: string | null
  amount: number | null
  outcome: string
  payment_id: number | null
  payload: string
  at: string
  transaction_id: number | null
  /** How the notice came: 'callback' or 'poll' (null: before issue 17). */
  source: string | null
}

export interface GatewaySettingsTable {
  id: Generated<number>
  company_id: number
  gateway: string
  enabled: number
  mode: string
  base_url: string | null
  keys_sealed: string
  fee_policy: string
  expiry_hours: number
  poll_minutes: number
  channels: string | null
  updated_at: string
}

export interface GatewayTransactionsTable {
  id: Generated<number>
  company_id: number
  gateway: string
  merchant_ref: string
  reference: string
  customer_id: number
  amount: number
  fee: number
  total: number
  channel: string
  channel_name: string
  checkout_url: string | null
  pay_code: string | null
  instructions: string
  expires_at: string
  state: string
  paid_amount: number | null
  paid_at: string | null
  payment_id: number | null
  held_reason: string | null
  reviewed_by: string | null
  reviewed_at: string | null
  next_poll_at: string | null
  last_polled_at: string | null
  via: string
  created_by: string
  created_at: string
  updated_at: string
}

export interface GatewayTransactionInvoicesTable {
  transaction_id: number
  invoice_id: number
  amount: number
}

export interface RoutersTable {
  id: Generated<number>
  company_id: number
  name: string
  host: string
  port: number
  tls: number
  username: string
  password_sealed: string
  area_id: number | null
  pop_id: number | null
  isolir_profile: Generated<string>
  isolir_list: Generated<string>
  notes: string | null
  active: Generated<number>
  identity: string | null
  version: string | null
  board: string | null
  last_seen_at: string | null
  last_error: string | null
  created_at: string
  updated_at: string
}

export interface DeviceJobsTable {
  id: Generated<number>
  company_id: number
  router_id: number
  service_id: number | null
  kind: string
  target: Generated<string>
  payload: Generated<string>
  status: string
  attempts: Generated<number>
  revision: Generated<number>
  next_attempt_at: string
  last_error: string | null
  result: string | null
  reason: string | null
  created_by: string | null
  created_at: string
  updated_at: string
  finished_at: string | null
}

export interface HotspotProfilesTable {
  id: Generated<number>
  company_id: number
  router_id: number
  name: string
  rate_limit: string
  validity: string
  shared_users: Generated<number>
  price: number
  dns_name: string | null
  active: Generated<number>
  created_at: string
  updated_at: string
  /** RouterOS limit-bytes-total for new vouchers of the profile; null = no data quota. */
  quota_bytes: number | null
}

export interface HotspotBatchesTable {
  id: Generated<number>
  company_id: number
  router_id: number
  profile_id: number
  count: number
  prefix: Generated<string>
  length: number
  charset: string
  mode: string
  price: number
  validity: string
  note: string | null
  created_by: number | null
  created_at: string
  /** The profile's quota when the batch was made (its vouchers' limit-bytes-total); null = none. */
  quota_bytes: number | null
}

export interface HotspotVouchersTable {
  id: Generated<number>
  company_id: number
  router_id: number
  batch_id: number
  /** Sealed (SecretBox), like the password: in voucher mode the username is the code. */
  username: string
  password: string
  /** SecretBox.lookupKey of the username: unique per router, null until sealed at start. */
  username_key: string | null
  status: Generated<string>
  disabled_at: string | null
  sale_id: number | null
}

export interface HotspotSalesTable {
  id: Generated<number>
  company_id: number
  batch_id: number
  count: number
  unit_price: number
  amount: number
  sale_date: string
  cashier_id: number | null
  cashier_name: string | null
  note: string | null
  created_at: string
}

export interface ScheduledJobsTable {
  company_id: number
  job: string
  paused: number
  updated_by: string | null
  updated_at: string
}

export type JobTrigger = 'schedule' | 'manual' | 'cli'
export type JobRunStatus = 'running' | 'done' | 'failed'

export interface JobRunsTable {
  id: Generated<number>
  company_id: number
  job: string
  as_of: string
  trigger: JobTrigger
  status: JobRunStatus
  counts_json: Generated<string>
  error: string | null
  username: string | null
  started_at: string
  finished_at: string | null
}

export interface MessageChannelsTable {
  id: Generated<number>
  company_id: number
  kind: 'whatsapp' | 'email'
  provider: 'fonnte' | 'wablas' | 'url' | 'baileys' | 'smtp'
  config_sealed: string
  enabled: Generated<number>
  rate_per_minute: number
  status: Generated<'unknown' | 'ok' | 'error'>
  status_detail: string | null
  checked_at: string | null
  created_at: string
  updated_at: string
}

export interface MessageTemplatesTable {
  company_id: number
  key: string
  subject: string
  body: string
  updated_by: string | null
  updated_at: string
}

export type MessageStatus = 'antri' | 'terkirim' | 'gagal' | 'dilewati'

export interface MessagesTable {
  id: Generated<number>
  company_id: number
  customer_id: number | null
  channel: 'whatsapp' | 'email'
  recipient: string
  kind: string
  subject: string | null
  body: string
  status: MessageStatus
  reason: string | null
  error_detail: string | null
  attempts: Generated<number>
  next_attempt_at: string | null
  provider_id: string | null
  dedupe_key: string | null
  ref_type: string | null
  ref_id: number | null
  created_by: string | null
  created_at: string
  sent_at: string | null
  updated_at: string
  /** 1: sent ahead of the rate-limited queue (one-time codes). */
  priority: Generated<number>
  /** A one-time code sealed until sent, then erased; the body holds `{otp}` in its place. */
  secret_sealed: string | null
}

export interface PromisesToPayTable {
  id: Generated<number>
  company_id: number
  customer_id: number
  until_date: string
  note: string | null
  user_id: number | null
  username: string
  created_at: string
  cancelled_at: string | null
  cancelled_by: string | null
}

export interface CollectionActionsTable {
  id: Generated<number>
  company_id: number
  service_id: number
  customer_id: number
  action: 'isolir' | 'restore'
  as_of: string
  reason: string
  job_run_id: number | null
  created_at: string
}

export interface NotificationsTable {
  id: Generated<number>
  company_id: number
  kind: string
  params_json: Generated<string>
  link: string | null
  permission: string | null
  /** One user's notice (null: everyone of the company holding `permission`). */
  user_id: number | null
  dedupe_key: string | null
  created_at: string
}

export interface NotificationReadsTable {
  notification_id: number
  user_id: number
  read_at: string
}

export type MessageRow = Selectable<MessagesTable>
export type RouterDbRow = Selectable<RoutersTable>
/** Who applies a router's jobs right now (core/network/queue-lease.ts). */
export interface RouterQueueLeasesTable {
  router_id: number
  owner: string
  /** ISO-8601 UTC, real time: the lease is over after this even if its holder died. */
  until: string
}

/** A PPPoE login's address as last seen among the router's active sessions (the isolir page). */
export interface SessionAddressesTable {
  company_id: number
  address: string
  service_id: number
  router_id: number
  seen_at: string
}

/** The counter last read for a service: its router id (`*1A`) and values (issue 18, usage). */
export interface UsageCountersTable {
  service_id: number
  company_id: number
  router_id: number
  counter_key: string
  upload_bytes: number
  download_bytes: number
  read_at: string
}

/** Bytes a service moved in a day (company time zone), from the customer's side. */
export interface UsageDailyTable {
  service_id: number
  day: string
  company_id: number
  upload_bytes: number
  download_bytes: number
}

/** A service's FUP state in a usage period (`YYYY-MM`): each step once (issue 18, FUP). */
export interface UsageFupTable {
  service_id: number
  period: string
  company_id: number
  /** The 80 % message was queued. */
  warned_at: string | null
  /** The 100 % message was queued and the service moved to its FUP speed. */
  throttled_at: string | null
  /** Back to the package speed at the next period. */
  restored_at: string | null
}

export type DeviceJobRow = Selectable<DeviceJobsTable>
export type AreaRow = Selectable<AreasTable>
export type ProductRow = Selectable<ProductsTable>
export type CustomerRow = Selectable<CustomersTable>
export type ServiceRow = Selectable<ServicesTable>

export interface TicketsTable {
  id: Generated<number>
  company_id: number
  number: string
  year: number
  customer_id: number | null
  service_id: number | null
  category: string
  priority: string
  medium: string
  title: string
  description: string | null
  status: string
  assignee_id: number | null
  device_serial: string | null
  pic_name: string | null
  pic_phone: string | null
  first_response_due_at: string
  resolution_due_at: string
  first_responded_at: string | null
  resolved_at: string | null
  created_by: number | null
  created_at: string
  updated_at: string
  /** When the SLA check told the breach (null: not told). */
  first_response_breach_notified_at: string | null
  resolution_breach_notified_at: string | null
}

export interface TicketEventsTable {
  id: Generated<number>
  ticket_id: number
  kind: string
  from_status: string | null
  to_status: string | null
  assignee_id: number | null
  note: string | null
  user_id: number | null
  username: string | null
  at: string
}

export interface TicketAttachmentsTable {
  id: Generated<number>
  ticket_id: number
  event_id: number | null
  file_name: string
  mime: string
  size: number
  sha256: string
  user_id: number | null
  at: string
}

/** Gudang (migration 202612070201_warehouse). */
export interface StockItemsTable {
  id: Generated<number>
  company_id: number
  name: string
  unit: string
  serial: number
  low_threshold: number
  low_since: string | null
  active: number
  created_at: string
  updated_at: string
}

export interface WarehousesTable {
  id: Generated<number>
  company_id: number
  name: string
  address: string | null
  active: number
  created_at: string
  updated_at: string
}

export interface StockBalancesTable {
  id: Generated<number>
  company_id: number
  item_id: number
  holder_kind: string
  holder_id: number
  qty: number
  updated_at: string
}

export interface StockRequestsTable {
  id: Generated<number>
  company_id: number
  for_kind: string | null
  for_id: number | null
  warehouse_id: number
  technician_id: number | null
  customer_id: number | null
  service_id: number | null
  status: string
  note: string | null
  requested_by: string | null
  requested_at: string
  decided_by: string | null
  decided_at: string | null
  reason: string | null
  issued_by: string | null
  issued_at: string | null
}

export interface StockRequestLinesTable {
  id: Generated<number>
  request_id: number
  item_id: number
  qty: number
}

export interface StockMovementsTable {
  id: Generated<number>
  company_id: number
  batch: string
  item_id: number
  kind: string
  holder_kind: string
  holder_id: number
  qty: number
  balance_after: number
  request_id: number | null
  customer_id: number | null
  service_id: number | null
  serials_json: string | null
  note: string | null
  user_id: number | null
  username: string | null
  at: string
}

export interface StockSerialsTable {
  id: Generated<number>
  company_id: number
  item_id: number
  serial: string
  holder_kind: string
  holder_id: number | null
  customer_id: number | null
  service_id: number | null
  updated_at: string
}

export interface FieldCommandsTable {
  id: Generated<number>
  company_id: number
  uuid: string
  kind: string
  payload: string
  user_id: number | null
  username: string | null
  client_at: string
  received_at: string
  status: string
  code: string | null
  reason: string | null
  result: string | null
}

export interface RegistrationsTable {
  id: Generated<number>
  company_id: number
  customer_id: number
  service_id: number | null
  step: string
  status: string
  survey_priority: string | null
  survey_date: string | null
  survey_time: string | null
  survey_pic_id: number | null
  survey_technician_id: number | null
  survey_topology: string | null
  survey_notes: string | null
  survey_decision: string | null
  survey_reason: string | null
  sid: string | null
  account_username: string | null
  account_password: string | null
  tax_type: string | null
  download_kbps: number | null
  upload_kbps: number | null
  install_date: string | null
  install_time: string | null
  install_fee: number | null
  install_pic_id: number | null
  install_technician_id: number | null
  install_warehouse: string | null
  install_items_json: string | null
  onu_serial: string | null
  rx_power: number | null
  cable_length: number | null
  install_notes: string | null
  restrict_before_payment: Generated<number>
  customer_signer: string | null
  technician_signer: string | null
  signed_at: string | null
  charge_id: number | null
  first_invoice_id: number | null
  ended_reason: string | null
  created_by: number | null
  created_at: string
  updated_at: string
  finished_at: string | null
}

export interface RegistrationEventsTable {
  id: Generated<number>
  registration_id: number
  kind: string
  from_step: string | null
  to_step: string | null
  note: string | null
  user_id: number | null
  username: string | null
  at: string
}

export interface RegistrationFilesTable {
  id: Generated<number>
  registration_id: number
  kind: string
  mime: string
  size: number
  sha256: string
  user_id: number | null
  at: string
}

export interface OltsTable {
  id: Generated<number>
  company_id: number
  name: string
  vendor: string
  host: string
  port: number
  snmp_version: string
  v3_user: string | null
  v3_auth_protocol: string | null
  v3_priv_protocol: string | null
  secret_sealed: string
  notes: string | null
  active: number
  sys_descr: string | null
  last_seen_at: string | null
  last_polled_at: string | null
  last_error: string | null
  created_at: string
  updated_at: string
  /** The POP it stands in (topology, issue 18). */
  pop_id: number | null
}
export type OltDbRow = Selectable<OltsTable>

export interface OltOnusTable {
  id: Generated<number>
  company_id: number
  olt_id: number
  pon: string
  onu_index: number
  serial: string | null
  name: string | null
  description: string | null
  status: string
  /** Hundredths of a dBm. */
  rx_cdbm: number | null
  last_down_cause: string | null
  service_id: number | null
  link_kind: string | null
  present: number
  first_seen_at: string
  seen_at: string
}

export interface OltRxDailyTable {
  id: Generated<number>
  company_id: number
  onu_id: number
  day: string
  rx_min: number | null
  rx_max: number | null
  rx_last: number | null
  status_last: string
  samples: number
  offline_samples: number
  updated_at: string
}

/** Topology (issue 18): ODC → ODP → a service on a port, and mass outages. */
export interface OdcsTable {
  id: Generated<number>
  company_id: number
  name: string
  olt_id: number
  pon: string
  latitude: number | null
  longitude: number | null
  notes: string | null
  created_at: string
  updated_at: string
}

export interface OdpsTable {
  id: Generated<number>
  company_id: number
  name: string
  odc_id: number
  ports: number
  latitude: number | null
  longitude: number | null
  address: string | null
  notes: string | null
  photo_sha256: string | null
  photo_mime: string | null
  created_at: string
  updated_at: string
}

export interface OdpPortsTable {
  id: Generated<number>
  company_id: number
  odp_id: number
  port: number
  service_id: number
  assigned_at: string
}

export interface OutagesTable {
  id: Generated<number>
  company_id: number
  scope: string
  olt_id: number | null
  pon: string | null
  odc_id: number | null
  odp_id: number | null
  label: string
  cause: string | null
  ticket_id: number | null
  started_at: string
  resolved_at: string | null
  created_by: number | null
  resolved_by: number | null
}

export interface OutageServicesTable {
  outage_id: number
  service_id: number
  customer_id: number
}
