/**
 * The words of Gudang (issue 16), shared by core, API and UI: units, movement kinds, request
 * statuses and where stock (or a serial-numbered unit) is.
 */
export const STOCK_UNITS = ['pcs', 'unit', 'meter', 'roll', 'box'] as const
export type StockUnit = (typeof STOCK_UNITS)[number]

/** in: received into a warehouse; issue: warehouse → technician; return: back to a warehouse;
 * use: used on a job (leaves the technician's hand or the warehouse for the customer); adjust:
 * a stock count's correction. */
export const STOCK_MOVEMENT_KINDS = ['in', 'issue', 'return', 'use', 'adjust'] as const
export type StockMovementKind = (typeof STOCK_MOVEMENT_KINDS)[number]

export const STOCK_REQUEST_STATUSES = ['diminta', 'disetujui', 'dikeluarkan', 'ditolak'] as const
export type StockRequestStatus = (typeof STOCK_REQUEST_STATUSES)[number]

/** What a request is for: an installation (registration board) or a ticket. */
export const STOCK_REQUEST_FOR = ['installation', 'ticket'] as const
export type StockRequestFor = (typeof STOCK_REQUEST_FOR)[number]

/** Who holds stock: a warehouse or a technician (what was issued to him). */
export const STOCK_HOLDERS = ['warehouse', 'technician'] as const
export type StockHolderKind = (typeof STOCK_HOLDERS)[number]

/** Where a serial-numbered unit is: also at a customer once used on their service. */
export const SERIAL_PLACES = ['warehouse', 'technician', 'customer'] as const
export type SerialPlace = (typeof SERIAL_PLACES)[number]
