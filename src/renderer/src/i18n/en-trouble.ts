import type { idTrouble } from './id-trouble'

/** English texts of the customer page's troubleshooting tab; the same keys as id-trouble.ts. */
export const enTrouble: typeof idTrouble = {
  trouble: {
    tabs: { overview: 'Overview', trouble: 'Troubleshooting' },
    intro:
      'Check in order: bills and isolation, the PPPoE session on the router, the ONU on the OLT, the modem on the ACS, then the ticket history. Each source loads on its own; one that does not answer says why.',
    refreshAll: 'Check everything again',
    billing: {
      title: 'Bills & isolation',
      noArrears: 'Nothing owed.',
      arrears: 'Owes {{amount}} ({{count}} invoices)',
      overdue: 'Past due: {{amount}} ({{count}} invoices), oldest due {{date}}',
      notDueYet: 'Nothing is past due yet.',
      invoice: '{{number}} · period {{period}} · due {{date}} · left {{amount}}',
      isolated: 'Service {{sid}} isolated since {{date}}',
      isolatedNoDate: 'Service {{sid}} isolated',
      why: 'Reason: {{reason}}',
      noReason: 'No reason recorded.',
      by: 'by {{who}}',
      notIsolated: 'No service is isolated.',
      noIsolir: 'Kept out of automatic isolation: {{reason}}',
      promise: 'Promised to pay by {{date}}',
      hintIsolir: 'Down because isolated: ask the customer to pay according to company policy.',
      noAccess: 'You may not see bills.',
    },
    session: {
      title: 'PPPoE session',
      none: 'This customer has no live PPPoE service.',
      online: 'Online',
      offline: 'Offline',
      error: 'Router did not answer',
      notConfigured: 'Not set up',
      notConfiguredHint:
        'This service has no PPPoE login or router yet; set it in the service network.',
      on: '{{login}} on {{router}}',
      address: 'IP address',
      uptime: 'Uptime',
      callerId: 'MAC (caller-id)',
      lastOut: 'Last disconnect',
      lastReason: 'Disconnect reason',
      never: 'Never recorded',
      noSecret: 'Login {{login}} is not on the router (no PPP secret yet).',
      kick: 'Disconnect session',
      kickTitle: 'Disconnect session {{login}}?',
      kickIntro:
        'The customer’s modem dials again by itself (usually within seconds). This is recorded in the audit log.',
      kickConfirm: 'Yes, disconnect',
      kickDone: 'Session {{name}} disconnected.',
      kickGone: 'Session {{name}} was no longer online.',
    },
    ticket: {
      title: 'Outage: {{name}}',
      checks: 'First checks ({{date}}):',
      billing: 'Bills: {{text}}',
      session: 'PPPoE {{login}}: {{text}}',
      onu: 'ONU {{serial}}: {{status}}, RX {{rx}}',
      cpe: 'Modem {{model}}: {{text}}',
      notRead: 'not read yet',
      symptom: 'Symptoms the customer reports:',
    },
  },
}
