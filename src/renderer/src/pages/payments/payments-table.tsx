import { ActionIcon, Badge, Button, Group, Table, Text, Tooltip } from '@mantine/core'
import { IconPrinter } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { formatInstant } from '@shared/dates'
import { formatRupiah } from '@shared/money'
import { whoText } from '@shared/who'
import { intlLocale } from '../../i18n'
import { methodLabel } from '../cashier/payment-text'
import type { PaymentRow } from '../cashier/types'

export function PaymentsTable({
  rows,
  timeZone,
  printingId,
  onPrint,
  onReverse,
}: {
  rows: PaymentRow[]
  timeZone: string
  printingId: number | null
  onPrint: (row: PaymentRow) => void
  /** Absent when the user may not reverse payments. */
  onReverse?: (row: PaymentRow) => void
}) {
  const { t } = useTranslation()
  const locale = intlLocale()
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table striped highlightOnHover verticalSpacing="xs" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('payments.number')}</Table.Th>
            <Table.Th>{t('payments.receivedAt')}</Table.Th>
            <Table.Th>{t('payments.customer')}</Table.Th>
            <Table.Th ta="right">{t('payments.amount')}</Table.Th>
            <Table.Th>{t('payments.method')}</Table.Th>
            <Table.Th>{t('payments.reference')}</Table.Th>
            <Table.Th>{t('payments.cashier')}</Table.Th>
            <Table.Th>{t('payments.status')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const reversed = row.status !== 'ok'
            return (
              <Table.Tr key={row.id} data-testid="payment-row" data-status={row.status}>
                <Table.Td fw={600}>{row.number}</Table.Td>
                <Table.Td>{formatInstant(row.receivedAt, timeZone, locale)}</Table.Td>
                <Table.Td>
                  {row.customerCode} · {row.customerName}
                </Table.Td>
                <Table.Td
                  ta="right"
                  td={reversed ? 'line-through' : undefined}
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {formatRupiah(row.amount)}
                </Table.Td>
                <Table.Td>{methodLabel(t, row.method)}</Table.Td>
                <Table.Td>{row.reference ?? t('common.empty')}</Table.Td>
                <Table.Td>{whoText(t, row.username)}</Table.Td>
                <Table.Td>
                  {reversed ? (
                    <div>
                      <Badge color="red" variant="light" tt="none">
                        {t('payments.reversed')}
                      </Badge>
                      <Text fz="xs" c="dimmed" maw={220}>
                        {row.reversalReason}
                        {row.reversedBy
                          ? ` (${t('payments.reversedBy', { name: row.reversedBy })})`
                          : ''}
                      </Text>
                    </div>
                  ) : (
                    <Badge color="teal" variant="light" tt="none">
                      {t('payments.ok')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Tooltip label={t('payments.print', { number: row.number })}>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('payments.print', { number: row.number })}
                        loading={printingId === row.id}
                        onClick={() => onPrint(row)}
                      >
                        <IconPrinter size={18} />
                      </ActionIcon>
                    </Tooltip>
                    {onReverse && !reversed && (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        onClick={() => onReverse(row)}
                      >
                        {t('payments.reverse')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
