import { Alert, Card, Select, SimpleGrid, Text, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconArrowDownRight, IconArrowUpRight } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { formatShortDate, isCalendarDate } from '@shared/dates'
import { formatRupiah } from '@shared/money'
import { packageChangeInput } from '@shared/schemas'
import { trpc } from '../../api/client'
import { FormModal } from '../../components/form-modal'
import { useFormState } from '../../forms/use-form-state'
import { refreshCustomers } from './refresh-customers'
import type { CustomerDetail, ServiceDetail } from './types'
import { DateField } from '../../components/date-field'

function PriceBox({
  label,
  name,
  price,
  testId,
}: {
  label: string
  name: string
  price: string
  testId: string
}) {
  return (
    <Card withBorder radius="md" padding="sm" data-testid={testId}>
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={600}>{name}</Text>
      <Text fz="lg" fw={700}>
        {price}
      </Text>
    </Card>
  )
}

/**
 * A different package for one service. A dearer package applies today; a cheaper one from the
 * next billing period, so the customer keeps what they paid for (BILLING.md rules 9–10).
 */
export function PackageChangeModal({
  customer,
  service,
  onClose,
}: {
  customer: CustomerDetail
  service: ServiceDetail
  onClose: () => void
}) {
  const { t } = useTranslation()
  const form = useFormState({ productId: '', effectiveDate: '', reason: '' })
  const products = useQuery(trpc.catalog.products.queryOptions())
  const prices = useQuery(trpc.customers.prices.queryOptions({ customerId: customer.id }))
  const change = useMutation(
    trpc.customers.changePackage.mutationOptions({
      onSuccess: (result) => {
        const name = products.data?.find((p) => String(p.id) === form.values.productId)?.name ?? ''
        const message = t('packageChange.done', {
          direction: t(`packageChange.direction.${result.direction}`),
          name,
          date: formatShortDate(result.effectiveDate),
        })
        notifications.show({
          color: 'teal',
          message: result.pending ? `${message} ${t('packageChange.scheduled')}` : message,
        })
        refreshCustomers(customer.id)
        onClose()
      },
      onError: (error) => form.showServerError(error, { INVALID_STATUS_CHANGE: 'productId' }),
    }),
  )

  const priceOf = (p: { id: number; monthlyPrice: number }) =>
    prices.data?.find((x) => x.productId === p.id)?.price ?? p.monthlyPrice
  const options = (products.data ?? []).filter((p) => p.active && p.id !== service.productId)
  const chosen = options.find((p) => String(p.id) === form.values.productId)
  // Direction, prices and the default date come from the server: the same plan the change uses.
  const preview = useQuery(
    trpc.customers.previewPackageChange.queryOptions(
      { serviceId: service.id, productId: chosen?.id ?? 0 },
      { enabled: !!chosen },
    ),
  )
  const newPrice = chosen ? (preview.data?.newPrice ?? null) : null
  const upgrade = preview.data?.direction !== 'downgrade'
  const defaultDate = preview.data?.effectiveDate
  const picked = form.values.effectiveDate

  const submit = () => {
    const input = {
      serviceId: service.id,
      productId: Number(form.values.productId),
      effectiveDate: picked || undefined,
      reason: form.values.reason,
    }
    const ok = form.validate(packageChangeInput, input)
    if (!form.values.productId) form.setFieldError('productId', 'validation.required')
    else if (ok) change.mutate(input)
  }

  return (
    <FormModal
      title={t('packageChange.title', { sid: service.sid })}
      size="lg"
      onClose={onClose}
      onSubmit={submit}
      error={form.serverError ?? products.error}
      saving={change.isPending}
      submitLabel={t('packageChange.submit')}
    >
      <Select
        label={t('packageChange.newPackage')}
        placeholder={t('packageChange.pickPackage')}
        required
        searchable
        data={options.map((p) => ({
          value: String(p.id),
          label: `${p.name} — ${formatRupiah(priceOf(p))}`,
        }))}
        {...form.select('productId')}
      />
      <SimpleGrid cols={2}>
        <PriceBox
          label={t('packageChange.oldPrice')}
          name={service.productName}
          price={formatRupiah(service.listPrice)}
          testId="old-price"
        />
        <PriceBox
          label={t('packageChange.newPrice')}
          name={chosen?.name ?? t('common.empty')}
          price={newPrice === null ? t('common.empty') : formatRupiah(newPrice)}
          testId="new-price"
        />
      </SimpleGrid>
      {chosen && defaultDate && (
        <Alert
          color={upgrade ? 'blue' : 'yellow'}
          icon={upgrade ? <IconArrowUpRight size={18} /> : <IconArrowDownRight size={18} />}
          data-testid="package-change-effect"
        >
          {t(upgrade ? 'packageChange.upgrade' : 'packageChange.downgrade', {
            date: formatShortDate(defaultDate),
          })}
        </Alert>
      )}
      <DateField
        label={t('packageChange.effectiveDate')}
        description={
          picked && isCalendarDate(picked)
            ? formatShortDate(picked)
            : t('packageChange.effectiveHint')
        }
        {...form.date('effectiveDate')}
      />
      <Textarea label={t('packageChange.reason')} autosize minRows={2} {...form.text('reason')} />
    </FormModal>
  )
}
