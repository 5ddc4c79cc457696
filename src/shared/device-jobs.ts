/**
 * The kinds of router work the durable queue carries (core/device-jobs). Shared so every kind
 * the worker applies has a name on the router queue's screen (jobs.kinds.* in the UI).
 */
export const DEVICE_JOB_KINDS = [
  'service.sync',
  'secret.disable',
  'hotspot.profile',
  'hotspot.push',
  'hotspot.disable',
  'package.speed',
] as const

export type KnownDeviceJobKind = (typeof DEVICE_JOB_KINDS)[number]
