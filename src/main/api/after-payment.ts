import type { Actor } from '@core/audit'
import { afterPayment } from '@core/collections'
import type { CollectionSettings } from '@shared/schemas'
import type { ApiServices } from './context'

/**
 * What follows a committed payment (rule 30 and the receipt message): the restore check and the
 * "pembayaran diterima" message, then the router worker and the sender are woken when there is
 * work for them (each also runs on its own timer). The payment stands whatever happens here; a
 * failure is logged and the nightly restore run catches up.
 */
export async function followPayments(
  services: ApiServices,
  actor: Actor & { companyId: number },
  payments: { customerId: number; paymentId: number }[],
  timeZone: string,
  options: { receipt?: boolean; messagesQueued?: boolean; settings?: CollectionSettings } = {},
): Promise<void> {
  let deviceJobs = false
  let messages = options.messagesQueued ?? false
  for (const payment of payments) {
    try {
      const counts = await afterPayment(services, actor, payment, timeZone, options)
      if (counts.restored) deviceJobs = true
      if (counts.receipt_queued || counts.messages_queued) messages = true
    } catch (error) {
      console.error(`after payment ${payment.paymentId}:`, error)
      deviceJobs = messages = true
    }
  }
  if (deviceJobs) services.onDeviceJobs?.()
  if (messages) services.onMessages?.()
}

/** The recorded rows of an import, as the payments to follow. */
export function paidRows(rows: { customerId: number | null; paymentId: number | null }[]) {
  return rows.flatMap((r) =>
    r.customerId !== null && r.paymentId !== null
      ? [{ customerId: r.customerId, paymentId: r.paymentId }]
      : [],
  )
}
