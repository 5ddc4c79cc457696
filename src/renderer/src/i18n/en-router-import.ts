import type { idRouterImport } from './id-router-import'

/** English texts (router-import). */
export const enRouterImport: typeof idRouterImport = {
  routerImport: {
    title: 'Import from a router',
    intro:
      'Read the PPPoE secrets, profiles and hotspot users of a MikroTik, match them to existing customers, then create what is missing. The way to move from Mikhmon or a spreadsheet to Loket.',
    back: 'Back to Network',
    router: 'Router',
    read: 'Read router',
    reading: 'Reading the router…',
    area: 'Area of new customers',
    areaHint: 'New customer codes follow this area’s pattern.',
    areaRequired: 'Choose an area for {{count}} new customers.',
    isolirProduct: 'Package for secrets in the isolir profile',
    isolirProductHint:
      'Secrets in the isolir profile do not say their package; choose it to import them as isolated.',
    hotspot: 'Import hotspot users too (vouchers are never imported)',
    commit: 'Import now',
    confirmTitle: 'Import from {{router}}?',
    confirmBody:
      '{{customers}} new customers, {{services}} new services, {{linked}} linked. All in one transaction.',
    committing: 'Importing…',
    doneTitle: 'Import finished',
    doneBody:
      '{{customers}} customers and {{services}} services created, {{linked}} services linked from router {{router}}.',
    nothingNew: 'Every secret is already in Loket. Nothing to import.',
    toCustomers: 'See customers',
    toReconcile: 'Open reconciliation',
    again: 'Read again',
    productsTitle: 'New packages for unknown profiles',
    productsWarning:
      'These packages are created at Rp0. Set their prices in the Catalog before the next billing run.',
    counts: {
      new: 'New customers',
      new_service: 'New services (existing customers)',
      link: 'Linked',
      existing: 'Already there',
      conflict: 'Needs a decision',
      skipped: 'Skipped',
    },
    groups: {
      new: 'New customers',
      new_service: 'New services for existing customers',
      link: 'Linked to existing services',
      existing: 'Already in Loket',
      skipped: 'Skipped',
    },
    more: '… and {{count}} more',
    columns: {
      login: 'Login',
      kind: 'Type',
      profile: 'Profile',
      customer: 'Customer',
      product: 'Package',
      status: 'Status',
      reason: 'Reason',
    },
    newProduct: 'new',
    kinds: { pppoe: 'PPPoE', hotspot: 'Hotspot' },
    reasons: {
      voucher: 'Hotspot voucher',
      other_router: 'Belongs to a service on another router',
      duplicate: 'Duplicate name',
      isolir_unknown_package: 'In the isolir profile, package unknown',
      hotspot_excluded: 'Hotspot users left out',
    },
    decisions: {
      forAll: 'For all:',
      choice: 'Choice',
      choiceFor: 'Choice for {{login}}',
      moreRows: '… and {{count}} more following the choice "for all"',
      differs: 'package differs',
      packagesTitle: 'Package in Loket differs from the profile on the router ({{count}})',
      packagesHint:
        "Keep Loket's package: the router's profile is changed to the package's through the router queue. Follow the router: the service moves to the package using that router profile, from today.",
      keepLoket: "Keep Loket's package",
      followRouter: 'Follow the router',
      loketPackage: 'Package in Loket (profile)',
      routerProfile: 'Profile on the router → package',
      noPackage: 'no package has profile {{profile}}',
      putusTitle: 'Enabled secrets of customers terminated in Loket ({{count}})',
      putusHint:
        'These customers are terminated in Loket, but their secret is still enabled on the router and can be used without being billed. Choose for each secret; nothing is changed silently.',
      disable: 'Keep terminated, disable the secret',
      reactivate: 'Reactivate the customer',
      why: 'Note',
      held: 'The secret of a terminated service',
      named: "The secret's comment names this customer",
      needsIsolirPackage:
        'A secret in the isolir profile: choose its package above to be able to reactivate.',
      undecided: '{{count}} secret(s) not decided yet. The import can run once all are decided.',
      confirmPackages:
        "Differing packages: {{follow}} follow the router, {{keep}} keep Loket's package (the router is changed through the queue).",
      confirmPutus:
        'Terminated customers: {{disable}} secret(s) disabled through the queue, {{reactivate}} customer(s) reactivated with a new service.',
      doneBody:
        'Packages: {{follow}} follow the router, {{keep}} kept. Terminated customers: {{disable}} secret(s) disabled, {{reactivate}} reactivated.',
    },
  },
  reconcile: {
    intro:
      'The router compared with Loket’s database. Each difference can be fixed in either direction; every fix is audited.',
    refresh: 'Compare again',
    empty: 'No differences',
    emptyHint: 'Router and Loket agree on {{services}} services and {{secrets}} secrets.',
    waiting: '{{count}} services waiting for the router (device queue not finished).',
    disabledOrphans:
      '{{count}} disabled secrets without a service in Loket (left alone; Loket never deletes a secret).',
    toRouter: 'Apply to router',
    toLoket: 'Follow router',
    confirmRouterTitle: 'Apply to the router?',
    confirmLoketTitle: 'Follow the router?',
    confirm: 'Yes, continue',
    fixed: 'Fix recorded.',
    queued: 'Queued for the router.',
    columns: {
      kind: 'Difference',
      customer: 'Customer',
      login: 'Login',
      loket: 'In Loket',
      router: 'On router',
      actions: 'Fix',
    },
    kinds: {
      missing_on_router: 'Secret missing on router',
      profile_differs: 'Profile differs',
      isolir_mismatch: 'Isolation differs',
      disabled_differs: 'Enabled/disabled differs',
      address_list_differs: 'Isolir address-list differs',
      orphan_secret: 'Secret without a service',
      rate_limit_differs: 'Profile speed differs',
      queue_differs: 'Simple queue differs',
    },
    values: {
      enabled: 'enabled',
      disabled: 'disabled',
      listed: 'in the isolir list',
      not_listed: 'not in the isolir list',
      none: '(none)',
      no_limit: 'unlimited',
    },
    toRouterText: {
      service: 'The router is changed to match Loket for {{login}} through the device queue.',
      orphan: 'Secret {{login}} is disabled on the router (not deleted).',
      rate_limit_differs:
        'The rate-limit of profile {{login}} on the router becomes {{value}} through the device queue.',
      queue_differs:
        'Simple queue {{login}} on the router becomes {{value}} through the device queue.',
    },
    toLoketText: {
      status: 'The status of {{login}} becomes {{status}}.',
      product: 'The package of {{login}} becomes {{product}} from today.',
      import: 'Secret {{login}} is imported as a new customer.',
    },
    jobFailed: 'Queue failed: {{error}}',
    package: 'Package {{name}}',
  },
}
