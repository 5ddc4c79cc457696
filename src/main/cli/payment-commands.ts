import { COUNTER_METHODS, type PaymentMethod } from '@shared/billing'
import { dateInZone, isCalendarDate } from '@shared/dates'
import { formatRupiah } from '@shared/money'
import { recordPaymentInput } from '@shared/schemas'
import { cliActor } from '../core/audit'
import { afterPayment } from '../core/collections'
import { companyTimeZone } from '../core/companies'
import { customerIdByCode } from '../core/customers'
import { writeTx } from '../core/db'
import { runDeviceQueue } from '../core/network'
import { insertPayment } from '../core/payments'
import type { CommandDef } from './commands'
import { firstCompanyId } from './db'
import { withNetwork } from './network-deps'
import { countsText } from './words'
import { optionError, schemaError } from './option-errors'

const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined)

/**
 * `payment record`: a payment received at the counter, entered from the command line (scripts,
 * a day's receipts typed in later with --date). The same path as the cashier's screen: oldest
 * invoice first, credit for the rest, the receipt message and the restore that follow it.
 */
export const paymentCommands: Record<string, CommandDef> = {
  'payment record': {
    usage:
      'payment record --customer CODE --amount N [--method cash|transfer|ewallet] ' +
      '[--reference R] [--date YYYY-MM-DD] [--notes TEXT]',
    stringOptions: ['customer', 'amount', 'method', 'reference', 'date', 'notes'],
    options: { customerId: 'customer' },
    run: async ({ dataDir, values, out }) => {
      const code = str(values.customer)
      if (!code) throw optionError('customer', 'cli.required')
      const method = (str(values.method) ?? 'cash') as PaymentMethod
      if (!(COUNTER_METHODS as readonly string[]).includes(method))
        throw optionError('method', 'cli.one_of', { choices: COUNTER_METHODS.join(', ') })
      const date = str(values.date)
      if (date !== undefined && !isCalendarDate(date)) throw optionError('date', 'cli.date')
      const result = await withNetwork(dataDir, async (deps, db) => {
        const companyId = await firstCompanyId(db)
        const actor = { ...cliActor(companyId), companyId }
        const timeZone = await companyTimeZone(deps, companyId)
        const parsed = recordPaymentInput.safeParse({
          customerId: await customerIdByCode(deps, companyId, code),
          amount: Number(values.amount),
          method,
          reference: str(values.reference),
          notes: str(values.notes),
        })
        if (!parsed.success) throw schemaError(parsed.error)
        const payment = await writeTx(db, (tx) =>
          insertPayment(tx, deps, actor, parsed.data, {
            date: date ?? dateInZone(deps.clock.now(), timeZone),
            source: 'counter',
          }),
        )
        const after = await afterPayment(
          deps,
          actor,
          { customerId: parsed.data.customerId, paymentId: payment.paymentId },
          timeZone,
        )
        // No background worker here: a restore this payment caused reaches the router now.
        const queue = await runDeviceQueue(deps, { companyId })
        return { payment, after, queue }
      })
      const { payment, after, queue } = result
      out.result(
        {
          customer: code,
          paymentId: payment.paymentId,
          number: payment.number,
          amount: payment.amount,
          allocations: payment.allocations,
          toCredit: payment.toCredit,
          balanceAfter: payment.balanceAfter,
          after,
          router: { applied: queue.applied, failed: queue.failed, retrying: queue.retrying },
        },
        [
          `Pembayaran ${payment.number} dari ${code}: ${formatRupiah(payment.amount)}`,
          `  sisa tagihan: ${formatRupiah(payment.balanceAfter)}` +
            (payment.toCredit ? `, jadi saldo: ${formatRupiah(payment.toCredit)}` : ''),
          `  ${countsText(after)}`,
          `  ${countsText({ applied: queue.applied, failed: queue.failed, retrying: queue.retrying })}`,
        ].join('\n'),
      )
      return queue.failed > 0 ? 1 : 0
    },
  },
}
