import {
  Alert,
  Badge,
  Button,
  Group,
  Kbd,
  SegmentedControl,
  Stack,
  Table,
  Text,
} from '@mantine/core'
import { IconCircleCheck, IconPrinter } from '@tabler/icons-react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { RECEIPT_PAPERS, type ReceiptPaperSize } from '@shared/billing'
import { formatRupiah } from '@shared/money'
import { intlLocale } from '../../i18n'
import { methodLabel, periodText } from './payment-text'
import type { Receipt } from './types'
import { useReceiptPrint } from './use-receipt-print'

/**
 * After saving: the receipt number and what the money did. The receipt opens for printing at
 * once; "next customer" has focus, so Enter (or Escape) goes straight back to the search.
 */
export function ReceiptPanel({
  receipt,
  paper,
  onPaperChange,
  onNext,
}: {
  receipt: Receipt
  paper: ReceiptPaperSize | null
  onPaperChange: (paper: ReceiptPaperSize) => void
  onNext: () => void
}) {
  const { t } = useTranslation()
  const locale = intlLocale()
  const print = useReceiptPrint()
  const nextRef = useRef<HTMLButtonElement>(null)
  const { recorded } = receipt
  const printReceipt = () =>
    print.mutate({ paymentId: recorded.paymentId, paper: paper ?? undefined })

  const printed = useRef(false)
  useEffect(() => {
    nextRef.current?.focus()
    // Once per payment, also under React's development double effects.
    if (printed.current) return
    printed.current = true
    printReceipt()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- printed on arrival only
  }, [])

  const invoice = (id: number) => receipt.invoices.find((i) => i.id === id)
  const paidInFull = recorded.balanceAfter === 0

  return (
    <Stack gap="sm" data-testid="cashier-receipt">
      <Alert color="teal" icon={<IconCircleCheck size={20} />} title={t('cashier.saved')}>
        <Stack gap={4}>
          <Text fw={800} fz="xl" data-testid="receipt-number">
            {recorded.number}
          </Text>
          <Text fz="sm">
            {receipt.customer.code} · {receipt.customer.name} · {formatRupiah(recorded.amount)} ·{' '}
            {methodLabel(t, receipt.method)}
            {receipt.reference ? ` · ${receipt.reference}` : ''}
          </Text>
          {recorded.replayed && (
            <Text fz="sm" c="dimmed">
              {t('cashier.replayed')}
            </Text>
          )}
        </Stack>
      </Alert>
      {recorded.allocations.length > 0 && (
        <Table verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cashier.paidInvoice')}</Table.Th>
              <Table.Th ta="right">{t('cashier.paidAmount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {recorded.allocations.map((a) => {
              const i = invoice(a.invoiceId)
              return (
                <Table.Tr key={a.invoiceId}>
                  <Table.Td>
                    {i ? `${i.number} · ${periodText(t, i.period, locale)}` : `#${a.invoiceId}`}
                  </Table.Td>
                  <Table.Td ta="right">{formatRupiah(a.amount)}</Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      )}
      <Group gap="lg">
        {recorded.toCredit > 0 && (
          <Text fz="sm">
            {t('cashier.toCredit')}: <b>{formatRupiah(recorded.toCredit)}</b>
          </Text>
        )}
        <Text fz="sm" data-testid="receipt-balance">
          {t('cashier.balanceAfter')}: <b>{formatRupiah(recorded.balanceAfter)}</b>
        </Text>
        {paidInFull && (
          <Badge color="green" tt="none" data-testid="receipt-paid-in-full">
            {t('cashier.paidInFull')}
          </Badge>
        )}
      </Group>
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs">
          <SegmentedControl
            size="xs"
            aria-label={t('cashier.paper')}
            value={paper ?? ''}
            onChange={(value) => onPaperChange(value as ReceiptPaperSize)}
            data={RECEIPT_PAPERS.map((p) => ({ value: p, label: t(`cashier.papers.${p}`) }))}
          />
          <Button
            variant="default"
            leftSection={<IconPrinter size={16} />}
            loading={print.isPending}
            onClick={printReceipt}
          >
            {t('cashier.reprint')}
          </Button>
        </Group>
        <Button ref={nextRef} size="md" onClick={onNext} data-testid="cashier-next">
          {t('cashier.next')}
        </Button>
      </Group>
      <Text fz="xs" c="dimmed">
        <Kbd size="xs">Enter</Kbd> / <Kbd size="xs">Esc</Kbd> {t('cashier.keys.next')}
      </Text>
    </Stack>
  )
}
