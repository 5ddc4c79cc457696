/**
 * Channels of the gateways that have no channel-list API (Midtrans, Xendit): a fixed list with the
 * fees each gateway publishes on its pricing page. A fee is a flat part plus a percentage of the
 * amount; most are published before PPN (VAT, 11%), which the gateway adds to what it deducts, so
 * the fee here includes it unless the price list says it is already in.
 */
import type { ChannelGroup, GatewayChannel } from './adapter'

/** PPN on the gateway's fee, in percent. */
export const FEE_VAT_PERCENT = 11

export interface PublishedChannel {
  code: string
  name: string
  group: ChannelGroup
  /** Flat part, whole rupiah. */
  flat?: number
  /** Percentage part in basis points (0.7% = 70). */
  percentBp?: number
  /** The published rate already includes PPN. */
  vatIncluded?: boolean
}

/** The fee for `amount`, whole rupiah rounded up; integer arithmetic only. */
export function publishedFee(c: PublishedChannel, amount: number): number {
  const vat = c.vatIncluded ? 100 : 100 + FEE_VAT_PERCENT
  // (flat + amount × bp / 10 000) × vat / 100, over one common denominator.
  const numerator = ((c.flat ?? 0) * 10_000 + amount * (c.percentBp ?? 0)) * vat
  const denominator = 10_000 * 100
  return Math.ceil(numerator / denominator)
}

export function fixedChannels(list: readonly PublishedChannel[]): GatewayChannel[] {
  return list.map((c) => ({
    code: c.code,
    name: c.name,
    group: c.group,
    fee: (amount: number) => publishedFee(c, amount),
    active: true,
  }))
}
