import {
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import {
  IconAlertTriangle,
  IconBarcode,
  IconBuildingWarehouse,
  IconClipboardList,
  IconFileSpreadsheet,
  IconFileTypePdf,
  IconHistory,
  IconPackage,
  IconPackageImport,
  IconPencil,
  IconSearch,
} from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { formatInstant } from '@shared/dates'
import { trpc } from '../../api/client'
import { errorMessage } from '../../api/errors'
import { DateField } from '../../components/date-field'
import { ListPage, type ListQuery } from '../../components/list-page'
import { saveBase64 } from '../../files/base64-files'
import { countText, intlLocale } from '../../i18n'
import { useSession } from '../../session/session'
import { ItemFormModal, ReturnModal, StockInModal, WarehouseFormModal } from './forms'
import { RequestsTab } from './requests-tab'
import type { ItemRow, WarehouseRow } from './types'

const TABS = [
  { value: 'stock', icon: IconPackage },
  { value: 'items', icon: IconPackageImport },
  { value: 'warehouses', icon: IconBuildingWarehouse },
  { value: 'requests', icon: IconClipboardList },
  { value: 'card', icon: IconHistory },
  { value: 'serials', icon: IconBarcode },
] as const
type Tab = (typeof TABS)[number]['value']

/** Gudang: stock, items, warehouses, requests, the stock card and serial numbers (`?tab=`). */
export function WarehousePage() {
  const { t } = useTranslation()
  const { can } = useSession()
  const canManage = can('warehouse.manage')
  const [params, setParams] = useSearchParams()
  const tab: Tab =
    TABS.find((x) => x.value === params.get('tab'))?.value ??
    (params.get('item') ? 'card' : 'stock')
  const items = useQuery(trpc.warehouse.items.queryOptions())
  const warehouses = useQuery(trpc.warehouse.warehouses.queryOptions())

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} fz="h2">
          {t('warehouse.title')}
        </Title>
        <Text c="dimmed">{t('warehouse.intro')}</Text>
      </div>
      <Tabs
        value={tab}
        onChange={(value) => setParams(value && value !== 'stock' ? { tab: value } : {})}
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.map(({ value, icon: Icon }) => (
            <Tabs.Tab key={value} value={value} leftSection={<Icon size={16} />}>
              {t(`warehouse.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Paper withBorder radius="md" p="md" mt="md">
          <Tabs.Panel value="stock">
            <StockTab canManage={canManage} items={items} warehouses={warehouses.data ?? []} />
          </Tabs.Panel>
          <Tabs.Panel value="items">
            <ItemsTab canManage={canManage} items={items} />
          </Tabs.Panel>
          <Tabs.Panel value="warehouses">
            <WarehousesTab canManage={canManage} warehouses={warehouses} />
          </Tabs.Panel>
          <Tabs.Panel value="requests">
            <RequestsTab
              canManage={canManage}
              items={items.data ?? []}
              warehouses={warehouses.data ?? []}
            />
          </Tabs.Panel>
          <Tabs.Panel value="card">
            <CardTab
              items={items.data ?? []}
              warehouses={warehouses.data ?? []}
              initialItem={params.get('item')}
            />
          </Tabs.Panel>
          <Tabs.Panel value="serials">
            <SerialsTab />
          </Tabs.Panel>
        </Paper>
      </Tabs>
    </Stack>
  )
}

type ItemsQuery = ListQuery<ItemRow[]>

/**
 * The items and warehouses tabs: a list whose managers add and edit its records in a modal.
 * Holds which record is open (`null`: a new one) and puts Tambah and the empty state around
 * the rows, which both tabs did the same way.
 */
function EditableList<R>({
  query,
  canManage,
  addLabel,
  emptyIcon,
  emptyTitle,
  children,
  modal,
}: {
  query: ListQuery<R[]>
  canManage: boolean
  addLabel: string
  emptyIcon: ReactNode
  emptyTitle: string
  /** The rows; `edit` opens a record's modal. */
  children: (rows: R[], edit: (record: R) => void) => ReactNode
  modal: (record: R | null, onClose: () => void) => ReactNode
}) {
  const [editing, setEditing] = useState<{ record: R | null } | null>(null)
  return (
    <>
      <ListPage
        query={query}
        add={canManage && { label: addLabel, onAdd: () => setEditing({ record: null }) }}
        empty={(rows) => (rows.length > 0 ? null : { icon: emptyIcon, title: emptyTitle })}
      >
        {(rows) => children(rows, (record) => setEditing({ record }))}
      </ListPage>
      {editing && modal(editing.record, () => setEditing(null))}
    </>
  )
}

/** The Status cell of the items and warehouses lists: Aktif / Nonaktif, worded the same. */
function ActiveCell({ active }: { active: boolean }) {
  const { t } = useTranslation()
  return (
    <Table.Td>
      <Badge variant="light" color={active ? 'teal' : 'gray'}>
        {active ? t('warehouse.items.active') : t('warehouse.items.inactive')}
      </Badge>
    </Table.Td>
  )
}

/** The Ubah cell at the end of an items or warehouses row (shown to managers only). */
function EditCell({ onEdit }: { onEdit: () => void }) {
  const { t } = useTranslation()
  return (
    <Table.Td ta="right">
      <Button size="xs" variant="subtle" leftSection={<IconPencil size={14} />} onClick={onEdit}>
        {t('warehouse.items.edit')}
      </Button>
    </Table.Td>
  )
}

function StockTab({
  canManage,
  items,
  warehouses,
}: {
  canManage: boolean
  items: ItemsQuery
  warehouses: WarehouseRow[]
}) {
  const { t } = useTranslation()
  const [stockIn, setStockIn] = useState<{ itemId: number | null } | null>(null)
  const [returning, setReturning] = useState<ItemRow | null>(null)
  const shown = warehouses.filter((w) => w.active)
  const low = (items.data ?? []).filter((i) => i.active && i.low).length
  return (
    <>
      <ListPage
        query={items}
        toolbar={
          <Group justify="space-between">
            {low > 0 ? (
              <Badge color="red" variant="light" leftSection={<IconAlertTriangle size={14} />}>
                {t('warehouse.stock.lowCount', { count: low })}
              </Badge>
            ) : (
              <span />
            )}
            {canManage && shown.length > 0 && (items.data ?? []).length > 0 && (
              <Button
                leftSection={<IconPackageImport size={18} />}
                onClick={() => setStockIn({ itemId: null })}
              >
                {t('warehouse.stock.stockIn')}
              </Button>
            )}
          </Group>
        }
        empty={(rows) =>
          rows.length > 0
            ? null
            : { icon: <IconPackage size={28} />, title: t('warehouse.stock.empty') }
        }
      >
        {(rows) =>
          shown.length === 0 ? (
            <Text c="dimmed">{t('warehouse.stock.noWarehouse')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped verticalSpacing="sm" data-testid="stock-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('warehouse.stock.colItem')}</Table.Th>
                    {shown.map((w) => (
                      <Table.Th key={w.id} ta="right">
                        {w.name}
                      </Table.Th>
                    ))}
                    <Table.Th ta="right">{t('warehouse.stock.colTotal')}</Table.Th>
                    <Table.Th ta="right">{t('warehouse.stock.colTechnicians')}</Table.Th>
                    <Table.Th ta="right">{t('warehouse.stock.colThreshold')}</Table.Th>
                    {canManage && <Table.Th />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows
                    .filter((i) => i.active)
                    .map((i) => (
                      <Table.Tr
                        key={i.id}
                        data-testid="stock-row"
                        data-low={i.low ? 'true' : undefined}
                        bg={i.low ? 'var(--mantine-color-red-light)' : undefined}
                      >
                        <Table.Td fw={600}>
                          {i.name}
                          {i.low && (
                            <Badge ml="xs" color="red" size="sm">
                              {t('warehouse.stock.low')}
                            </Badge>
                          )}
                        </Table.Td>
                        {shown.map((w) => (
                          <Table.Td key={w.id} ta="right">
                            {countText(i.balances.find((b) => b.warehouseId === w.id)?.qty ?? 0)}
                          </Table.Td>
                        ))}
                        <Table.Td ta="right" fw={600}>
                          {countText(i.inWarehouses)} {t(`warehouse.units.${i.unit}`)}
                        </Table.Td>
                        <Table.Td ta="right">{countText(i.withTechnicians)}</Table.Td>
                        <Table.Td ta="right">{i.lowThreshold || '—'}</Table.Td>
                        {canManage && (
                          <Table.Td ta="right">
                            <Group gap={4} justify="flex-end" wrap="nowrap">
                              <Button
                                size="xs"
                                variant="subtle"
                                onClick={() => setStockIn({ itemId: i.id })}
                              >
                                {t('warehouse.stock.stockIn')}
                              </Button>
                              {i.withTechnicians > 0 && (
                                <Button size="xs" variant="subtle" onClick={() => setReturning(i)}>
                                  {t('warehouse.returns.open')}
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
          )
        }
      </ListPage>
      {stockIn && (
        <StockInModal
          items={items.data ?? []}
          warehouses={warehouses}
          itemId={stockIn.itemId}
          onClose={() => setStockIn(null)}
        />
      )}
      {returning && (
        <ReturnModal item={returning} warehouses={warehouses} onClose={() => setReturning(null)} />
      )}
    </>
  )
}

function ItemsTab({ canManage, items }: { canManage: boolean; items: ItemsQuery }) {
  const { t } = useTranslation()
  return (
    <EditableList
      query={items}
      canManage={canManage}
      addLabel={t('warehouse.items.add')}
      emptyIcon={<IconPackageImport size={28} />}
      emptyTitle={t('warehouse.items.empty')}
      modal={(record, onClose) => <ItemFormModal item={record} onClose={onClose} />}
    >
      {(rows, edit) => (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="sm" data-testid="items-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('warehouse.items.colName')}</Table.Th>
                <Table.Th>{t('warehouse.items.colUnit')}</Table.Th>
                <Table.Th>{t('warehouse.items.colSerial')}</Table.Th>
                <Table.Th ta="right">{t('warehouse.items.colThreshold')}</Table.Th>
                <Table.Th>{t('warehouse.items.colStatus')}</Table.Th>
                {canManage && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((i) => (
                <Table.Tr key={i.id} c={i.active ? undefined : 'dimmed'}>
                  <Table.Td fw={600}>{i.name}</Table.Td>
                  <Table.Td>{t(`warehouse.units.${i.unit}`)}</Table.Td>
                  <Table.Td>
                    {i.serial ? t('warehouse.items.serialYes') : t('warehouse.items.serialNo')}
                  </Table.Td>
                  <Table.Td ta="right">{i.lowThreshold || '—'}</Table.Td>
                  <ActiveCell active={i.active} />
                  {canManage && <EditCell onEdit={() => edit(i)} />}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </EditableList>
  )
}

function WarehousesTab({
  canManage,
  warehouses,
}: {
  canManage: boolean
  warehouses: ListQuery<WarehouseRow[]>
}) {
  const { t } = useTranslation()
  return (
    <EditableList
      query={warehouses}
      canManage={canManage}
      addLabel={t('warehouse.warehouses.add')}
      emptyIcon={<IconBuildingWarehouse size={28} />}
      emptyTitle={t('warehouse.warehouses.empty')}
      modal={(record, onClose) => <WarehouseFormModal warehouse={record} onClose={onClose} />}
    >
      {(rows, edit) => (
        <Table striped verticalSpacing="sm" data-testid="warehouses-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('warehouse.warehouses.colName')}</Table.Th>
              <Table.Th>{t('warehouse.warehouses.colAddress')}</Table.Th>
              <Table.Th>{t('warehouse.warehouses.colStatus')}</Table.Th>
              {canManage && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((w) => (
              <Table.Tr key={w.id} c={w.active ? undefined : 'dimmed'}>
                <Table.Td fw={600}>{w.name}</Table.Td>
                <Table.Td>{w.address ?? '—'}</Table.Td>
                <ActiveCell active={w.active} />
                {canManage && <EditCell onEdit={() => edit(w)} />}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </EditableList>
  )
}

function CardTab({
  items,
  warehouses,
  initialItem,
}: {
  items: ItemRow[]
  warehouses: WarehouseRow[]
  initialItem: string | null
}) {
  const { t } = useTranslation()
  const { me } = useSession()
  const tz = me.company.timeZone
  const [itemId, setItemId] = useState<string | null>(initialItem ?? null)
  const [warehouseId, setWarehouseId] = useState<string | null>(null)
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const input = {
    itemId: Number(itemId) || 0,
    warehouseId: warehouseId ? Number(warehouseId) : null,
    from: from || null,
    to: to || null,
  }
  const card = useQuery({
    ...trpc.warehouse.card.queryOptions(input),
    enabled: !!itemId,
  })
  const exportCard = useMutation(
    trpc.warehouse.exportCard.mutationOptions({
      onSuccess: (f) => saveBase64(f.fileName, f.contentBase64),
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
    }),
  )
  const unit = card.data ? t(`warehouse.units.${card.data.item.unit}`) : ''
  return (
    <Stack>
      <Group align="flex-end" wrap="wrap">
        <Select
          w={260}
          label={t('warehouse.card.item')}
          searchable
          data={items.map((i) => ({ value: String(i.id), label: i.name }))}
          value={itemId}
          onChange={setItemId}
        />
        <Select
          w={200}
          label={t('warehouse.card.warehouse')}
          placeholder={t('warehouse.card.allWarehouses')}
          clearable
          data={warehouses.map((w) => ({ value: String(w.id), label: w.name }))}
          value={warehouseId}
          onChange={setWarehouseId}
        />
        <DateField
          w={160}
          label={t('warehouse.card.from')}
          value={from}
          onChange={setFrom}
          clearable
        />
        <DateField w={160} label={t('warehouse.card.to')} value={to} onChange={setTo} clearable />
        {card.data && (
          <Group gap="xs">
            <Button
              variant="default"
              leftSection={<IconFileSpreadsheet size={16} />}
              loading={exportCard.isPending && exportCard.variables?.format === 'xlsx'}
              onClick={() => exportCard.mutate({ card: input, format: 'xlsx' })}
            >
              {t('warehouse.card.excel')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconFileTypePdf size={16} />}
              loading={exportCard.isPending && exportCard.variables?.format === 'pdf'}
              onClick={() => exportCard.mutate({ card: input, format: 'pdf' })}
            >
              {t('warehouse.card.pdf')}
            </Button>
          </Group>
        )}
      </Group>
      {!itemId ? (
        <Text c="dimmed">{t('warehouse.card.pick')}</Text>
      ) : (
        <ListPage query={card} empty={() => null}>
          {(c) => (
            <Stack gap="xs">
              <Group gap="xl">
                <Text>
                  {t('warehouse.card.opening')}: <b>{countText(c.opening)}</b> {unit}
                </Text>
                <Text data-testid="card-closing">
                  {t('warehouse.card.closing')}: <b>{countText(c.closing)}</b> {unit}
                </Text>
              </Group>
              {c.lines.length === 0 ? (
                <Text c="dimmed">{t('warehouse.card.empty')}</Text>
              ) : (
                <Table.ScrollContainer minWidth={900}>
                  <Table striped verticalSpacing="xs" data-testid="card-table">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('warehouse.card.colAt')}</Table.Th>
                        <Table.Th>{t('warehouse.card.colWarehouse')}</Table.Th>
                        <Table.Th>{t('warehouse.card.colKind')}</Table.Th>
                        <Table.Th ta="right">{t('warehouse.card.colQty')}</Table.Th>
                        <Table.Th ta="right">{t('warehouse.card.colBalance')}</Table.Th>
                        <Table.Th>{t('warehouse.card.colNote')}</Table.Th>
                        <Table.Th>{t('warehouse.card.colWho')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {c.lines.map((l) => (
                        <Table.Tr key={l.id} data-testid="card-row">
                          <Table.Td>{formatInstant(l.at, tz, intlLocale())}</Table.Td>
                          <Table.Td>{l.holderName}</Table.Td>
                          <Table.Td>{t(`warehouse.kinds.${l.kind}`)}</Table.Td>
                          <Table.Td ta="right" c={l.qty < 0 ? 'red' : 'teal'}>
                            {l.qty > 0 ? `+${countText(l.qty)}` : countText(l.qty)}
                          </Table.Td>
                          <Table.Td ta="right" fw={600}>
                            {countText(l.balance)}
                          </Table.Td>
                          <Table.Td>
                            {[
                              l.note,
                              l.customerName,
                              l.requestId ? t('warehouse.card.request', { id: l.requestId }) : null,
                              l.serials.length ? `SN ${l.serials.join(', ')}` : null,
                            ]
                              .filter(Boolean)
                              .join(' · ') || '—'}
                          </Table.Td>
                          <Table.Td>{l.username ?? '—'}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Stack>
          )}
        </ListPage>
      )}
    </Stack>
  )
}

function SerialsTab() {
  const { t } = useTranslation()
  const { me } = useSession()
  const [search, setSearch] = useState('')
  const serials = useQuery(trpc.warehouse.serials.queryOptions({ search: search.trim() || null }))
  return (
    <ListPage
      query={serials}
      filters={
        <TextInput
          w={260}
          leftSection={<IconSearch size={16} />}
          placeholder={t('warehouse.serials.search')}
          aria-label={t('warehouse.serials.search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
      }
      empty={(rows) =>
        rows.length > 0
          ? null
          : {
              icon: <IconBarcode size={28} />,
              title: search ? t('warehouse.serials.none') : t('warehouse.serials.empty'),
            }
      }
    >
      {(rows) => (
        <Table.ScrollContainer minWidth={760}>
          <Table striped verticalSpacing="sm" data-testid="serials-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('warehouse.serials.colSerial')}</Table.Th>
                <Table.Th>{t('warehouse.serials.colItem')}</Table.Th>
                <Table.Th>{t('warehouse.serials.colPlace')}</Table.Th>
                <Table.Th>{t('warehouse.serials.colWhere')}</Table.Th>
                <Table.Th>{t('warehouse.serials.colService')}</Table.Th>
                <Table.Th>{t('warehouse.serials.colUpdated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td ff="monospace" fw={600}>
                    {s.serial}
                  </Table.Td>
                  <Table.Td>{s.itemName}</Table.Td>
                  <Table.Td>
                    <Badge variant="light">{t(`warehouse.places.${s.place}`)}</Badge>
                  </Table.Td>
                  <Table.Td>
                    {s.placeName}
                    {s.customerCode && (
                      <Text span c="dimmed" fz="sm">{` (${s.customerCode})`}</Text>
                    )}
                  </Table.Td>
                  <Table.Td>{s.serviceSid ?? '—'}</Table.Td>
                  <Table.Td>
                    {formatInstant(s.updatedAt, me.company.timeZone, intlLocale())}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </ListPage>
  )
}
