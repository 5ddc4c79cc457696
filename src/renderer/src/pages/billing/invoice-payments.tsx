import { ActionIcon, Badge, Card, Stack, Table, Text, Title, Tooltip } from '@mantine/core'
import { IconDownload } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { formatShortDate, type CalendarDate } from '@shared/dates'
import { formatRupiah } from '@shared/money'
import { trpc } from '../../api/client'
import { saveBase64 } from '../../files/base64-files'
import { useSession } from '../../session/session'
import type { InvoiceDetail } from './types'
import { useFileAction } from './use-file-action'

type Allocation = InvoiceDetail['allocations'][number]

function useSourceText() {
  const { t } = useTranslation()
  return (a: Allocation): string => {
    if (a.source === 'payment') {
      const method = a.method ? t(`billing.method.${a.method}`, { defaultValue: a.method }) : ''
      return [a.paymentNumber, method].filter(Boolean).join(' · ')
    }
    if (a.source === 'credit_note')
      return t('billing.invoice.fromCreditNote', { number: a.creditNoteNumber ?? '' })
    return t('billing.invoice.fromCredit')
  }
}

/** What paid this invoice; a reversed payment stays listed, struck through, so the trail is whole. */
export function InvoiceAllocations({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation()
  const sourceText = useSourceText()
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={2} fz="h5" mb="sm">
        {t('billing.invoice.allocations')}
      </Title>
      {invoice.allocations.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('billing.invoice.noAllocations')}
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={4}>
          <Table.Tbody>
            {invoice.allocations.map((a) => {
              const reversed = a.reversedAt !== null
              const strike = reversed ? { textDecoration: 'line-through' } : undefined
              return (
                <Table.Tr
                  key={a.id}
                  data-testid="invoice-allocation"
                  c={reversed ? 'dimmed' : undefined}
                >
                  {/* The day under what paid it: the side card is narrow, a column more would
                      push the amount out of it. */}
                  <Table.Td style={strike}>
                    {sourceText(a)}
                    <Text fz="xs" c="dimmed">
                      {formatShortDate(a.date as CalendarDate)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" style={{ ...strike, whiteSpace: 'nowrap' }}>
                    {formatRupiah(a.amount)}
                  </Table.Td>
                  <Table.Td>
                    {reversed && (
                      <Badge size="xs" color="gray" variant="outline" tt="none">
                        {t('billing.invoice.reversed')}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  )
}

/** The credit notes against this invoice, each with its own PDF. */
export function InvoiceCreditNotes({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation()
  const { can } = useSession()
  const queryClient = useQueryClient()
  const file = useFileAction()
  if (invoice.creditNotes.length === 0) return null
  return (
    <Card withBorder radius="md" padding="md" data-testid="invoice-credit-notes">
      <Title order={2} fz="h5" mb="sm">
        {t('billing.invoice.creditNotes')}
      </Title>
      <Stack gap="xs">
        {invoice.creditNotes.map((cn) => (
          <Card key={cn.id} withBorder radius="sm" padding="xs">
            <Stack gap={2}>
              <Text fz="sm" fw={600} ff="monospace">
                {cn.number}
              </Text>
              <Text fz="sm">
                {formatRupiah(cn.amount)} · {formatShortDate(cn.issueDate as CalendarDate)} ·{' '}
                {t(`billing.invoice.creditNoteKind.${cn.kind}`, { defaultValue: cn.kind })}
              </Text>
              <Text fz="xs" c="dimmed">
                {cn.reason}
              </Text>
            </Stack>
            {can('billing.view') && (
              <Tooltip label={t('billing.invoice.download', { number: cn.number })}>
                <ActionIcon
                  variant="subtle"
                  pos="absolute"
                  top={8}
                  right={8}
                  aria-label={t('billing.invoice.download', { number: cn.number })}
                  loading={file.loading === `cn-${cn.id}`}
                  onClick={() =>
                    void file.run(
                      `cn-${cn.id}`,
                      () =>
                        queryClient.fetchQuery(
                          trpc.billing.creditNotePdf.queryOptions({ id: cn.id }, { staleTime: 0 }),
                        ),
                      (f) => saveBase64(f.fileName, f.contentBase64),
                    )
                  }
                >
                  <IconDownload size={16} />
                </ActionIcon>
              </Tooltip>
            )}
          </Card>
        ))}
      </Stack>
    </Card>
  )
}
