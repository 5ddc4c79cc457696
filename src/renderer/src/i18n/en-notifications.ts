import type { idNotifications } from './id-notifications'

/** English texts of the notifications pages. */
export const enNotifications: typeof idNotifications = {
  notifications: {
    bell: 'Notifications',
    bellUnread: 'Notifications, {{count}} unread',
    title: 'Notifications',
    markAll: 'Mark all as read',
    empty: 'No notifications yet',
    emptyHint: 'Things that need attention show up here.',
    loadFailed: 'Notifications could not be loaded.',
    kinds: {
      due_today: '{{count}} invoices due today',
      overdue: '{{count}} customers overdue',
      isolir_done: '{{count}} services isolated automatically',
      restore_done: '{{count}} services restored automatically',
      messages_failing: '{{count}} messages failed in the last 24 hours',
      router_jobs_failing: '{{count}} router jobs failed',
      job_failed: 'Job “{{jobName}}” failed',
      reconcile_differences: '{{count}} differences between routers and Loket',
      backup_failed: 'Scheduled backup of {{date}} failed: {{problemText}}',
      backup_missed: 'Scheduled backup of {{date}} was missed (host off at {{time}}); made now',
      stock_low: 'Low stock of {{name}}: {{count}} {{unit}} left (minimum {{threshold}})',
      gateway_payment_held:
        'Online payment {{reference}} ({{customer}}) held: paid {{paid}}, asked {{asked}}. Review, then approve or reject.',
      ticket_new: 'New ticket {{number}} ({{priority}}): {{title}}',
      ticket_sla_first_response:
        'Ticket {{number}} ({{priority}}) has no first response past its SLA: {{title}}',
      ticket_sla_resolution:
        'Ticket {{number}} ({{priority}}) is not resolved past its SLA: {{title}}',
    },
    unknownKind: 'New notice',
    justNow: 'just now',
  },
}
