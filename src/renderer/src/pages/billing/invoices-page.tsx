import { Badge, Button, Group, Paper, Stack, Title } from '@mantine/core'
import { IconCash, IconFileInvoice, IconPlayerPlay } from '@tabler/icons-react'
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { calendarDate, formatShortDate } from '@shared/dates'
import { trpc } from '../../api/client'
import { ListFooter, ListPage } from '../../components/list-page'
import { useSession } from '../../session/session'
import { hasInvoiceFilters, invoiceListInput } from './invoice-params'
import { InvoiceFilters } from './invoice-filters'
import { InvoiceSummary } from './invoice-summary'
import { InvoicesTable } from './invoices-table'
import { RunDialog } from './run-dialog'
import { RunHistory } from './run-history'
import { useInvoiceParams } from './use-invoice-params'

const PAGE_SIZE = 100

export function InvoicesPage() {
  const { t } = useTranslation()
  const { can } = useSession()
  const list = useInvoiceParams()
  const { filters } = list
  const [running, setRunning] = useState(false)
  const invoices = useInfiniteQuery(
    trpc.billing.invoices.infiniteQueryOptions(invoiceListInput(filters, PAGE_SIZE), {
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      // A new filter keeps the old rows on screen until its answer arrives.
      placeholderData: keepPreviousData,
    }),
  )
  const filtered = hasInvoiceFilters(filters)
  const pages = invoices.data?.pages ?? []
  const rows = pages.flatMap((p) => p.rows)
  // Every page carries the same totals of what matched; the first one is enough.
  const first = pages[0]
  const totals = first ?? { count: 0, total: 0, paid: 0, matched: 0 }
  // Nothing issued yet, but a run dated invoices later this month: not "no invoices at all".
  const onlyLater = !filtered && (first?.upcoming.count ?? 0) > 0

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Title order={1} fz="h2">
          {t('billing.title')}
        </Title>
        <Group gap="xs">
          <Button
            component={Link}
            to="/payments"
            variant="default"
            leftSection={<IconCash size={18} />}
          >
            {t('billing.list.payments')}
          </Button>
          {can('billing.run') && (
            <Button leftSection={<IconPlayerPlay size={18} />} onClick={() => setRunning(true)}>
              {t('billing.list.run')}
            </Button>
          )}
        </Group>
      </Group>
      <Paper withBorder radius="md" p="md">
        <ListPage
          query={invoices}
          filters={
            <>
              <InvoiceFilters {...list.bar} />
              {filters.due && (
                <Group>
                  <Badge variant="light" size="lg" data-testid="invoice-due-filter">
                    {t('billing.list.dueOn', { date: formatShortDate(calendarDate(filters.due)) })}
                  </Badge>
                </Group>
              )}
            </>
          }
          clearFilters={list.clearButton(filtered, t('billing.list.clearFilters'))}
          toolbar={
            first && (
              <InvoiceSummary
                list={first}
                filters={filters}
                onShow={(issue) => list.setFilters({ issue })}
              />
            )
          }
          empty={() =>
            rows.length > 0
              ? null
              : {
                  icon: <IconFileInvoice size={28} />,
                  title: filtered || onlyLater ? t('billing.list.empty') : t('billing.list.none'),
                  description: onlyLater
                    ? t('billing.list.noneIssuedHint')
                    : filtered
                      ? t('billing.list.emptyHint')
                      : t('billing.list.noneHint'),
                  testId: 'invoices-empty',
                }
          }
        >
          {() => (
            <>
              <InvoicesTable rows={rows} totals={totals} />
              <ListFooter
                shown={t('billing.list.shown', { shown: rows.length, count: totals.matched })}
                more={
                  invoices.hasNextPage
                    ? {
                        label: t('billing.list.loadMore'),
                        loading: invoices.isFetchingNextPage,
                        onMore: () => void invoices.fetchNextPage(),
                      }
                    : null
                }
              />
            </>
          )}
        </ListPage>
      </Paper>
      <RunHistory />
      {running && (
        <RunDialog
          onClose={() => setRunning(false)}
          onShowPeriod={(period) => {
            setRunning(false)
            list.setFilters({ period })
          }}
        />
      )}
    </Stack>
  )
}
