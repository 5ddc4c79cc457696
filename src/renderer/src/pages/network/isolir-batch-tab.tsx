import {
  Alert,
  Button,
  Checkbox,
  EmptyState,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconEye, IconSearch, IconUserOff } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { IsolirAction } from '@shared/schemas'
import { trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import { IsolirPreviewModal } from './isolir-preview-modal'

const idOrNull = (v: string | null) => (v ? Number(v) : null)

/** Isolate or restore many services at once: filter, pick, preview, apply. */
export function IsolirBatchTab() {
  const { t } = useTranslation()
  const [action, setAction] = useState<IsolirAction>('isolir')
  const [routerId, setRouterId] = useState<string | null>(null)
  const [areaId, setAreaId] = useState<string | null>(null)
  const [productId, setProductId] = useState<string | null>(null)
  const [search, setSearch] = useState('')
  const [debounced] = useDebouncedValue(search, 250)
  const [picked, setPicked] = useState<Set<number>>(new Set())
  const [previewing, setPreviewing] = useState(false)
  const routers = useQuery(trpc.network.routers.queryOptions())
  const areas = useQuery(trpc.catalog.areas.queryOptions())
  const products = useQuery(trpc.catalog.products.queryOptions())
  const filter = {
    action,
    routerId: idOrNull(routerId),
    areaId: idOrNull(areaId),
    productId: idOrNull(productId),
    search: debounced,
  }
  const list = useQuery(trpc.network.isolirCandidates.queryOptions(filter))
  const rows = useMemo(() => list.data?.rows ?? [], [list.data])
  const visible = rows.filter((r) => picked.has(r.serviceId))
  const all = rows.length > 0 && visible.length === rows.length
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v)
      setPicked(new Set())
    }

  return (
    <Stack>
      <Text c="dimmed" fz="sm">
        {t('isolir.batchIntro')}
      </Text>
      <Group align="flex-end" wrap="wrap">
        <SegmentedControl
          value={action}
          onChange={reset((v: string) => setAction(v as IsolirAction))}
          data={[
            { value: 'isolir', label: t('isolir.isolate') },
            { value: 'restore', label: t('isolir.restore') },
          ]}
          data-testid="batch-action"
        />
        <Select
          label={t('isolir.router')}
          placeholder={t('isolir.all')}
          clearable
          value={routerId}
          onChange={reset(setRouterId)}
          data={(routers.data ?? []).map((r) => ({ value: String(r.id), label: r.name }))}
          w={180}
        />
        <Select
          label={t('isolir.area')}
          placeholder={t('isolir.all')}
          clearable
          value={areaId}
          onChange={reset(setAreaId)}
          data={(areas.data ?? []).map((a) => ({
            value: String(a.id),
            label: `${a.code} — ${a.name}`,
          }))}
          w={200}
        />
        <Select
          label={t('isolir.product')}
          placeholder={t('isolir.all')}
          clearable
          value={productId}
          onChange={reset(setProductId)}
          data={(products.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
          w={200}
        />
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder={t('isolir.search')}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value)
            setPicked(new Set())
          }}
          w={260}
          aria-label={t('isolir.search')}
        />
      </Group>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState icon={<IconUserOff size={28} />} title={t('isolir.empty')} size="sm" />
      ) : (
        <>
          <Group justify="space-between">
            <Text fz="sm" data-testid="batch-selected">
              {t('isolir.selected', { count: visible.length })}
            </Text>
            <Button
              leftSection={<IconEye size={16} />}
              color={action === 'isolir' ? 'red' : 'teal'}
              disabled={visible.length === 0}
              onClick={() => setPreviewing(true)}
              data-testid="batch-preview"
            >
              {t('isolir.preview')}
            </Button>
          </Group>
          {list.data.more && <Alert color="yellow">{t('isolir.more')}</Alert>}
          <Table.ScrollContainer minWidth={720} mah={520}>
            <Table striped verticalSpacing={4} fz="sm" stickyHeader data-testid="batch-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40}>
                    <Checkbox
                      aria-label={t('isolir.selectAll')}
                      checked={all}
                      indeterminate={visible.length > 0 && !all}
                      onChange={() =>
                        setPicked(all ? new Set() : new Set(rows.map((r) => r.serviceId)))
                      }
                    />
                  </Table.Th>
                  <Table.Th>{t('isolir.colCustomer')}</Table.Th>
                  <Table.Th>{t('isolir.colService')}</Table.Th>
                  <Table.Th>{t('isolir.area')}</Table.Th>
                  <Table.Th>{t('isolir.router')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.serviceId} data-testid="batch-row" data-code={r.customerCode}>
                    <Table.Td>
                      <Checkbox
                        aria-label={r.customerCode}
                        checked={picked.has(r.serviceId)}
                        onChange={(e) => {
                          const next = new Set(picked)
                          if (e.currentTarget.checked) next.add(r.serviceId)
                          else next.delete(r.serviceId)
                          setPicked(next)
                        }}
                      />
                    </Table.Td>
                    <Table.Td>
                      {r.customerCode} — {r.customerName}
                    </Table.Td>
                    <Table.Td ff="monospace">
                      {r.sid} · {r.product}
                    </Table.Td>
                    <Table.Td>{r.areaCode}</Table.Td>
                    <Table.Td>{r.router ?? t('serviceNetwork.noRouter')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      {previewing && (
        <IsolirPreviewModal
          action={action}
          serviceIds={visible.map((r) => r.serviceId)}
          onClose={() => setPreviewing(false)}
          onDone={() => {
            setPreviewing(false)
            setPicked(new Set())
            void list.refetch()
          }}
        />
      )}
    </Stack>
  )
}
