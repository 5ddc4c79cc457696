import { Button, MultiSelect, NumberInput, Select, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { trpc } from '../../api/client'
import { addCommand } from '../../field/outbox'
import { useSession } from '../../session/session'
import type { FieldOutbox, FieldTask } from './types'

/**
 * "Barang terpakai": what the technician used on this task, from what he holds now (less what
 * waits in the outbox to be recorded). Saved as a `stock.use` command like a note; the host
 * refuses it (shown with the reason) when the stock ran out or a serial is not in his hand.
 */
export function StockUseSection({
  task,
  outbox,
  userId,
}: {
  task: FieldTask
  outbox: FieldOutbox
  userId: number
}) {
  const { t } = useTranslation()
  const { can } = useSession()
  const allowed = can('warehouse.view')
  const held = useQuery({
    ...trpc.warehouse.held.queryOptions({ userId: null }),
    enabled: allowed,
  })
  const [itemId, setItemId] = useState<string | null>(null)
  const [qty, setQty] = useState<number | string>(1)
  const [serials, setSerials] = useState<string[]>([])
  const [error, setError] = useState<string | null>(null)

  // What I hold, less what waits on this phone to be recorded as used.
  const stock = useMemo(() => {
    const waiting = outbox.commands.filter((c) => c.kind === 'stock.use' && c.state === 'pending')
    return (held.data ?? [])
      .map((s) => {
        const mine = waiting.filter((c) => c.payload.itemId === s.itemId)
        const usedSerials = new Set(mine.flatMap((c) => (c.payload.serials as string[]) ?? []))
        return {
          ...s,
          qty: s.qty - mine.reduce((n, c) => n + Number(c.payload.qty ?? 0), 0),
          serials: s.serials.filter((x) => !usedSerials.has(x)),
        }
      })
      .filter((s) => s.qty > 0)
  }, [held.data, outbox.commands])

  if (!allowed) return null
  const item = stock.find((s) => String(s.itemId) === itemId) ?? null
  const serial = (item?.serials.length ?? 0) > 0
  const unit = (u: string) => t(`warehouse.units.${u}`, { defaultValue: u })

  const save = async () => {
    if (!item) {
      setError(t('field.stock.needItem'))
      return
    }
    const n = serial ? serials.length : Number(qty)
    if (serial && n === 0) {
      setError(t('field.stock.needSerials'))
      return
    }
    if (!Number.isInteger(n) || n < 1 || n > item.qty) {
      setError(t('field.stock.badQty', { max: item.qty, unit: unit(item.unit) }))
      return
    }
    setError(null)
    const text = `${n} ${unit(item.unit)} ${item.name}${serial ? ` (SN: ${serials.join(', ')})` : ''}`
    await addCommand({
      kind: 'stock.use',
      payload: { itemId: item.itemId, qty: n, serials: serial ? serials : [], ticketId: task.id },
      userId,
      taskKey: task.key,
      label: `${task.number} ${task.title}`,
      text: t('field.stock.used', { what: text }),
    })
    setItemId(null)
    setQty(1)
    setSerials([])
    notifications.show({ color: 'teal', message: t('field.form.saved'), autoClose: 2500 })
  }

  return (
    <Stack gap="xs" data-testid="stock-use">
      {held.isSuccess && stock.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('field.stock.empty')}
        </Text>
      ) : (
        <>
          <Select
            label={t('field.stock.item')}
            placeholder={held.isPending ? t('field.stock.loading') : t('field.stock.pick')}
            data={stock.map((s) => ({
              value: String(s.itemId),
              label: `${s.name} — ${s.qty} ${unit(s.unit)}`,
            }))}
            value={itemId}
            onChange={(v) => {
              setItemId(v)
              setSerials([])
              setError(null)
            }}
            searchable
            comboboxProps={{ withinPortal: true }}
          />
          {serial ? (
            <MultiSelect
              label={t('field.stock.serials')}
              placeholder={serials.length ? undefined : t('field.stock.serialsPick')}
              data={item?.serials ?? []}
              value={serials}
              onChange={setSerials}
              searchable
              comboboxProps={{ withinPortal: true }}
            />
          ) : (
            <NumberInput
              label={
                item ? t('field.stock.qtyOf', { unit: unit(item.unit) }) : t('field.stock.qty')
              }
              min={1}
              max={item?.qty}
              allowDecimal={false}
              value={qty}
              onChange={setQty}
            />
          )}
          {error && (
            <Text size="sm" c="red" role="alert">
              {error}
            </Text>
          )}
          <Button variant="light" onClick={() => void save()}>
            {t('field.stock.save')}
          </Button>
        </>
      )}
      <Text size="xs" c="dimmed">
        {t('field.stock.hint')}
      </Text>
    </Stack>
  )
}
