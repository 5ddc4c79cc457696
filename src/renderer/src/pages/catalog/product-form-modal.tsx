import { Alert, Group, Select, SimpleGrid, Stack, Switch, TextInput, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconInfoCircle } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { BILLING_MODES, SERVICE_TYPES } from '@shared/catalog'
import { formatRupiah } from '@shared/money'
import { productInput, productUpdateInput } from '@shared/schemas'
import { trpc } from '../../api/client'
import { FormModal } from '../../components/form-modal'
import { rupiahOrNull } from '../../forms/parse'
import { useFormState } from '../../forms/use-form-state'
import { toFields, toForm } from './product-form'
import { ProductSpeedFields } from './product-speed-fields'
import { ProductUsageFields } from './product-usage-fields'
import { refreshCatalog } from './refresh-catalog'
import type { ProductRow } from './types'
import { DateField } from '../../components/date-field'

/**
 * A package: what it is, what it costs, how fast (and whether Loket sets that speed on the
 * router), its quota and FUP; a price change is dated and explained.
 */
export function ProductFormModal({
  product,
  onClose,
}: {
  product: ProductRow | null
  onClose: () => void
}) {
  const { t } = useTranslation()
  const form = useFormState(toForm(product))
  const v = form.values
  const saved = (name: string, key: string) => {
    notifications.show({ color: 'teal', message: t(key, { name }) })
    refreshCatalog()
    onClose()
  }
  const codeFields = { NAME_TAKEN: 'name' } as const
  const create = useMutation(
    trpc.catalog.createProduct.mutationOptions({
      onSuccess: (p) => saved(p.name, 'products.created'),
      onError: (error) => form.showServerError(error, codeFields),
    }),
  )
  const update = useMutation(
    trpc.catalog.updateProduct.mutationOptions({
      onSuccess: (p) => saved(p.name, 'products.updated'),
      onError: (error) => form.showServerError(error, codeFields),
    }),
  )

  const price = rupiahOrNull(v.monthlyPrice)
  const priceChanged =
    product !== null && price !== null && !Number.isNaN(price) && price !== product.monthlyPrice

  const submit = () => {
    const fields = toFields(v, price)
    if (!product) {
      if (form.validate(productInput, fields)) create.mutate(fields)
      return
    }
    const input = {
      ...fields,
      id: product.id,
      active: v.active,
      priceEffectiveFrom: priceChanged && v.priceEffectiveFrom ? v.priceEffectiveFrom : undefined,
      priceReason: priceChanged ? v.priceReason : undefined,
    }
    if (form.validate(productUpdateInput, input)) update.mutate(input)
  }

  return (
    <FormModal
      title={product ? t('products.editTitle') : t('products.createTitle')}
      size="lg"
      onClose={onClose}
      onSubmit={submit}
      error={form.serverError}
      saving={create.isPending || update.isPending}
    >
      <TextInput label={t('productFields.name')} required data-autofocus {...form.text('name')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('productFields.serviceType')}
          required
          data={SERVICE_TYPES.map((s) => ({ value: s, label: t(`serviceType.${s}`) }))}
          allowDeselect={false}
          {...form.select('serviceType')}
        />
        <Select
          label={t('productFields.billingMode')}
          data={BILLING_MODES.map((m) => ({ value: m, label: t(`billingMode.${m}`) }))}
          allowDeselect={false}
          {...form.select('billingMode')}
        />
        <TextInput
          label={t('productFields.monthlyPrice')}
          description={t('productFields.monthlyPriceHint')}
          required
          leftSection="Rp"
          inputMode="numeric"
          {...form.text('monthlyPrice')}
        />
        <TextInput
          label={t('productFields.routerProfile')}
          description={
            v.serviceType === 'pppoe' && v.speedOnRouter
              ? t('productFields.routerProfileAuto')
              : t('productFields.routerProfileHint')
          }
          {...form.text('routerProfile')}
        />
      </SimpleGrid>
      <ProductSpeedFields form={form} rateLimit={product?.rateLimit ?? null} />
      <ProductUsageFields form={form} />
      {priceChanged && (
        <Stack gap="sm">
          <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />}>
            {t('productFields.priceChanged', {
              old: formatRupiah(product.monthlyPrice),
              new: formatRupiah(price),
            })}
          </Alert>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField
              label={t('productFields.priceEffectiveFrom')}
              description={t('productFields.priceEffectiveHint')}
              {...form.date('priceEffectiveFrom')}
            />
            <TextInput label={t('productFields.priceReason')} {...form.text('priceReason')} />
          </SimpleGrid>
        </Stack>
      )}
      <Textarea label={t('productFields.fupNote')} autosize minRows={1} {...form.text('fupNote')} />
      <Group gap="xl">
        <Switch
          label={t('productFields.taxable')}
          checked={v.taxable}
          onChange={(e) => form.setValue('taxable', e.currentTarget.checked)}
        />
        {product && (
          <Switch
            label={t('productFields.active')}
            checked={v.active}
            onChange={(e) => form.setValue('active', e.currentTarget.checked)}
          />
        )}
      </Group>
    </FormModal>
  )
}
