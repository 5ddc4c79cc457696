import { paymentImportErrorsEn, paymentImportErrorsId } from '@shared/messages/payment-import'
import { importMessagesEn, importMessagesId } from '../imports'

export { paymentImportErrorsEn, paymentImportErrorsId }

/** One row problem as a sentence in the operator's language. */
export function paymentImportErrorText(
  e: { messageKey: string; params?: Record<string, string | number> },
  english: boolean,
): string {
  const [group, name] = e.messageKey.split('.').slice(-2) as [string, string]
  const table: Record<string, string> =
    group === 'errors'
      ? english
        ? paymentImportErrorsEn
        : paymentImportErrorsId
      : english
        ? importMessagesEn
        : importMessagesId
  return (table[name] ?? e.messageKey).replace(/\{\{(\w+)\}\}/g, (_m, p: string) =>
    String(e.params?.[p] ?? ''),
  )
}
