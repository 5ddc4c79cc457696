import {
  Badge,
  Button,
  Divider,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
} from '@mantine/core'
import { IconDownload } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { PortalInvoiceFilter } from '@shared/schemas'
import { portalTrpc, portalTrpcClient } from '../../api/portal-client'
import { PageLoader, QueryError } from '../../components/query-state'
import { saveBase64 } from '../../files/base64-files'
import { ddmmyyyy, rp } from './format'
import { Muted, PortalPage } from './portal-app'

const COLOR: Record<string, string> = { belum_bayar: 'red', sebagian: 'orange', lunas: 'teal' }

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation()
  return (
    <Badge color={COLOR[status] ?? 'gray'} variant="light">
      {t(`portal.invoices.status.${status}`, { defaultValue: status })}
    </Badge>
  )
}

/** Tagihan: belum lunas / lunas / semua, each invoice's detail and its PDF. */
export function PortalInvoices() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [filter, setFilter] = useState<PortalInvoiceFilter>('unpaid')
  const [open, setOpen] = useState<number | null>(null)
  const list = useQuery(portalTrpc.portal.invoices.queryOptions({ filter }))
  return (
    <PortalPage title={t('portal.invoices.title')}>
      <SegmentedControl
        fullWidth
        value={filter}
        onChange={(v) => setFilter(v as PortalInvoiceFilter)}
        data={(['unpaid', 'paid', 'all'] as const).map((v) => ({
          value: v,
          label: t(`portal.invoices.tabs.${v}`),
        }))}
      />
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Stack gap="sm">
          {filter === 'unpaid' && list.data.rows.length > 0 && (
            <Paper withBorder p="md">
              <Group justify="space-between">
                <div>
                  <Muted>{t('portal.invoices.unpaidTotal')}</Muted>
                  <Text fw={700} fz={22}>
                    {rp(list.data.unpaidTotal)}
                  </Text>
                </div>
                <Button onClick={() => void navigate('/portal/bayar')}>
                  {t('portal.invoices.pay')}
                </Button>
              </Group>
            </Paper>
          )}
          {list.data.rows.length === 0 && <Muted>{t(`portal.invoices.empty.${filter}`)}</Muted>}
          {list.data.rows.map((r) => (
            <Paper key={r.id} withBorder p="md">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <div>
                  <Text fw={600}>{r.number}</Text>
                  <Muted>
                    {r.period ? `${t('portal.invoices.period')} ${r.period} · ` : ''}
                    {t('portal.invoices.due', { date: ddmmyyyy(r.dueDate) })}
                  </Muted>
                  {r.overdue && (
                    <Text size="sm" c="red" fw={500}>
                      {t('portal.invoices.overdue')}
                    </Text>
                  )}
                </div>
                <Stack gap={4} align="flex-end">
                  <Text fw={700}>{rp(r.paymentStatus === 'lunas' ? r.total : r.balance)}</Text>
                  <StatusBadge status={r.paymentStatus} />
                </Stack>
              </Group>
              <Group mt="sm" gap="xs">
                <Button size="compact-sm" variant="light" onClick={() => setOpen(r.id)}>
                  {t('portal.invoices.detail')}
                </Button>
                <PdfButton invoiceId={r.id} />
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {open !== null && <InvoiceDetail invoiceId={open} onClose={() => setOpen(null)} />}
    </PortalPage>
  )
}

function PdfButton({ invoiceId }: { invoiceId: number }) {
  const { t } = useTranslation()
  const pdf = useMutation({
    mutationFn: () => portalTrpcClient.portal.invoicePdf.query({ invoiceId }),
    onSuccess: (file) => saveBase64(file.fileName, file.contentBase64),
  })
  return (
    <Button
      size="compact-sm"
      variant="subtle"
      leftSection={<IconDownload size={14} />}
      loading={pdf.isPending}
      onClick={() => pdf.mutate()}
    >
      {t('portal.invoices.pdf')}
    </Button>
  )
}

function InvoiceDetail({ invoiceId, onClose }: { invoiceId: number; onClose: () => void }) {
  const { t } = useTranslation()
  const detail = useQuery(portalTrpc.portal.invoice.queryOptions({ invoiceId }))
  const d = detail.data
  return (
    <Modal
      opened
      onClose={onClose}
      title={d?.number ?? t('portal.invoices.detail')}
      fullScreen={window.innerWidth < 600}
    >
      {detail.isPending ? (
        <PageLoader />
      ) : detail.isError ? (
        <QueryError error={detail.error} />
      ) : (
        d && (
          <Stack gap="sm">
            <Group justify="space-between">
              <Muted>{t('portal.invoices.due', { date: ddmmyyyy(d.dueDate) })}</Muted>
              <StatusBadge status={d.paymentStatus} />
            </Group>
            <Text fw={600} size="sm">
              {t('portal.invoices.lines')}
            </Text>
            <Table>
              <Table.Tbody>
                {d.lines.map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Td>
                      <Text size="sm">{l.description}</Text>
                      {l.periodStart && l.periodEnd && (
                        <Muted>
                          {ddmmyyyy(l.periodStart)} – {ddmmyyyy(l.periodEnd)}
                        </Muted>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{rp(l.amount)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Amount label={t('portal.invoices.subtotal')} value={d.subtotal} />
            {d.tax > 0 && <Amount label={d.taxLabel ?? ''} value={d.tax} />}
            {d.rounding !== 0 && (
              <Amount label={t('portal.invoices.rounding')} value={d.rounding} />
            )}
            <Divider />
            <Amount label={t('portal.invoices.total')} value={d.total} bold />
            <Amount label={t('portal.invoices.paid')} value={d.paid} />
            <Amount label={t('portal.invoices.balance')} value={d.balance} bold />
            {d.payments.length > 0 && (
              <>
                <Text fw={600} size="sm">
                  {t('portal.invoices.payments')}
                </Text>
                {d.payments.map((p, i) => (
                  <Group key={i} justify="space-between">
                    <Muted>
                      {ddmmyyyy(p.date)} {p.number ? `· ${p.number}` : ''}
                    </Muted>
                    <Text size="sm">{rp(p.amount)}</Text>
                  </Group>
                ))}
              </>
            )}
            <Group justify="flex-end">
              <PdfButton invoiceId={d.id} />
              <Button variant="default" onClick={onClose}>
                {t('portal.invoices.close')}
              </Button>
            </Group>
          </Stack>
        )
      )}
    </Modal>
  )
}

function Amount({ label, value, bold }: { label: string; value: number; bold?: boolean }) {
  return (
    <Group justify="space-between">
      <Text size="sm" fw={bold ? 700 : 400}>
        {label}
      </Text>
      <Text size="sm" fw={bold ? 700 : 400}>
        {rp(value)}
      </Text>
    </Group>
  )
}
