import { Badge, Button, Group, Select, Stack, Table, Text, Textarea } from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { IconClipboardList } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatInstant } from '@shared/dates'
import { STOCK_REQUEST_STATUSES, type StockRequestStatus } from '@shared/warehouse'
import { trpc } from '../../api/client'
import { errorMessage } from '../../api/errors'
import { FormModal } from '../../components/form-modal'
import { ListPage } from '../../components/list-page'
import { useFormState } from '../../forms/use-form-state'
import { intlLocale } from '../../i18n'
import { useSession } from '../../session/session'
import { refreshWarehouse, RequestFormModal } from './forms'
import type { ItemRow, RequestRow, WarehouseRow } from './types'

export const STATUS_COLOR: Record<StockRequestStatus, string> = {
  diminta: 'yellow',
  disetujui: 'blue',
  dikeluarkan: 'teal',
  ditolak: 'gray',
}

export function RequestsTab({
  canManage,
  items,
  warehouses,
}: {
  canManage: boolean
  items: ItemRow[]
  warehouses: WarehouseRow[]
}) {
  const { t } = useTranslation()
  const { me } = useSession()
  const tz = me.company.timeZone
  const [status, setStatus] = useState<StockRequestStatus | null>(null)
  const requests = useQuery(trpc.warehouse.requests.queryOptions({ status }))
  const [creating, setCreating] = useState(false)
  const [rejecting, setRejecting] = useState<RequestRow | null>(null)
  const [issuing, setIssuing] = useState<RequestRow | null>(null)
  const decide = useMutation(
    trpc.warehouse.decideRequest.mutationOptions({
      onSuccess: (r) => {
        notifications.show({
          color: 'teal',
          message: t('warehouse.requests.approved', { id: r.id }),
        })
        refreshWarehouse()
      },
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
    }),
  )
  const confirmApprove = (r: RequestRow) =>
    modals.openConfirmModal({
      title: t('warehouse.requests.approveTitle', { id: r.id }),
      children: <Text fz="sm">{t('warehouse.requests.approveBody')}</Text>,
      labels: { confirm: t('warehouse.requests.approve'), cancel: t('common.cancel') },
      onConfirm: () => decide.mutate({ id: r.id, approve: true }),
    })

  return (
    <>
      <ListPage
        query={requests}
        filters={
          <Select
            w={220}
            aria-label={t('warehouse.requests.colStatus')}
            placeholder={t('warehouse.requests.allStatuses')}
            clearable
            data={STOCK_REQUEST_STATUSES.map((s) => ({
              value: s,
              label: t(`warehouse.statuses.${s}`),
            }))}
            value={status}
            onChange={(v) => setStatus(v as StockRequestStatus | null)}
          />
        }
        add={
          warehouses.length > 0 && {
            label: t('warehouse.requests.add'),
            onAdd: () => setCreating(true),
          }
        }
        empty={(rows) =>
          rows.length > 0
            ? null
            : {
                icon: <IconClipboardList size={28} />,
                title: status
                  ? t('warehouse.requests.emptyFiltered')
                  : t('warehouse.requests.empty'),
              }
        }
      >
        {(rows) => (
          <Table.ScrollContainer minWidth={900}>
            <Table striped verticalSpacing="sm" data-testid="requests-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('warehouse.requests.colNo')}</Table.Th>
                  <Table.Th>{t('warehouse.requests.colFor')}</Table.Th>
                  <Table.Th>{t('warehouse.requests.colItems')}</Table.Th>
                  <Table.Th>{t('warehouse.requests.colTechnician')}</Table.Th>
                  <Table.Th>{t('warehouse.requests.colStatus')}</Table.Th>
                  <Table.Th>{t('warehouse.requests.colWho')}</Table.Th>
                  {canManage && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.id} data-testid="request-row">
                    <Table.Td fw={600}>#{r.id}</Table.Td>
                    <Table.Td>
                      {r.forKind ? `${t(`warehouse.forKinds.${r.forKind}`)} #${r.forId}` : '—'}
                      {r.customerName && (
                        <Text fz="xs" c="dimmed">
                          {r.customerName}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {r.lines.map((l) => (
                        <Text key={l.itemId} fz="sm">
                          {l.name} × {l.qty} {t(`warehouse.units.${l.unit}`)}
                        </Text>
                      ))}
                      <Text fz="xs" c="dimmed">
                        {r.warehouseName}
                      </Text>
                    </Table.Td>
                    <Table.Td>{r.technicianName ?? '—'}</Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOR[r.status]} variant="light">
                        {t(`warehouse.statuses.${r.status}`)}
                      </Badge>
                      {r.reason && (
                        <Text fz="xs" c="dimmed">
                          {r.reason}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm">{r.requestedBy}</Text>
                      <Text fz="xs" c="dimmed">
                        {formatInstant(r.requestedAt, tz, intlLocale())}
                      </Text>
                    </Table.Td>
                    {canManage && (
                      <Table.Td>
                        <Group gap="xs" justify="flex-end" wrap="nowrap">
                          {r.status === 'diminta' && (
                            <>
                              <Button size="xs" onClick={() => confirmApprove(r)}>
                                {t('warehouse.requests.approve')}
                              </Button>
                              <Button
                                size="xs"
                                variant="default"
                                color="red"
                                onClick={() => setRejecting(r)}
                              >
                                {t('warehouse.requests.reject')}
                              </Button>
                            </>
                          )}
                          {r.status === 'disetujui' && (
                            <Button size="xs" color="teal" onClick={() => setIssuing(r)}>
                              {t('warehouse.requests.issue')}
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListPage>
      {creating && (
        <RequestFormModal
          items={items}
          warehouses={warehouses}
          onClose={() => setCreating(false)}
        />
      )}
      {rejecting && <RejectModal request={rejecting} onClose={() => setRejecting(null)} />}
      {issuing && <IssueModal request={issuing} onClose={() => setIssuing(null)} />}
    </>
  )
}

function RejectModal({ request, onClose }: { request: RequestRow; onClose: () => void }) {
  const { t } = useTranslation()
  const form = useFormState({ reason: '' })
  const reject = useMutation(
    trpc.warehouse.decideRequest.mutationOptions({
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          message: t('warehouse.requests.rejected', { id: request.id }),
        })
        refreshWarehouse()
        onClose()
      },
      onError: (error) => form.showServerError(error),
    }),
  )
  return (
    <FormModal
      title={t('warehouse.requests.rejectTitle', { id: request.id })}
      onClose={onClose}
      onSubmit={() => {
        if (!form.values.reason.trim())
          return form.setFieldError('reason', 'validation.reject_reason_required')
        reject.mutate({ id: request.id, approve: false, reason: form.values.reason })
      }}
      error={form.serverError}
      saving={reject.isPending}
      submitLabel={t('warehouse.requests.rejectSubmit')}
      submitColor="red"
    >
      <Textarea
        label={t('warehouse.requests.rejectReason')}
        required
        data-autofocus
        {...form.text('reason')}
      />
    </FormModal>
  )
}

function IssueModal({ request, onClose }: { request: RequestRow; onClose: () => void }) {
  const { t } = useTranslation()
  const people = useQuery(trpc.warehouse.people.queryOptions())
  const form = useFormState({
    technicianId: request.technicianId ? String(request.technicianId) : '',
  })
  const serialItems = request.lines.filter((l) => l.serial)
  const [serials, setSerials] = useState<Record<string, string>>({})
  const issue = useMutation(
    trpc.warehouse.issueRequest.mutationOptions({
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          message: t('warehouse.requests.issued', { id: request.id }),
        })
        refreshWarehouse()
        onClose()
      },
      onError: (error) => form.showServerError(error),
    }),
  )
  const submit = () => {
    if (!form.values.technicianId) return form.setFieldError('technicianId', 'validation.required')
    issue.mutate({
      id: request.id,
      technicianId: Number(form.values.technicianId),
      serials: Object.fromEntries(
        serialItems.map((l) => [
          String(l.itemId),
          (serials[l.itemId] ?? '')
            .split(/[\n,;]+/)
            .map((s) => s.trim())
            .filter(Boolean),
        ]),
      ),
    })
  }
  return (
    <FormModal
      title={t('warehouse.requests.issueTitle', { id: request.id })}
      onClose={onClose}
      onSubmit={submit}
      error={form.serverError}
      saving={issue.isPending}
      submitLabel={t('warehouse.requests.issueSubmit')}
    >
      <Stack gap="xs">
        <Text fz="sm">
          {t('warehouse.requests.issueBody', { warehouse: request.warehouseName })}
        </Text>
        {request.lines.map((l) => (
          <Text key={l.itemId} fz="sm" fw={500}>
            {l.name} × {l.qty} {t(`warehouse.units.${l.unit}`)}
          </Text>
        ))}
      </Stack>
      <Select
        label={t('warehouse.requests.technician')}
        required
        searchable
        data={(people.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
        {...form.select('technicianId')}
      />
      {serialItems.map((l) => (
        <Textarea
          key={l.itemId}
          label={t('warehouse.requests.serialsOf', { name: l.name, qty: l.qty })}
          description={t('warehouse.stockIn.serialsHint')}
          ff="monospace"
          autosize
          minRows={2}
          value={serials[l.itemId] ?? ''}
          onChange={(e) => {
            const value = e.currentTarget.value
            setSerials((s) => ({ ...s, [l.itemId]: value }))
          }}
        />
      ))}
    </FormModal>
  )
}
