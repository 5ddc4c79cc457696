/**
 * Roles and the permission catalogue (menu and action level). The database keeps each company's
 * matrix; these are the defaults a new company starts with. Superadmin always holds every
 * permission so nobody can lock the owner out of the matrix itself.
 */
export const ROLES = [
  'superadmin',
  'admin_billing',
  'admin_support',
  'technician',
  'viewer',
] as const
export type Role = (typeof ROLES)[number]

export interface PermissionDef {
  /** Sidebar entry the permission opens, when it is a menu permission. */
  menu?: string
  /** Only the superadmin may hold it; it cannot be granted to another role. */
  superadminOnly?: boolean
}

export const PERMISSIONS = {
  'dashboard.view': { menu: 'dashboard' },
  'users.view': { menu: 'users' },
  'users.manage': {},
  'roles.view': { menu: 'roles' },
  'roles.manage': { superadminOnly: true },
  'company.view': { menu: 'company' },
  'company.manage': {},
  'audit.view': { menu: 'audit' },
  'customers.view': { menu: 'customers' },
  'customers.manage': {},
  'customers.import': {},
  /** PPPoE passwords in clear: each showing is audited (customers.credentials_view). */
  'customers.credentials': {},
  'catalog.view': { menu: 'catalog' },
  'catalog.manage': {},
  'billing.view': { menu: 'billing' },
  'billing.run': {},
  'billing.manage': {},
  'payments.record': { menu: 'cashier' },
  'payments.reverse': {},
  'payments.import': {},
  /** Approve or reject an online payment held for review (paid, but not the amount asked). */
  'payments.gateway_review': {},
  /** Pembayaran online: the gateways' settings and keys (issue 17). */
  'gateways.manage': {},
  'cash.close': { menu: 'closing' },
  'reports.view': { menu: 'reports' },
  'network.view': { menu: 'network' },
  'network.manage': {},
  'isolir.manage': {},
  /**
   * The customers' CPEs through GenieACS (issue 18): see status and WiFi, reboot, refresh, change
   * the WiFi name and password. The ACS settings themselves are `network.manage`.
   */
  'network.acs': {},
  'hotspot.view': { menu: 'hotspot' },
  'hotspot.manage': {},
  'collections.view': { menu: 'collections' },
  'collections.manage': {},
  'messages.view': { menu: 'messages' },
  'messages.manage': {},
  'schedule.view': { menu: 'schedule' },
  'schedule.manage': {},
  /**
   * Complaint tickets (issue 16). `tickets.manage` opens, works (status, notes) and assigns them;
   * only users whose role holds it can be assigned a ticket. Categories and SLA targets are
   * company policy (`company.manage`). The sidebar entry opens the Tiket page (/tiket).
   * `tickets.supervise`: the supervisor role of the issue, told when a ticket breaches its SLA
   * (besides its assignee).
   */
  'tickets.view': { menu: 'tickets' },
  'tickets.manage': {},
  'tickets.supervise': {},
  /**
   * Gudang (issue 16): `warehouse.view` sees stock, the stock card, requests and serial numbers
   * (and lets a technician record what he used on a job from his own hand); `warehouse.manage`
   * keeps items and warehouses, takes stock in, decides and issues requests, takes returns.
   */
  'warehouse.view': { menu: 'gudang' },
  'warehouse.manage': {},
  /**
   * The new-customer workflow board (issue 16, Registrasi → Aktif). `registrations.manage` opens
   * cards and moves them through the six steps' forms (or back with a reason).
   */
  'registrations.view': { menu: 'registrasi' },
  'registrations.manage': {},
  /**
   * "Buka portal sebagai pelanggan" (issue 17): the customer portal as the customer sees it,
   * read-only, with a banner; every opening is audited.
   */
  'portal.impersonate': {},
  /**
   * OLT & ACS (issue 18): `olt.view` opens the OLT page (ONU lists per PON port, RX signal and
   * its history, weak and offline ONUs); `network.olt` registers and tests OLTs and links ONUs
   * to services.
   */
  'olt.view': { menu: 'olt' },
  'network.olt': {},
  /**
   * Gangguan massal (issue 18): mark an OLT, PON port, ODC or ODP down, which opens one ticket
   * for every customer behind it and may message them; marking it resolved closes the ticket.
   * The topology itself (ODC, ODP, ports) is `olt.view` to see and `network.olt` to change.
   */
  'network.outage': {},
  /** Backup & Restore: whole-company copies, the backup passphrase, restores. */
  'backup.manage': { menu: 'backup', superadminOnly: true },
} as const satisfies Record<string, PermissionDef>

export type Permission = keyof typeof PERMISSIONS
export const PERMISSION_KEYS = Object.keys(PERMISSIONS) as Permission[]

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value)
}

export function isGrantable(permission: Permission): boolean {
  return !('superadminOnly' in PERMISSIONS[permission])
}

export const DEFAULT_ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  superadmin: PERMISSION_KEYS,
  admin_billing: [
    'dashboard.view',
    'company.view',
    'customers.view',
    'customers.manage',
    'customers.import',
    'catalog.view',
    'billing.view',
    'billing.run',
    'billing.manage',
    'payments.record',
    'payments.reverse',
    'payments.import',
    'payments.gateway_review',
    'cash.close',
    'reports.view',
    'network.view',
    'olt.view',
    'isolir.manage',
    'collections.view',
    'collections.manage',
    'messages.view',
    'messages.manage',
    'schedule.view',
    // Billing staff answer the phone too: they see a customer's tickets, support works them.
    'tickets.view',
    'warehouse.view',
    'registrations.view',
    'registrations.manage',
    'portal.impersonate',
  ],
  admin_support: [
    'dashboard.view',
    'company.view',
    'customers.view',
    'customers.manage',
    // Support sets up and fixes modems, which needs the PPPoE login; billing, technicians and
    // viewers do not by default (a company may grant technicians who install modems).
    'customers.credentials',
    'catalog.view',
    'billing.view',
    'network.view',
    // Support answers "my WiFi does not work": reboot the modem, change its WiFi password.
    'network.acs',
    'olt.view',
    'isolir.manage',
    'hotspot.view',
    'hotspot.manage',
    'collections.view',
    'messages.view',
    'tickets.view',
    'tickets.manage',
    // Support hands tickets to technicians and answers for them: told of SLA breaches.
    'tickets.supervise',
    'warehouse.view',
    'warehouse.manage',
    'registrations.view',
    'registrations.manage',
    'portal.impersonate',
    'network.olt',
    'network.outage',
  ],
  technician: [
    'dashboard.view',
    'customers.view',
    'network.view',
    'network.acs',
    'olt.view',
    'network.outage',
    'tickets.view',
    'tickets.manage',
    'warehouse.view',
    'registrations.view',
    'registrations.manage',
  ],
  viewer: [
    'dashboard.view',
    'company.view',
    'customers.view',
    'catalog.view',
    'billing.view',
    'reports.view',
    'network.view',
    'olt.view',
    'hotspot.view',
    'collections.view',
    'messages.view',
    'schedule.view',
    'tickets.view',
    'warehouse.view',
    'registrations.view',
  ],
}
