import { Grid, Paper, Stack, Title } from '@mantine/core'
import { useWindowEvent } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import type { ReceiptPaperSize } from '@shared/billing'
import { queryClient, trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import { useSession } from '../../session/session'
import { CustomerSearch } from './customer-search'
import { DuePanel } from './due-panel'
import { PaymentForm } from './payment-form'
import { companyToday } from './payment-text'
import { ReceiptPanel } from './receipt-panel'
import { TodayPayments } from './today-payments'
import type { Receipt } from './types'

function customerParam(text: string | null): number | null {
  if (!text || !/^\d+$/.test(text)) return null
  const id = Number(text)
  return Number.isSafeInteger(id) && id > 0 ? id : null
}

/**
 * The counter: find the customer, see what they owe, take the money, print the receipt, next.
 * The picked customer lives in the URL (`?customer=`), so the invoice page can link here.
 */
export function CashierPage() {
  const { t } = useTranslation()
  const { me, can } = useSession()
  const [params, setParams] = useSearchParams()
  const urlCustomer = customerParam(params.get('customer'))
  // The counter's own state decides what is shown; the URL only follows it (and preselects).
  // Router updates arrive in a transition, so reading the customer from the URL alone would
  // briefly show the old customer's form after "next" and pull focus into it.
  const [customerId, setCustomerId] = useState(urlCustomer)
  const [seenUrlCustomer, setSeenUrlCustomer] = useState(urlCustomer)
  const [receipt, setReceipt] = useState<Receipt | null>(null)
  if (urlCustomer !== seenUrlCustomer) {
    setSeenUrlCustomer(urlCustomer)
    // A link (the invoice page) asked for another customer while this page was open.
    if (urlCustomer !== null && urlCustomer !== customerId) {
      setCustomerId(urlCustomer)
      setReceipt(null)
    }
  }
  const [chosenPaper, setChosenPaper] = useState<ReceiptPaperSize | null>(null)
  const searchRef = useRef<HTMLInputElement>(null)
  const amountRef = useRef<HTMLInputElement>(null)
  const today = companyToday(me.company.timeZone)

  // The default paper is a billing setting; a cashier who may not read settings gets the
  // server's choice (no paper sent) until they pick one.
  const settings = useQuery(
    trpc.billing.settings.queryOptions(undefined, {
      enabled: can('billing.view') || can('company.view'),
    }),
  )
  const paper = chosenPaper ?? settings.data?.receiptPaper ?? null

  const due = useQuery(
    trpc.payments.due.queryOptions(
      { customerId: customerId ?? 0 },
      // Always fresh: another cashier may have taken this customer's money a minute ago.
      { enabled: customerId !== null && receipt === null, staleTime: 0 },
    ),
  )

  useEffect(() => {
    if (customerId === null) searchRef.current?.focus()
  }, [customerId])

  const pick = (id: number) => {
    setReceipt(null)
    setCustomerId(id)
    setParams({ customer: String(id) }, { replace: true })
  }

  const next = () => {
    setReceipt(null)
    setCustomerId(null)
    setParams({}, { replace: true })
    // Focused after the render that brings the empty search back.
    setTimeout(() => searchRef.current?.focus(), 0)
  }

  const recorded = (r: Receipt) => {
    setReceipt(r)
    // Dropped, not just marked stale: picking this customer again must not prefill old totals.
    queryClient.removeQueries(trpc.payments.due.queryFilter({ customerId: r.customer.id }))
    // What this payment changed: the due list, today's payments, the cash day, the invoices.
    void queryClient.invalidateQueries(trpc.payments.pathFilter())
    void queryClient.invalidateQueries(trpc.billing.pathFilter())
  }

  useWindowEvent('keydown', (e) => {
    // Escape anywhere on the counter starts over, unless a field used it (e.g. clearing search).
    if (e.key !== 'Escape' || e.defaultPrevented) return
    if (customerId === null && receipt === null) {
      searchRef.current?.focus()
      return
    }
    e.preventDefault()
    next()
  })

  return (
    <Stack gap="lg">
      <Title order={1} fz="h2">
        {t('cashier.title')}
      </Title>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Paper withBorder radius="md" p="md">
              <CustomerSearch inputRef={searchRef} onPick={pick} />
            </Paper>
            {receipt ? (
              <Paper withBorder radius="md" p="md">
                <ReceiptPanel
                  receipt={receipt}
                  paper={paper}
                  onPaperChange={setChosenPaper}
                  onNext={next}
                />
              </Paper>
            ) : customerId !== null ? (
              <Paper withBorder radius="md" p="md">
                {due.isPending ? (
                  <PageLoader />
                ) : due.isError ? (
                  <QueryError error={due.error} onRetry={() => void due.refetch()} />
                ) : (
                  <Stack gap="md">
                    <DuePanel due={due.data} today={today} />
                    {/* Keyed by customer: a new customer starts a new form and attempt. */}
                    <PaymentForm
                      key={customerId}
                      due={due.data}
                      amountRef={amountRef}
                      onRecorded={recorded}
                    />
                  </Stack>
                )}
              </Paper>
            ) : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <TodayPayments userId={me.user.id} today={today} />
        </Grid.Col>
      </Grid>
    </Stack>
  )
}
