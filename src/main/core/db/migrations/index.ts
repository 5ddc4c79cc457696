import type { Migration } from 'kysely'
import * as m202611220001 from './202611220001_foundation'
import * as m202611220002 from './202611220002_customers'
import * as m202611220003 from './202611220003_billing'
import * as m202611220004 from './202611220004_network'
import * as m202611220005 from './202611220005_hotspot'
import * as m202611220006 from './202611220006_collections'
import * as m202612041101 from './202612041101_customer_exact_lookups'
import * as m202612041401 from './202612041401_router_queue_leases'
import * as m202612041402 from './202612041402_partial_line_history_index'
import * as m202612041601 from './202612041601_sign_in_security'
import * as m202612041701 from './202612041701_customer_credentials_permission'
import * as m202612041702 from './202612041702_voucher_lookup_keys'
import * as m202612041801 from './202612041801_invoice_write_window'
import * as m202612050101 from './202612050101_bulk_references'
import * as m202612050301 from './202612050301_dashboard_indexes'
import * as m202612060301 from './202612060301_tickets'
import * as m202612070201 from './202612070201_warehouse'
import * as m202612070301 from './202612070301_registrations'
import * as m202612070401 from './202612070401_field_commands'
import * as m202612070501 from './202612070501_ticket_sla'
import * as m202612090101 from './202612090101_gateways'
import * as m202612090201 from './202612090201_portal'
import * as m202612090301 from './202612090301_session_addresses'
import * as m202612090501 from './202612090501_olt'
import * as m202612090601 from './202612090601_acs'
import * as m202612090701 from './202612090701_package_speeds'
import * as m202612090801 from './202612090801_usage'
import * as m202612090901 from './202612090901_topology'
import * as m202612091101 from './202612091101_package_usage'
import * as m202612091201 from './202612091201_fup_state'
import * as m202612091301 from './202612091301_usage_line_index'
import * as m202612091401 from './202612091401_voucher_quota'
import * as m202612091501 from './202612091501_history_kind_index'

/**
 * Every migration, by name, in order. Listed statically (not read from the folder) so the same
 * code works under tsx, vitest and the bundled Electron main process. Forward-only: never edit
 * a migration that has shipped; add a new file.
 */
export const migrations: Record<string, Migration> = {
  '202611220001_foundation': m202611220001,
  '202611220002_customers': m202611220002,
  '202611220003_billing': m202611220003,
  '202611220004_network': m202611220004,
  '202611220005_hotspot': m202611220005,
  '202611220006_collections': m202611220006,
  '202612041101_customer_exact_lookups': m202612041101,
  '202612041401_router_queue_leases': m202612041401,
  '202612041402_partial_line_history_index': m202612041402,
  '202612041601_sign_in_security': m202612041601,
  '202612041701_customer_credentials_permission': m202612041701,
  '202612041702_voucher_lookup_keys': m202612041702,
  '202612041801_invoice_write_window': m202612041801,
  '202612050101_bulk_references': m202612050101,
  '202612050301_dashboard_indexes': m202612050301,
  '202612060301_tickets': m202612060301,
  '202612070201_warehouse': m202612070201,
  '202612070301_registrations': m202612070301,
  '202612070401_field_commands': m202612070401,
  '202612070501_ticket_sla': m202612070501,
  '202612090101_gateways': m202612090101,
  '202612090201_portal': m202612090201,
  '202612090301_session_addresses': m202612090301,
  '202612090501_olt': m202612090501,
  '202612090601_acs': m202612090601,
  '202612090701_package_speeds': m202612090701,
  '202612090801_usage': m202612090801,
  '202612090901_topology': m202612090901,
  '202612091101_package_usage': m202612091101,
  '202612091201_fup_state': m202612091201,
  '202612091301_usage_line_index': m202612091301,
  '202612091401_voucher_quota': m202612091401,
  '202612091501_history_kind_index': m202612091501,
}
