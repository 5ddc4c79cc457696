import { Table, Text } from '@mantine/core'
import { formatShortDate, isCalendarDate } from '@shared/dates'
import { formatRupiah } from '@shared/money'
import { useTranslation } from 'react-i18next'
import type { PaymentImportResult, PaymentRowError } from './use-payment-import'

/** Enough to check a statement by; a longer file is summed up in the totals above. */
const SHOWN = 500

/** Every row as it would be recorded, rows with problems first and in red with the reason. */
export function PreviewTable({ preview }: { preview: PaymentImportResult }) {
  const { t } = useTranslation()
  const problems = new Map<number, PaymentRowError[]>()
  for (const e of preview.errors) problems.set(e.row, [...(problems.get(e.row) ?? []), e])
  const rows = [...preview.rows]
    .sort((a, b) => Number(problems.has(b.row)) - Number(problems.has(a.row)) || a.row - b.row)
    .slice(0, SHOWN)
  const money = (n: number | null) => (n === null ? t('common.empty') : formatRupiah(n))
  const problemText = (e: PaymentRowError) =>
    `${e.column ? `${t(`paymentImport.columns.${e.column}`, { defaultValue: e.column })}: ` : ''}${t(
      e.messageKey,
      { ...e.params, defaultValue: t('validation.invalid') },
    )}`
  return (
    <>
      <Table.ScrollContainer minWidth={900} mah={520}>
        <Table stickyHeader verticalSpacing="xs" data-testid="payment-import-rows">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={64}>{t('paymentImport.colRow')}</Table.Th>
              <Table.Th>{t('paymentImport.colCustomer')}</Table.Th>
              <Table.Th ta="right">{t('paymentImport.colAmount')}</Table.Th>
              <Table.Th>{t('paymentImport.colMethod')}</Table.Th>
              <Table.Th>{t('paymentImport.colReference')}</Table.Th>
              <Table.Th>{t('paymentImport.colDate')}</Table.Th>
              <Table.Th ta="right">{t('paymentImport.colBalance')}</Table.Th>
              <Table.Th ta="right">{t('paymentImport.colCredit')}</Table.Th>
              {problems.size > 0 && <Table.Th>{t('paymentImport.colProblem')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => {
              const errors = problems.get(r.row)
              return (
                <Table.Tr
                  key={r.row}
                  bg={errors ? 'var(--mantine-color-red-light)' : undefined}
                  data-testid={errors ? 'payment-import-bad-row' : 'payment-import-row'}
                >
                  <Table.Td ff="monospace">{r.row}</Table.Td>
                  <Table.Td>
                    <Text fz="sm" ff="monospace">
                      {r.customerCode || t('common.empty')}
                    </Text>
                    <Text fz="xs" c={r.customerName ? 'dimmed' : 'red'}>
                      {r.customerName ?? t('paymentImport.unknownCustomer')}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{money(r.amount)}</Table.Td>
                  <Table.Td>
                    {r.method ? t(`paymentImport.methods.${r.method}`) : t('common.empty')}
                  </Table.Td>
                  <Table.Td ff="monospace">{r.reference ?? t('common.empty')}</Table.Td>
                  <Table.Td>
                    {r.date && isCalendarDate(r.date) ? formatShortDate(r.date) : t('common.empty')}
                  </Table.Td>
                  <Table.Td ta="right">{money(r.balanceBefore)}</Table.Td>
                  <Table.Td ta="right">
                    {r.toCredit ? money(r.toCredit) : t('common.empty')}
                  </Table.Td>
                  {problems.size > 0 && (
                    <Table.Td>
                      {errors?.map((e, i) => (
                        <Text key={i} fz="sm" c="red">
                          {problemText(e)}
                        </Text>
                      ))}
                    </Table.Td>
                  )}
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {preview.rows.length > SHOWN && (
        <Text fz="sm" c="dimmed">
          {t('paymentImport.moreRows', { shown: SHOWN, total: preview.rows.length })}
        </Text>
      )}
    </>
  )
}
