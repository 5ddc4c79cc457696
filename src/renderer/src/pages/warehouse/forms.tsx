import {
  ActionIcon,
  Group,
  NumberInput,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import {
  createStockRequestInput,
  stockInInput,
  stockItemInput,
  warehouseInput,
} from '@shared/schemas'
import { STOCK_UNITS, type StockUnit } from '@shared/warehouse'
import { queryClient, trpc } from '../../api/client'
import type { UiErrorCode } from '../../api/errors'
import { FormModal } from '../../components/form-modal'
import { useFormState } from '../../forms/use-form-state'
import type { ItemRow, WarehouseRow } from './types'

export function refreshWarehouse(): void {
  void queryClient.invalidateQueries(trpc.warehouse.pathFilter())
}

const serialLines = (text: string) =>
  text
    .split(/[\n,;]+/)
    .map((s) => s.trim())
    .filter(Boolean)

/**
 * What every warehouse form does when its mutation settles: on success a green notice, the
 * warehouse lists refreshed and the modal closed; on failure the error under its field
 * (`codeFields`: which field an error code belongs to) or above the form.
 */
function savedCallbacks<R>(
  form: {
    showServerError: (e: unknown, codeFields?: Partial<Record<UiErrorCode, string>>) => void
  },
  onClose: () => void,
  message: (r: R) => string,
  codeFields?: Partial<Record<UiErrorCode, string>>,
) {
  return {
    onSuccess: (r: R) => {
      notifications.show({ color: 'teal', message: message(r) })
      refreshWarehouse()
      onClose()
    },
    onError: (error: unknown) => form.showServerError(error, codeFields),
  }
}

/** "Aktif" on an existing item or warehouse (a new one starts active, so it is not shown). */
function ActiveSwitch({
  checked,
  onChange,
}: {
  checked: boolean
  onChange: (active: boolean) => void
}) {
  const { t } = useTranslation()
  return (
    <Switch
      label={t('warehouse.items.activeSwitch')}
      checked={checked}
      onChange={(e) => onChange(e.currentTarget.checked)}
    />
  )
}

/** What `form.select(key)` hands a Select: its value, setter and error. */
interface SelectBinding {
  value: string | null
  onChange: (value: string | null) => void
  error: string | undefined
}

/** The Gudang picker of stock in, a request and a return: active warehouses only, required. */
function WarehouseSelect({ warehouses, ...bind }: { warehouses: WarehouseRow[] } & SelectBinding) {
  const { t } = useTranslation()
  return (
    <Select
      label={t('warehouse.stockIn.warehouse')}
      required
      data={warehouses.filter((w) => w.active).map((w) => ({ value: String(w.id), label: w.name }))}
      {...bind}
    />
  )
}

/**
 * The quantity and, for a serial item, its serial numbers (one a line): stock in and a return
 * ask for them the same way, in the item's unit.
 */
function QtyAndSerials({
  item,
  qty,
  onQty,
  qtyError,
  serials,
  serialRows,
}: {
  item: ItemRow | undefined
  qty: number | string
  onQty: (n: number | string) => void
  qtyError: string | undefined
  serials: {
    value: string
    onChange: (e: ChangeEvent<HTMLTextAreaElement>) => void
    error: string | undefined
  }
  serialRows: number
}) {
  const { t } = useTranslation()
  return (
    <>
      <NumberInput
        label={t('warehouse.stockIn.qty')}
        required
        min={1}
        allowDecimal={false}
        suffix={item ? ` ${t(`warehouse.units.${item.unit}`)}` : undefined}
        value={qty}
        onChange={onQty}
        error={qtyError}
      />
      {item?.serial && (
        <Textarea
          label={t('warehouse.stockIn.serials')}
          description={t('warehouse.stockIn.serialsHint')}
          autosize
          minRows={serialRows}
          ff="monospace"
          {...serials}
        />
      )}
    </>
  )
}

export function ItemFormModal({ item, onClose }: { item: ItemRow | null; onClose: () => void }) {
  const { t } = useTranslation()
  const form = useFormState({
    name: item?.name ?? '',
    unit: (item?.unit ?? 'pcs') as string,
    serial: item?.serial ?? false,
    lowThreshold: item?.lowThreshold ?? 0,
    active: item?.active ?? true,
  })
  const v = form.values
  const save = useMutation(
    trpc.warehouse.saveItem.mutationOptions(
      savedCallbacks(form, onClose, () => t('warehouse.items.saved', { name: v.name }), {
        STOCK_ITEM_NAME_TAKEN: 'name',
      }),
    ),
  )
  const submit = () => {
    const input = { ...v, unit: v.unit as StockUnit, ...(item ? { id: item.id } : {}) }
    if (form.validate(stockItemInput, input)) save.mutate(input)
  }
  return (
    <FormModal
      title={item ? t('warehouse.items.editTitle') : t('warehouse.items.createTitle')}
      onClose={onClose}
      onSubmit={submit}
      error={form.serverError}
      saving={save.isPending}
    >
      <TextInput
        label={t('warehouse.items.name')}
        placeholder={t('warehouse.items.namePlaceholder')}
        required
        data-autofocus
        {...form.text('name')}
      />
      <Select
        label={t('warehouse.items.unit')}
        data={STOCK_UNITS.map((u) => ({ value: u, label: t(`warehouse.units.${u}`) }))}
        allowDeselect={false}
        {...form.select('unit')}
      />
      <Switch
        label={t('warehouse.items.serial')}
        checked={v.serial}
        onChange={(e) => form.setValue('serial', e.currentTarget.checked)}
      />
      <NumberInput
        label={t('warehouse.items.threshold')}
        description={t('warehouse.items.thresholdHint')}
        min={0}
        allowDecimal={false}
        value={v.lowThreshold}
        onChange={(n) => form.setValue('lowThreshold', typeof n === 'number' ? n : 0)}
        error={form.errorOf('lowThreshold')}
      />
      {item && <ActiveSwitch checked={v.active} onChange={(a) => form.setValue('active', a)} />}
    </FormModal>
  )
}

export function WarehouseFormModal({
  warehouse,
  onClose,
}: {
  warehouse: WarehouseRow | null
  onClose: () => void
}) {
  const { t } = useTranslation()
  const form = useFormState({
    name: warehouse?.name ?? '',
    address: warehouse?.address ?? '',
    active: warehouse?.active ?? true,
  })
  const v = form.values
  const save = useMutation(
    trpc.warehouse.saveWarehouse.mutationOptions(
      savedCallbacks(form, onClose, () => t('warehouse.warehouses.saved', { name: v.name }), {
        WAREHOUSE_NAME_TAKEN: 'name',
      }),
    ),
  )
  const submit = () => {
    const input = { ...v, ...(warehouse ? { id: warehouse.id } : {}) }
    if (form.validate(warehouseInput, input)) save.mutate(input)
  }
  return (
    <FormModal
      title={
        warehouse ? t('warehouse.warehouses.editTitle') : t('warehouse.warehouses.createTitle')
      }
      onClose={onClose}
      onSubmit={submit}
      error={form.serverError}
      saving={save.isPending}
    >
      <TextInput
        label={t('warehouse.warehouses.name')}
        required
        data-autofocus
        {...form.text('name')}
      />
      <TextInput label={t('warehouse.warehouses.address')} {...form.text('address')} />
      {warehouse && (
        <ActiveSwitch checked={v.active} onChange={(a) => form.setValue('active', a)} />
      )}
    </FormModal>
  )
}

export function StockInModal({
  items,
  warehouses,
  itemId,
  onClose,
}: {
  items: ItemRow[]
  warehouses: WarehouseRow[]
  itemId: number | null
  onClose: () => void
}) {
  const { t } = useTranslation()
  const active = items.filter((i) => i.active)
  const form = useFormState({
    itemId: itemId ? String(itemId) : '',
    warehouseId: warehouses.length === 1 ? String(warehouses[0]!.id) : '',
    qty: 1 as number | string,
    serials: '',
    note: '',
  })
  const v = form.values
  const item = active.find((i) => String(i.id) === v.itemId)
  const save = useMutation(
    trpc.warehouse.stockIn.mutationOptions(
      savedCallbacks(form, onClose, (r: { balance: number }) =>
        t('warehouse.stockIn.saved', {
          qty: v.qty,
          unit: item ? t(`warehouse.units.${item.unit}`) : '',
          name: item?.name ?? '',
          balance: r.balance,
        }),
      ),
    ),
  )
  const submit = () => {
    const input = {
      itemId: Number(v.itemId) || 0,
      warehouseId: Number(v.warehouseId) || 0,
      qty: typeof v.qty === 'number' ? v.qty : Number.NaN,
      serials: item?.serial ? serialLines(v.serials) : [],
      note: v.note,
    }
    if (!v.itemId) return form.setFieldError('itemId', 'validation.required')
    if (!v.warehouseId) return form.setFieldError('warehouseId', 'validation.required')
    if (form.validate(stockInInput, input)) save.mutate(input)
  }
  return (
    <FormModal
      title={t('warehouse.stockIn.title')}
      onClose={onClose}
      onSubmit={submit}
      error={form.serverError}
      saving={save.isPending}
      submitLabel={t('warehouse.stockIn.submit')}
    >
      <Select
        label={t('warehouse.stockIn.item')}
        required
        searchable
        data={active.map((i) => ({ value: String(i.id), label: i.name }))}
        {...form.select('itemId')}
      />
      <WarehouseSelect warehouses={warehouses} {...form.select('warehouseId')} />
      <QtyAndSerials
        item={item}
        qty={v.qty}
        onQty={(n) => form.setValue('qty', n)}
        qtyError={form.errorOf('qty')}
        serials={form.text('serials')}
        serialRows={3}
      />
      <TextInput
        label={t('warehouse.stockIn.note')}
        placeholder={t('warehouse.stockIn.notePlaceholder')}
        {...form.text('note')}
      />
    </FormModal>
  )
}

interface Line {
  itemId: string
  qty: number | string
}

export function RequestFormModal({
  items,
  warehouses,
  onClose,
}: {
  items: ItemRow[]
  warehouses: WarehouseRow[]
  onClose: () => void
}) {
  const { t } = useTranslation()
  const people = useQuery(trpc.warehouse.people.queryOptions())
  const form = useFormState({
    forKind: '',
    forId: '' as number | string,
    warehouseId: warehouses.length === 1 ? String(warehouses[0]!.id) : '',
    technicianId: '',
    note: '',
  })
  const [lines, setLines] = useState<Line[]>([{ itemId: '', qty: 1 }])
  const v = form.values
  const save = useMutation(
    trpc.warehouse.createRequest.mutationOptions(
      savedCallbacks(form, onClose, (r: { id: number }) =>
        t('warehouse.requests.created', { id: r.id }),
      ),
    ),
  )
  const submit = () => {
    if (!v.warehouseId) return form.setFieldError('warehouseId', 'validation.required')
    const input = {
      forKind: v.forKind ? (v.forKind as 'installation' | 'ticket') : null,
      forId: v.forKind && typeof v.forId === 'number' ? v.forId : null,
      warehouseId: Number(v.warehouseId),
      technicianId: v.technicianId ? Number(v.technicianId) : null,
      lines: lines
        .filter((l) => l.itemId)
        .map((l) => ({
          itemId: Number(l.itemId),
          qty: typeof l.qty === 'number' ? l.qty : Number.NaN,
        })),
      note: v.note,
    }
    if (v.forKind && input.forId === null) return form.setFieldError('forId', 'validation.required')
    if (form.validate(createStockRequestInput, input)) save.mutate(input)
  }
  const active = items.filter((i) => i.active)
  const setLine = (i: number, patch: Partial<Line>) =>
    setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)))
  return (
    <FormModal
      title={t('warehouse.requests.createTitle')}
      onClose={onClose}
      onSubmit={submit}
      error={form.serverError}
      saving={save.isPending}
      submitLabel={t('warehouse.requests.submit')}
      size="lg"
    >
      <Group grow align="flex-start">
        <Select
          label={t('warehouse.requests.forKind')}
          data={[
            { value: '', label: t('warehouse.requests.forNone') },
            { value: 'installation', label: t('warehouse.forKinds.installation') },
            { value: 'ticket', label: t('warehouse.forKinds.ticket') },
          ]}
          allowDeselect={false}
          {...form.select('forKind')}
        />
        <NumberInput
          label={t('warehouse.requests.forId')}
          disabled={!v.forKind}
          min={1}
          allowDecimal={false}
          value={v.forId}
          onChange={(n) => form.setValue('forId', n)}
          error={form.errorOf('forId')}
        />
      </Group>
      <Group grow align="flex-start">
        <WarehouseSelect warehouses={warehouses} {...form.select('warehouseId')} />
        <Select
          label={t('warehouse.requests.technician')}
          searchable
          clearable
          data={(people.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
          {...form.select('technicianId')}
        />
      </Group>
      <Stack gap="xs">
        <Text fw={500} fz="sm">
          {t('warehouse.requests.lines')}
        </Text>
        {lines.map((l, i) => {
          const item = active.find((x) => String(x.id) === l.itemId)
          return (
            <Group key={i} align="flex-start" wrap="nowrap">
              <Select
                flex={1}
                aria-label={t('warehouse.stockIn.item')}
                searchable
                data={active.map((x) => ({ value: String(x.id), label: x.name }))}
                value={l.itemId || null}
                onChange={(value) => setLine(i, { itemId: value ?? '' })}
              />
              <NumberInput
                w={150}
                aria-label={t('warehouse.stockIn.qty')}
                min={1}
                allowDecimal={false}
                suffix={item ? ` ${t(`warehouse.units.${item.unit}`)}` : undefined}
                value={l.qty}
                onChange={(n) => setLine(i, { qty: n })}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={t('warehouse.requests.removeLine')}
                disabled={lines.length === 1}
                onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}
              >
                <IconTrash size={18} />
              </ActionIcon>
            </Group>
          )
        })}
        {form.errorOf('lines') && (
          <Text c="red" fz="sm">
            {t(form.errorOf('lines')!)}
          </Text>
        )}
        <Group>
          <ActionIcon
            variant="light"
            aria-label={t('warehouse.requests.addLine')}
            onClick={() => setLines((ls) => [...ls, { itemId: '', qty: 1 }])}
          >
            <IconPlus size={18} />
          </ActionIcon>
          <Text fz="sm" c="dimmed">
            {t('warehouse.requests.addLine')}
          </Text>
        </Group>
      </Stack>
      <TextInput label={t('warehouse.requests.note')} {...form.text('note')} />
    </FormModal>
  )
}

