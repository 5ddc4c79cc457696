import { Select, SimpleGrid, Switch, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { formatRupiah } from '@shared/money'
import { priceListInput, priceListUpdateInput } from '@shared/schemas'
import { trpc } from '../../api/client'
import { FormModal } from '../../components/form-modal'
import { rupiahOrNull, rupiahText } from '../../forms/parse'
import { useFormState } from '../../forms/use-form-state'
import { refreshCatalog } from './refresh-catalog'
import type { PriceListRow } from './types'

/**
 * Special prices for some packages: for every customer of an area, or (no area) for the
 * customers it is chosen for. An empty price means the package's normal price.
 */
export function PriceListFormModal({
  list,
  onClose,
}: {
  list: PriceListRow | null
  onClose: () => void
}) {
  const { t } = useTranslation()
  const areas = useQuery(trpc.catalog.areas.queryOptions())
  const products = useQuery(trpc.catalog.products.queryOptions())
  const form = useFormState({
    name: list?.name ?? '',
    areaId: list?.areaId ? String(list.areaId) : '',
    active: list?.active ?? true,
    prices: Object.fromEntries(
      (list?.items ?? []).map((i) => [String(i.productId), rupiahText(i.price)]),
    ) as Record<string, string>,
  })
  const v = form.values
  const save = useMutation(
    trpc.catalog.savePriceList.mutationOptions({
      onSuccess: (saved) => {
        notifications.show({
          color: 'teal',
          message: t(list ? 'priceLists.updated' : 'priceLists.created', { name: saved.name }),
        })
        refreshCatalog()
        onClose()
      },
      onError: (error) => form.showServerError(error, { NAME_TAKEN: 'name' }),
    }),
  )
  const shown = (products.data ?? []).filter((p) => p.active || v.prices[String(p.id)])

  const submit = () => {
    const items = shown
      .filter((p) => (v.prices[String(p.id)] ?? '').trim())
      .map((p) => ({
        productId: p.id,
        price: rupiahOrNull(v.prices[String(p.id)] ?? '') ?? Number.NaN,
      }))
    // `items.3.price` is the price field of the fourth filled-in package.
    const mapPath = (path: string) => {
      const m = /^items\.(\d+)/.exec(path)
      return m ? `price:${items[Number(m[1])]?.productId ?? ''}` : path
    }
    const fields = { name: v.name, areaId: v.areaId ? Number(v.areaId) : null, items }
    if (!list) {
      if (form.validate(priceListInput, fields, mapPath)) save.mutate(fields)
      return
    }
    const input = { ...fields, id: list.id, active: v.active }
    if (form.validate(priceListUpdateInput, input, mapPath)) save.mutate(input)
  }

  return (
    <FormModal
      title={list ? t('priceLists.editTitle') : t('priceLists.createTitle')}
      size="lg"
      onClose={onClose}
      onSubmit={submit}
      error={form.serverError ?? products.error}
      saving={save.isPending}
    >
      <TextInput label={t('priceLists.name')} required data-autofocus {...form.text('name')} />
      <Select
        label={t('priceLists.area')}
        placeholder={t('priceLists.noArea')}
        description={t('priceLists.areaHint')}
        data={(areas.data ?? []).map((a) => ({
          value: String(a.id),
          label: `${a.code} — ${a.name}`,
        }))}
        clearable
        searchable
        {...form.select('areaId')}
      />
      <div>
        <Text fw={600} fz="sm">
          {t('priceLists.prices')}
        </Text>
        <Text fz="xs" c="dimmed" mb="xs">
          {t('priceLists.pricesHint')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {shown.map((p) => (
            <TextInput
              key={p.id}
              label={t('priceLists.specialPrice', { name: p.name })}
              description={t('priceLists.normalPrice', { price: formatRupiah(p.monthlyPrice) })}
              leftSection="Rp"
              inputMode="numeric"
              value={v.prices[String(p.id)] ?? ''}
              onChange={(e) =>
                form.setValue('prices', { ...v.prices, [String(p.id)]: e.currentTarget.value })
              }
              error={form.errorOf(`price:${p.id}`)}
            />
          ))}
        </SimpleGrid>
      </div>
      {list && (
        <Switch
          label={t('priceLists.active')}
          checked={v.active}
          onChange={(e) => form.setValue('active', e.currentTarget.checked)}
        />
      )}
    </FormModal>
  )
}
