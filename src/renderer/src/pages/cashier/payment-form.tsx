import {
  Button,
  Group,
  Kbd,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { useWindowEvent } from '@mantine/hooks'
import { useMutation } from '@tanstack/react-query'
import { useEffect, useRef, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { COUNTER_METHODS } from '@shared/billing'
import { recordPaymentInput } from '@shared/schemas'
import { trpc } from '../../api/client'
import { rupiahOrNull, rupiahText } from '../../forms/parse'
import { useFormState } from '../../forms/use-form-state'
import { intlLocale } from '../../i18n'
import { PaymentAlert } from './payment-alert'
import { methodLabel, periodText } from './payment-text'
import type { Due, Receipt } from './types'

type CounterMethod = (typeof COUNTER_METHODS)[number]

/** One key per method, in the order of the control; F-keys do not clash with typing. */
const METHOD_KEYS: Record<string, CounterMethod> = { F2: 'cash', F3: 'transfer', F4: 'ewallet' }
const METHOD_HINT: Record<CounterMethod, string> = { cash: 'F2', transfer: 'F3', ewallet: 'F4' }

interface Values {
  amount: string
  method: CounterMethod
  reference: string
  /** '' pays oldest first, as the server does by default. */
  invoiceId: string
  notes: string
}

/**
 * The payment itself. Enter saves from any field; the amount starts as the total due and is
 * selected, so typing replaces it. Every distinct attempt gets its own clientId, and sending
 * the same values again (after a lost answer) reuses it, so the server records it only once.
 */
export function PaymentForm({
  due,
  amountRef,
  onRecorded,
}: {
  due: Due
  amountRef: RefObject<HTMLInputElement | null>
  onRecorded: (receipt: Receipt) => void
}) {
  const { t } = useTranslation()
  const form = useFormState<Values>({
    amount: due.totalDue > 0 ? rupiahText(due.totalDue) : '',
    method: 'cash',
    reference: '',
    invoiceId: '',
    notes: '',
  })
  const { values } = form
  const formRef = useRef<HTMLFormElement>(null)
  const referenceRef = useRef<HTMLInputElement>(null)
  const attempt = useRef<{ key: string; clientId: string } | null>(null)
  const record = useMutation(trpc.payments.record.mutationOptions())

  useEffect(() => {
    amountRef.current?.focus()
    amountRef.current?.select()
  }, [amountRef])

  const chooseMethod = (method: CounterMethod) => {
    form.setValue('method', method)
    // A reference is what a transfer or e-wallet payment needs next.
    if (method !== 'cash') setTimeout(() => referenceRef.current?.focus(), 0)
  }

  useWindowEvent('keydown', (e) => {
    const method = METHOD_KEYS[e.key] ?? (e.altKey ? COUNTER_METHODS[Number(e.key) - 1] : undefined)
    if (method) {
      e.preventDefault()
      chooseMethod(method)
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault()
      formRef.current?.requestSubmit()
    }
  })

  const submit = () => {
    if (record.isPending) return
    const input = {
      customerId: due.customer.id,
      amount: rupiahOrNull(values.amount) ?? Number.NaN,
      method: values.method,
      reference: values.method === 'cash' ? undefined : values.reference,
      invoiceId: values.invoiceId ? Number(values.invoiceId) : null,
      notes: values.notes,
    }
    if (!form.validate(recordPaymentInput, input)) return
    const key = JSON.stringify(input)
    if (attempt.current?.key !== key) attempt.current = { key, clientId: crypto.randomUUID() }
    record.mutate(
      { ...input, clientId: attempt.current.clientId },
      {
        onSuccess: (recorded) =>
          onRecorded({
            recorded,
            method: input.method,
            reference: input.reference?.trim() || null,
            customer: due.customer,
            invoices: due.invoices,
          }),
        onError: (error) => form.showServerError(error),
      },
    )
  }

  const locale = intlLocale()
  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
      data-testid="cashier-form"
    >
      <Stack gap="sm">
        <TextInput
          ref={amountRef}
          size="lg"
          label={t('cashier.amount')}
          leftSection={<Text fz="sm">Rp</Text>}
          inputMode="numeric"
          autoComplete="off"
          {...form.text('amount')}
          onBlur={() => {
            // Shown back with thousands dots, the way a cashier reads an amount.
            const n = rupiahOrNull(values.amount)
            if (n !== null && !Number.isNaN(n)) form.setValue('amount', rupiahText(n))
          }}
        />
        {/* A row of its own: three labels with their keys need the width. */}
        <Stack gap={4}>
          <Text fz="sm" fw={500}>
            {t('cashier.method')}
          </Text>
          <SegmentedControl
            size="md"
            fullWidth
            aria-label={t('cashier.method')}
            value={values.method}
            onChange={(value) => chooseMethod(value as CounterMethod)}
            data={COUNTER_METHODS.map((m) => ({
              value: m,
              label: `${methodLabel(t, m)} (${METHOD_HINT[m]})`,
            }))}
            data-testid="cashier-method"
          />
        </Stack>
        {values.method !== 'cash' && (
          <TextInput
            ref={referenceRef}
            label={t('cashier.reference')}
            description={t('cashier.referenceHint')}
            required
            autoComplete="off"
            {...form.text('reference')}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('cashier.target')}
            value={values.invoiceId}
            onChange={(e) => form.setValue('invoiceId', e.currentTarget.value)}
            disabled={due.invoices.length < 2}
            data={[
              { value: '', label: t('cashier.targetOldest') },
              ...due.invoices.map((i) => ({
                value: String(i.id),
                label: `${i.number} · ${periodText(t, i.period, locale)} · ${rupiahText(i.balance)}`,
              })),
            ]}
          />
          <TextInput label={t('cashier.notes')} autoComplete="off" {...form.text('notes')} />
        </SimpleGrid>
        <PaymentAlert error={form.serverError} />
        <Group justify="space-between" wrap="wrap">
          <Text fz="xs" c="dimmed">
            <Kbd size="xs">Enter</Kbd> {t('cashier.keys.save')} · <Kbd size="xs">F2</Kbd>{' '}
            <Kbd size="xs">F3</Kbd> <Kbd size="xs">F4</Kbd> {t('cashier.keys.method')} ·{' '}
            <Kbd size="xs">Esc</Kbd> {t('cashier.keys.next')}
          </Text>
          <Button type="submit" size="md" loading={record.isPending}>
            {t('cashier.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