/** What a technician brings back: from his hand into a warehouse (serial units by number). */
export function ReturnModal({
  item,
  warehouses,
  onClose,
}: {
  item: ItemRow
  warehouses: WarehouseRow[]
  onClose: () => void
}) {
  const { t } = useTranslation()
  const people = useQuery(trpc.warehouse.people.queryOptions())
  const form = useFormState({
    technicianId: '',
    warehouseId: warehouses.length === 1 ? String(warehouses[0]!.id) : '',
    qty: 1 as number | string,
    serials: '',
    note: '',
  })
  const v = form.values
  const save = useMutation(
    trpc.warehouse.return.mutationOptions(
      savedCallbacks(form, onClose, (r: { balance: number }) =>
        t('warehouse.returns.saved', { name: item.name, balance: r.balance }),
      ),
    ),
  )
  const submit = () => {
    if (!v.technicianId) return form.setFieldError('technicianId', 'validation.required')
    if (!v.warehouseId) return form.setFieldError('warehouseId', 'validation.required')
    if (typeof v.qty !== 'number' || v.qty < 1)
      return form.setFieldError('qty', 'validation.quantity')
    save.mutate({
      itemId: item.id,
      technicianId: Number(v.technicianId),
      warehouseId: Number(v.warehouseId),
      qty: v.qty,
      serials: item.serial ? serialLines(v.serials) : [],
      note: v.note,
    })
  }
  return (
    <FormModal
      title={t('warehouse.returns.title', { name: item.name })}
      onClose={onClose}
      onSubmit={submit}
      error={form.serverError}
      saving={save.isPending}
      submitLabel={t('warehouse.returns.submit')}
    >
      <Select
        label={t('warehouse.requests.technician')}
        required
        searchable
        data={(people.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
        {...form.select('technicianId')}
      />
      <WarehouseSelect warehouses={warehouses} {...form.select('warehouseId')} />
      <QtyAndSerials
        item={item}
        qty={v.qty}
        onQty={(n) => form.setValue('qty', n)}
        qtyError={form.errorOf('qty')}
        serials={form.text('serials')}
        serialRows={2}
      />
      <TextInput label={t('warehouse.stockIn.note')} {...form.text('note')} />
    </FormModal>
  )
}
