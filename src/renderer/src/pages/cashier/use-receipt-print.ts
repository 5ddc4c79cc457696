import { notifications } from '@mantine/notifications'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { ReceiptPaperSize } from '@shared/billing'
import { trpcClient } from '../../api/client'
import { openPdf } from '../../files/base64-files'
import { paymentErrorText } from './payment-text'

export interface ReceiptRequest {
  paymentId: number
  /** Omitted: the paper set in the billing settings. */
  paper?: ReceiptPaperSize
}

/** Fetches a receipt PDF and opens it for printing; used by the counter and the payment list. */
export function useReceiptPrint() {
  const { t } = useTranslation()
  return useMutation({
    // A one-off file, not data to cache: every print asks again (a reprint may change paper).
    mutationFn: (request: ReceiptRequest) => trpcClient.payments.receiptPdf.query(request),
    onSuccess: (file) => openPdf(file),
    onError: (error) =>
      notifications.show({
        color: 'red',
        title: t('cashier.printFailed'),
        message: paymentErrorText(t, error),
      }),
  })
}
