import { Badge, Button, EmptyState, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { IconCash, IconFileInvoice, IconPlayerPlay } from '@tabler/icons-react'
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { calendarDate, formatDate } from '@shared/dates'
import { trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import { useSession } from '../../session/session'
import { hasInvoiceFilters, invoiceListInput } from './invoice-params'
import { InvoiceFilters } from './invoice-filters'
import { InvoiceSummary } from './invoice-summary'
import { InvoicesTable } from './invoices-table'
import { RunDialog } from './run-dialog'
import { RunHistory } from './run-history'
import { useInvoiceParams } from './use-invoice-params'
import { ClearFiltersButton } from '../../components/clear-filters-button'

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
        <Stack gap="sm">
          <InvoiceFilters
            filters={filters}
            searchText={list.searchText}
            onSearch={list.setSearchText}
            onChange={list.setFilters}
          />
          {filters.due && (
            <Group>
              <Badge variant="light" size="lg" data-testid="invoice-due-filter">
                {t('billing.list.dueOn', { date: formatDate(calendarDate(filters.due)) })}
              </Badge>
            </Group>
          )}
          <ClearFiltersButton
            shown={filtered}
            label={t('billing.list.clearFilters')}
            onClear={list.clearFilters}
          />
          {first && (
            <InvoiceSummary
              list={first}
              filters={filters}
              onShow={(issue) => list.setFilters({ issue })}
            />
          )}
          {invoices.isPending ? (
            <PageLoader />
          ) : invoices.isError ? (
            <QueryError error={invoices.error} onRetry={() => void invoices.refetch()} />
          ) : rows.length === 0 ? (
            <EmptyState
              icon={<IconFileInvoice size={28} />}
              title={filtered || onlyLater ? t('billing.list.empty') : t('billing.list.none')}
              description={
                onlyLater
                  ? t('billing.list.noneIssuedHint')
                  : filtered
                    ? t('billing.list.emptyHint')
                    : t('billing.list.noneHint')
              }
              size="sm"
              data-testid="invoices-empty"
            />
          ) : (
            <>
              <InvoicesTable rows={rows} totals={totals} />
              <Group justify="space-between">
                <Text fz="sm" c="dimmed">
                  {t('billing.list.shown', { shown: rows.length, count: totals.matched })}
                </Text>
                {invoices.hasNextPage && (
                  <Button
                    variant="default"
                    loading={invoices.isFetchingNextPage}
                    onClick={() => void invoices.fetchNextPage()}
                  >
                    {t('billing.list.loadMore')}
                  </Button>
                )}
              </Group>
            </>
          )}
        </Stack>
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
