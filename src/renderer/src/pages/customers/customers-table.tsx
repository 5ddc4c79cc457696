import { Anchor, Box, Skeleton, Table, Text, UnstyledButton } from '@mantine/core'
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react'
import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useNavigate } from 'react-router'
import { formatPhone } from '@shared/phone'
import { QueryError } from '../../components/query-state'
import { effectiveSort, type CustomerSort, type ListFilters } from './list-params'
import { StatusBadge } from './status-badge'
import type { CustomerListRow } from './types'
import { useRowPages, type useFirstPage } from './use-customer-pages'

export const ROW_HEIGHT = 44

const COLUMNS: { key: string; sort: CustomerSort | null; width: string }[] = [
  { key: 'colCode', sort: 'code', width: '14%' },
  { key: 'colName', sort: 'name', width: '24%' },
  { key: 'colPhone', sort: null, width: '15%' },
  { key: 'colArea', sort: 'area', width: '10%' },
  { key: 'colProducts', sort: null, width: '24%' },
  { key: 'colStatus', sort: 'status', width: '13%' },
]

const cell = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } as const

function SortHeader({
  label,
  sort,
  filters,
  onSort,
}: {
  label: string
  sort: CustomerSort
  filters: ListFilters
  onSort: (sort: CustomerSort) => void
}) {
  const active = effectiveSort(filters) === sort
  const Icon = !active ? IconArrowsSort : filters.dir === 'asc' ? IconArrowUp : IconArrowDown
  return (
    <UnstyledButton onClick={() => onSort(sort)} fw={700} fz="sm" display="inline-flex">
      {label}
      <Icon size={14} style={{ marginLeft: 4, opacity: active ? 1 : 0.4 }} aria-hidden />
    </UnstyledButton>
  )
}

/** Memoised: while scrolling, only rows that come into view render; the others are reused. */
const Row = memo(function Row({
  row,
  index,
  list,
}: {
  row: CustomerListRow
  index: number
  list: string
}) {
  const navigate = useNavigate()
  const { t } = useTranslation()
  const to = `/customers/${row.id}`
  // The customer page's "back" link returns to this list with its filters.
  const state = { list }
  return (
    <Table.Tr
      data-testid="customer-row"
      data-code={row.code}
      aria-rowindex={index + 2}
      h={ROW_HEIGHT}
      style={{ cursor: 'pointer' }}
      onClick={() => void navigate(to, { state })}
    >
      <Table.Td style={cell}>
        {/* A real link too: keyboard users tab to it, and it opens in a new tab. */}
        <Anchor
          component={Link}
          to={to}
          state={state}
          fw={600}
          fz="sm"
          onClick={(e) => e.stopPropagation()}
        >
          {row.code}
        </Anchor>
      </Table.Td>
      <Table.Td style={cell} title={row.name}>
        {row.name}
      </Table.Td>
      <Table.Td style={cell}>{row.phone ? formatPhone(row.phone) : t('common.empty')}</Table.Td>
      <Table.Td style={cell}>{row.areaCode}</Table.Td>
      <Table.Td style={cell} title={row.products ?? undefined}>
        {row.products ?? (
          <Text span c="dimmed" fz="sm">
            {t('common.empty')}
          </Text>
        )}
      </Table.Td>
      <Table.Td style={cell}>
        <StatusBadge status={row.status} />
      </Table.Td>
    </Table.Tr>
  )
})

function PlaceholderRow({ index }: { index: number }) {
  return (
    <Table.Tr h={ROW_HEIGHT} aria-rowindex={index + 2} aria-busy="true">
      {COLUMNS.map((column) => (
        <Table.Td key={column.key}>
          <Skeleton h={12} radius="sm" />
        </Table.Td>
      ))}
    </Table.Tr>
  )
}

/**
 * Only the rows in view (plus a few) are in the DOM: two spacer rows stand in for the rest, so
 * the scrollbar is true to 50,000 rows while the table keeps its normal column layout.
 */
export function CustomersTable({
  filters,
  first,
  onSort,
}: {
  filters: ListFilters
  first: ReturnType<typeof useFirstPage>
  onSort: (sort: CustomerSort) => void
}) {
  const { t } = useTranslation()
  const { search } = useLocation()
  const scrollRef = useRef<HTMLDivElement>(null)
  const total = first.data?.total ?? 0
  // eslint-disable-next-line react-hooks/incompatible-library -- this app is not compiled by the React Compiler
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  })
  const items = virtualizer.getVirtualItems()
  const visible = { start: items[0]?.index ?? 0, end: items[items.length - 1]?.index ?? 0 }
  const pages = useRowPages(filters, first, visible)
  const filterKey = JSON.stringify(filters)

  // A new search or sort starts at the top.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 })
  }, [filterKey])

  const top = items[0]?.start ?? 0
  const bottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0)
  const ariaSort = (sort: CustomerSort | null) =>
    sort && effectiveSort(filters) === sort
      ? filters.dir === 'asc'
        ? 'ascending'
        : 'descending'
      : undefined

  return (
    <>
      {pages.error && <QueryError error={pages.error} onRetry={pages.retry} />}
      <Box
        ref={scrollRef}
        data-testid="customers-scroll"
        style={{
          flex: 1,
          minHeight: 320,
          overflow: 'auto',
          opacity: first.isPlaceholderData ? 0.6 : 1,
        }}
      >
        <Table
          stickyHeader
          layout="fixed"
          miw={880}
          highlightOnHover
          verticalSpacing={0}
          aria-label={t('customers.tableLabel')}
          aria-rowcount={total + 1}
        >
          <colgroup>
            {COLUMNS.map((column) => (
              <col key={column.key} style={{ width: column.width }} />
            ))}
          </colgroup>
          <Table.Thead>
            <Table.Tr h={ROW_HEIGHT}>
              {COLUMNS.map((column) => (
                <Table.Th key={column.key} aria-sort={ariaSort(column.sort)}>
                  {column.sort ? (
                    <SortHeader
                      label={t(`customers.${column.key}`)}
                      sort={column.sort}
                      filters={filters}
                      onSort={onSort}
                    />
                  ) : (
                    t(`customers.${column.key}`)
                  )}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {top > 0 && <tr aria-hidden style={{ height: top }} />}
            {items.map((item) => {
              const row = pages.rowAt(item.index)
              return row ? (
                <Row key={row.id} row={row} index={item.index} list={search} />
              ) : (
                <PlaceholderRow key={`p${item.index}`} index={item.index} />
              )
            })}
            {bottom > 0 && <tr aria-hidden style={{ height: bottom }} />}
          </Table.Tbody>
        </Table>
      </Box>
    </>
  )
}
