/** What the notification centre tells about; each kind has a translated title with parameters. */
export const NOTIFICATION_KINDS = [
  'due_today',
  'overdue',
  'isolir_done',
  'restore_done',
  'messages_failing',
  'router_jobs_failing',
  'job_failed',
  'reconcile_differences',
  'backup_failed',
  'backup_missed',
  'ticket_new',
  'ticket_sla_first_response',
  'ticket_sla_resolution',
  'stock_low',
  'gateway_payment_held',
] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]
