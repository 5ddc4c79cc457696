import {
  IconAddressBook,
  IconCash,
  IconChartBar,
  IconFileInvoice,
  IconReceipt2,
  IconBuildingStore,
  IconBuildingWarehouse,
  IconAccessPoint,
  IconGauge,
  IconHelp,
  IconHeadset,
  IconHistory,
  IconPackages,
  IconShieldLock,
  IconRouter,
  IconTicket,
  IconCalendarTime,
  IconDatabaseExport,
  IconMessage2,
  IconBellRinging,
  IconUsers,
  IconUserPlus,
  type Icon,
} from '@tabler/icons-react'
import {
  PERMISSIONS,
  PERMISSION_KEYS,
  type Permission,
  type PermissionDef,
} from '@shared/permissions'

export interface NavItem {
  /** The `menu` of the permission in src/shared/permissions, also the i18n key `nav.<menu>`. */
  menu: string
  path: string
  /**
   * Shown when the session `can` it: never while the permission's module is off (hotspot.view of
   * Hotspot, see src/shared/modules.ts and session.ts), so a module's entries go with it.
   */
  permission: Permission
  icon: Icon
}

const ICONS: Record<string, Icon> = {
  dashboard: IconGauge,
  users: IconUsers,
  roles: IconShieldLock,
  company: IconBuildingStore,
  audit: IconHistory,
  customers: IconAddressBook,
  catalog: IconPackages,
  billing: IconFileInvoice,
  cashier: IconCash,
  closing: IconReceipt2,
  reports: IconChartBar,
  network: IconRouter,
  hotspot: IconTicket,
  collections: IconBellRinging,
  messages: IconMessage2,
  schedule: IconCalendarTime,
  backup: IconDatabaseExport,
  tickets: IconHeadset,
  gudang: IconBuildingWarehouse,
  olt: IconAccessPoint,
  registrasi: IconUserPlus,
}

/** Daily work first: the office opens customers far more often than users or settings. */
const FIRST_MENUS = [
  'dashboard',
  'cashier',
  'customers',
  'tickets',
  'registrasi',
  'billing',
  'collections',
  'messages',
  'closing',
  'reports',
  'network',
  'olt',
  'hotspot',
  'gudang',
  'catalog',
  'schedule',
  'backup',
]

/** Pages whose address is not `/<menu>`: Tiket lives at /tiket, as operators say it. */
const PATHS: Record<string, string> = { dashboard: '/', tickets: '/tiket' }

function menuRank(menu: string): number {
  const rank = FIRST_MENUS.indexOf(menu)
  return rank === -1 ? FIRST_MENUS.length : rank
}

/** Built from the permission catalogue, so a new menu permission cannot miss its sidebar entry. */
export const NAV_ITEMS: NavItem[] = PERMISSION_KEYS.flatMap((permission) => {
  const def: PermissionDef = PERMISSIONS[permission]
  if (!def.menu) return []
  const menu = def.menu
  return [
    {
      menu,
      path: PATHS[menu] ?? `/${menu}`,
      permission,
      icon: ICONS[menu] ?? IconGauge,
    },
  ]
}).sort((a, b) => menuRank(a.menu) - menuRank(b.menu))

/**
 * Bantuan, below the menu of permissions: every signed-in user may read the help, so it has no
 * permission (and is not one of NAV_ITEMS, which a role's first page is picked from).
 */
export const HELP_NAV_ITEM = { menu: 'help', path: '/bantuan', icon: IconHelp } as const
