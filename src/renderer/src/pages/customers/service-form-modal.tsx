import {
  Button,
  Group,
  Modal,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { SERVICE_STATUSES, type ServiceStatus } from '@shared/catalog'
import { formatRupiah } from '@shared/money'
import { serviceCreateInput } from '@shared/schemas'
import { trpc } from '../../api/client'
import { FormAlert } from '../../components/form-alert'
import { integerOrNull, rupiahOrNull } from '../../forms/parse'
import { useFormState } from '../../forms/use-form-state'
import { useSession } from '../../session/session'
import { refreshCustomers } from './refresh-customers'
import type { CustomerDetail } from './types'
import { DateField } from '../../components/date-field'

const EMPTY = {
  productId: '',
  status: 'aktif',
  activationDate: '',
  billingKind: 'fixed',
  billingDay: '1',
  priceOverride: '',
  priceReason: '',
  installationAddress: '',
  pppoeUsername: '',
  pppoePassword: '',
  staticIp: '',
  popId: '',
  notes: '',
}

/** `billingSchedule.day` is the day field of this form. */
const mapPath = (path: string) => (path.startsWith('billingSchedule') ? 'billingDay' : path)

/** A new service for the customer: package (with the price this customer pays), dates, access. */
export function ServiceFormModal({
  customer,
  onClose,
}: {
  customer: CustomerDetail
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { can } = useSession()
  // The package, area and price lists are readable with either permission (see api catalog router).
  const canCatalog = can('catalog.view') || can('customers.view')
  const form = useFormState(EMPTY)
  const products = useQuery(trpc.catalog.products.queryOptions(undefined, { enabled: canCatalog }))
  const prices = useQuery(trpc.customers.prices.queryOptions({ customerId: customer.id }))
  const pops = useQuery(trpc.catalog.pops.queryOptions(undefined, { enabled: canCatalog }))
  const add = useMutation(
    trpc.customers.addService.mutationOptions({
      onSuccess: (service) => {
        notifications.show({ color: 'teal', message: t('serviceForm.added', { sid: service.sid }) })
        refreshCustomers(customer.id)
        onClose()
      },
      onError: (error) =>
        form.showServerError(
          error,
          { PPPOE_USERNAME_TAKEN: 'pppoeUsername', NOT_FOUND: 'productId' },
          mapPath,
        ),
    }),
  )

  // The price in force today for this customer, as the server computes it; the package's own
  // price only until that answer arrives.
  const priceOf = (p: { id: number; monthlyPrice: number }) =>
    prices.data?.find((x) => x.productId === p.id)?.price ?? p.monthlyPrice
  const active = (products.data ?? []).filter((p) => p.active)
  const chosen = active.find((p) => String(p.id) === form.values.productId)
  const v = form.values

  const submit = () => {
    const input = {
      customerId: customer.id,
      productId: Number(v.productId),
      status: v.status as ServiceStatus,
      activationDate: v.activationDate || null,
      billingSchedule:
        v.billingKind === 'anniversary'
          ? { kind: 'anniversary' as const }
          : { kind: 'fixed' as const, day: integerOrNull(v.billingDay) ?? Number.NaN },
      priceOverride: rupiahOrNull(v.priceOverride),
      priceReason: v.priceReason,
      installationAddress: v.installationAddress,
      pppoeUsername: v.pppoeUsername,
      pppoePassword: v.pppoePassword,
      staticIp: v.staticIp,
      popId: v.popId ? Number(v.popId) : null,
      notes: v.notes,
    }
    const ok = form.validate(serviceCreateInput, input, mapPath)
    if (!v.productId) form.setFieldError('productId', 'validation.required')
    else if (ok) add.mutate(input)
  }

  const pppoe = !chosen || chosen.serviceType === 'pppoe'
  return (
    <Modal opened onClose={onClose} title={t('serviceForm.title')} size="xl">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('serviceForm.package')}
              placeholder={t('serviceForm.pickPackage')}
              required
              searchable
              data={active.map((p) => ({
                value: String(p.id),
                label: `${p.name} — ${formatRupiah(priceOf(p))}`,
              }))}
              {...form.select('productId')}
            />
            <Select
              label={t('serviceForm.status')}
              data={SERVICE_STATUSES.filter((s) => s !== 'putus').map((s) => ({
                value: s,
                label: t(`serviceStatus.${s}`),
              }))}
              allowDeselect={false}
              {...form.select('status')}
            />
            <DateField
              label={t('serviceForm.activationDate')}
              description={t('serviceForm.activationHint')}
              {...form.date('activationDate')}
            />
            <Radio.Group
              label={t('serviceForm.billingSchedule')}
              value={v.billingKind}
              onChange={(value) => form.setValue('billingKind', value)}
            >
              <Group gap="md" mt={6}>
                <Radio value="fixed" label={t('serviceForm.billingFixed')} />
                <Radio value="anniversary" label={t('serviceForm.billingAnniversary')} />
              </Group>
            </Radio.Group>
          </SimpleGrid>
          {v.billingKind === 'fixed' && (
            <TextInput
              label={t('serviceForm.billingDay')}
              inputMode="numeric"
              maw={220}
              {...form.text('billingDay')}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('serviceForm.priceOverride')}
              description={
                chosen
                  ? t('serviceForm.priceOverrideHint', { price: formatRupiah(priceOf(chosen)) })
                  : undefined
              }
              leftSection="Rp"
              inputMode="numeric"
              {...form.text('priceOverride')}
            />
            <TextInput
              label={t('serviceForm.priceReason')}
              disabled={!v.priceOverride.trim()}
              {...form.text('priceReason')}
            />
          </SimpleGrid>
          <Textarea
            label={t('serviceForm.installationAddress')}
            placeholder={t('serviceForm.installationHint')}
            autosize
            minRows={1}
            {...form.text('installationAddress')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {pppoe && (
              <TextInput
                label={t('serviceForm.pppoeUsername')}
                placeholder={t('serviceForm.pppoeAuto')}
                autoComplete="off"
                {...form.text('pppoeUsername')}
              />
            )}
            {pppoe && (
              <TextInput
                label={t('serviceForm.pppoePassword')}
                placeholder={t('serviceForm.passwordAuto')}
                autoComplete="off"
                {...form.text('pppoePassword')}
              />
            )}
            <TextInput
              label={t('serviceForm.staticIp')}
              placeholder="10.10.10.2"
              {...form.text('staticIp')}
            />
            {canCatalog && (
              <Select
                label={t('serviceForm.pop')}
                placeholder={t('serviceForm.noPop')}
                data={(pops.data ?? [])
                  .filter((p) => p.active)
                  .map((p) => ({ value: String(p.id), label: p.name }))}
                clearable
                {...form.select('popId')}
              />
            )}
          </SimpleGrid>
          <Textarea label={t('serviceForm.notes')} autosize minRows={2} {...form.text('notes')} />
          <FormAlert error={form.serverError ?? products.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('serviceForm.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
