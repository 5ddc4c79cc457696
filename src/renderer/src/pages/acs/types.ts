import type { RouterOutputs } from '../../session/session'

export type CustomerCpes = RouterOutputs['acs']['customerCpe']
export type CpeDeviceRow = CustomerCpes['devices'][number]
export type CpeServiceRow = CustomerCpes['services'][number]
export type CpeActionRow = RouterOutputs['acs']['actions'][number]
