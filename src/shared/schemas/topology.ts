import { z } from 'zod'
import { idSchema, optionalText, requiredText } from './common'
import { coordinate } from './customers'
import { broadcastInput } from './messaging'

/** The most ports a splitter box has (1:32 and 1:64 splitters exist; nothing sold has more). */
export const MAX_ODP_PORTS = 128

const place = {
  latitude: coordinate(90).nullable().default(null),
  longitude: coordinate(180).nullable().default(null),
  notes: optionalText(500),
}

/** An ODC: a cabinet fed by one PON port of one OLT (`pon` as the OLT's ONU list names it). */
export const odcInput = z.object({
  name: requiredText(80),
  oltId: idSchema,
  pon: requiredText(20),
  ...place,
})
export const odcUpdateInput = odcInput.extend({ id: idSchema })
export type OdcInput = z.output<typeof odcInput>
export type OdcUpdateInput = z.output<typeof odcUpdateInput>

/** An ODP: a splitter box under an ODC, with its number of ports. */
export const odpInput = z.object({
  name: requiredText(80),
  odcId: idSchema,
  ports: z
    .number({ message: 'validation.odp_ports' })
    .int({ message: 'validation.odp_ports' })
    .min(1, { message: 'validation.odp_ports' })
    .max(MAX_ODP_PORTS, { message: 'validation.odp_ports' }),
  address: optionalText(300),
  ...place,
})
export const odpUpdateInput = odpInput.extend({ id: idSchema })
export type OdpInput = z.output<typeof odpInput>
export type OdpUpdateInput = z.output<typeof odpUpdateInput>

/** Puts a service on an ODP port (null odpId: takes it off its port). */
export const odpAssignInput = z.object({
  serviceId: idSchema,
  odpId: idSchema.nullable(),
  port: z
    .number({ message: 'validation.odp_port' })
    .int({ message: 'validation.odp_port' })
    .min(1, { message: 'validation.odp_port' })
    .nullable()
    .default(null),
})
export type OdpAssignInput = z.output<typeof odpAssignInput>

/** What a mass outage is declared on. */
export const OUTAGE_SCOPES = ['olt', 'pon', 'odc', 'odp'] as const
export type OutageScope = (typeof OUTAGE_SCOPES)[number]

export const outageTargetSchema = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('olt'), oltId: idSchema }),
  z.object({ scope: z.literal('pon'), oltId: idSchema, pon: requiredText(20) }),
  z.object({ scope: z.literal('odc'), odcId: idSchema }),
  z.object({ scope: z.literal('odp'), odpId: idSchema }),
])
export type OutageTarget = z.output<typeof outageTargetSchema>

export const outageDeclareInput = z.object({
  target: outageTargetSchema,
  cause: optionalText(500),
})
export type OutageDeclareInput = z.output<typeof outageDeclareInput>

export const outageResolveInput = z.object({
  id: idSchema,
  note: optionalText(500),
})
export type OutageResolveInput = z.output<typeof outageResolveInput>

/** The ODP's photo (the box on its pole), sent as base64 like a ticket's photo. */
export const odpPhotoInput = z.object({
  odpId: idSchema,
  mime: z.enum(['image/jpeg', 'image/png', 'image/webp'], {
    message: 'validation.odp_photo_type',
  }),
  contentBase64: z.string().max(7_000_000, { message: 'validation.ticket_photo_size' }),
})
export type OdpPhotoInput = z.output<typeof odpPhotoInput>

/** A message to every customer an outage cut off ("sedang gangguan", later "sudah normal"). */
export const outageBroadcastInput = broadcastInput.omit({ filter: true }).extend({
  outageId: idSchema,
})
export type OutageBroadcastInput = z.output<typeof outageBroadcastInput>
