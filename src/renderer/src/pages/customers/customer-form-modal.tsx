import { Alert, Select, SimpleGrid, TextInput, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { CUSTOMER_CATEGORIES } from '@shared/catalog'
import { customerCreateInput, customerUpdateInput } from '@shared/schemas'
import { trpc } from '../../api/client'
import { FormModal } from '../../components/form-modal'
import { useFormState } from '../../forms/use-form-state'
import { useSession } from '../../session/session'
import {
  EMPTY_CUSTOMER,
  customerFieldsInput,
  customerToForm,
  type CustomerFormValues,
} from './customer-form'
import { refreshCustomers } from './refresh-customers'
import type { CustomerDetail } from './types'

interface Props {
  customer: CustomerDetail | null
  onClose: () => void
  onSaved: (saved: { id: number; code: string }) => void
}

/** A new customer (their area gives the code), or a change to one's identity and contacts. */
export function CustomerFormModal({ customer, onClose, onSaved }: Props) {
  const { t } = useTranslation()
  const { can } = useSession()
  // The package, area and price lists are readable with either permission (see api catalog router).
  const canCatalog = can('catalog.view') || can('customers.view')
  const form = useFormState<CustomerFormValues>(
    customer ? customerToForm(customer) : EMPTY_CUSTOMER,
  )
  const areas = useQuery(trpc.catalog.areas.queryOptions(undefined, { enabled: canCatalog }))
  const priceLists = useQuery(
    trpc.catalog.priceLists.queryOptions(undefined, { enabled: canCatalog }),
  )
  const staff = useQuery(trpc.customers.staff.queryOptions())
  const codeFields = { NOT_FOUND: 'areaId' } as const
  const saved = (result: { id: number; code: string }, messageKey: string) => {
    notifications.show({
      color: 'teal',
      message: t(messageKey, { code: result.code, name: form.values.name.trim() }),
    })
    refreshCustomers(result.id)
    onSaved(result)
  }
  const create = useMutation(
    trpc.customers.create.mutationOptions({
      onSuccess: (result) => saved(result, 'customers.created'),
      onError: (error) => form.showServerError(error, codeFields),
    }),
  )
  const update = useMutation(
    trpc.customers.update.mutationOptions({
      onSuccess: (result) => saved(result, 'customers.updated'),
      onError: (error) => form.showServerError(error, codeFields),
    }),
  )

  const submit = () => {
    const fields = customerFieldsInput(form.values)
    if (customer) {
      const input = { id: customer.id, ...fields }
      if (form.validate(customerUpdateInput, input)) update.mutate(input)
      return
    }
    const input = { areaId: Number(form.values.areaId), ...fields }
    const ok = form.validate(customerCreateInput, input)
    if (!form.values.areaId) form.setFieldError('areaId', 'validation.required')
    else if (ok) create.mutate(input)
  }

  const activeAreas = (areas.data ?? []).filter((a) => a.active)
  const lists = (priceLists.data ?? []).filter(
    (l) => l.active || String(l.id) === form.values.priceListId,
  )
  return (
    <FormModal
      title={customer ? t('customers.editTitle') : t('customers.createTitle')}
      size="xl"
      onClose={onClose}
      onSubmit={submit}
      error={form.serverError}
      saving={create.isPending || update.isPending}
    >
      {!customer && areas.isSuccess && activeAreas.length === 0 && (
        <Alert color="orange">{t('customers.noArea')}</Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('customerFields.area')}
          placeholder={t('customerFields.pickArea')}
          description={customer ? t('customerFields.areaFixed') : undefined}
          required={!customer}
          disabled={Boolean(customer)}
          data={
            customer
              ? [
                  {
                    value: String(customer.area.id),
                    label: `${customer.area.code} — ${customer.area.name}`,
                  },
                ]
              : activeAreas.map((a) => ({
                  value: String(a.id),
                  label: `${a.code} — ${a.name}`,
                }))
          }
          searchable
          allowDeselect={false}
          {...form.select('areaId')}
        />
        <Select
          label={t('customerFields.category')}
          data={CUSTOMER_CATEGORIES.map((c) => ({
            value: c,
            label: t(`customerCategory.${c}`),
          }))}
          allowDeselect={false}
          {...form.select('category')}
        />
      </SimpleGrid>
      <TextInput label={t('customerFields.name')} required data-autofocus {...form.text('name')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('customerFields.phone')} inputMode="tel" {...form.text('phone')} />
        <TextInput
          label={t('customerFields.whatsapp')}
          description={t('customerFields.whatsappHint')}
          inputMode="tel"
          {...form.text('whatsapp')}
        />
        <TextInput label={t('customerFields.email')} type="email" {...form.text('email')} />
        <TextInput
          label={t('customerFields.nik')}
          description={t('customerFields.nikHint')}
          inputMode="numeric"
          {...form.text('nik')}
        />
      </SimpleGrid>
      <Textarea
        label={t('customerFields.address')}
        autosize
        minRows={2}
        {...form.text('address')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('customerFields.latitude')}
          description={t('customerFields.coordinatesHint')}
          inputMode="decimal"
          {...form.text('latitude')}
        />
        <TextInput
          label={t('customerFields.longitude')}
          inputMode="decimal"
          {...form.text('longitude')}
        />
        <TextInput label={t('customerFields.npwp')} inputMode="numeric" {...form.text('npwp')} />
        <TextInput label={t('customerFields.marketer')} {...form.text('marketer')} />
        <Select
          label={t('customerFields.accountManager')}
          placeholder={t('customerFields.noAccountManager')}
          data={(staff.data ?? []).map((u) => ({
            value: String(u.id),
            label: `${u.name} (@${u.username})`,
          }))}
          clearable
          searchable
          {...form.select('accountManagerId')}
        />
      </SimpleGrid>
      {canCatalog && (
        <Select
          label={t('customerFields.priceList')}
          placeholder={t('customerFields.noPriceList')}
          data={lists.map((l) => ({ value: String(l.id), label: l.name }))}
          clearable
          {...form.select('priceListId')}
        />
      )}
      <Textarea label={t('customerFields.notes')} autosize minRows={2} {...form.text('notes')} />
    </FormModal>
  )
}
