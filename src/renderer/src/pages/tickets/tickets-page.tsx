import { Anchor, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core'
import { IconHeadset } from '@tabler/icons-react'
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatInstant } from '@shared/dates'
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketPriority } from '@shared/tickets'
import { trpc } from '../../api/client'
import { ListFooter, ListPage, SearchField } from '../../components/list-page'
import { useUrlFilters } from '../../components/use-url-filters'
import { intlLocale } from '../../i18n'
import { useSession } from '../../session/session'
import { NewTicketModal } from './new-ticket-modal'
import { PriorityBadge, SlaCell, TicketStatusBadge, type TicketListRow } from './ticket-labels'
import {
  hasTicketFilters,
  NO_TICKET_FILTERS,
  parseTicketParams,
  ticketListInput,
  ticketParams,
  type TicketFilters,
} from './ticket-params'

const PAGE_SIZE = 100
const CODEC = { parse: parseTicketParams, write: ticketParams, cleared: NO_TICKET_FILTERS }

/** Tiket: every complaint, newest first, with its SLA clock; filters live in the URL. */
export function TicketsPage() {
  const { t } = useTranslation()
  const { can } = useSession()
  const list = useUrlFilters(CODEC)
  const { filters } = list
  const [creating, setCreating] = useState(false)
  const tickets = useInfiniteQuery(
    trpc.tickets.list.infiniteQueryOptions(ticketListInput(filters, PAGE_SIZE), {
      getNextPageParam: (last, all) =>
        last.length === PAGE_SIZE ? all.length * PAGE_SIZE : undefined,
      initialCursor: 0,
      placeholderData: keepPreviousData,
    }),
  )
  const filtered = hasTicketFilters(filters)
  const rows = tickets.data?.pages.flat() ?? []
  return (
    <Stack gap="md">
      <div>
        <Title order={1} fz="h2">
          {t('tickets.title')}
        </Title>
        <Text c="dimmed" fz="sm">
          {t('tickets.intro')}
        </Text>
      </div>
      <Paper withBorder radius="md" p="md">
        <ListPage
          query={tickets}
          filters={<TicketFilterBar {...list.bar} />}
          clearFilters={list.clearButton(filtered, t('tickets.clearFilters'))}
          add={can('tickets.manage') && { label: t('tickets.new'), onAdd: () => setCreating(true) }}
          empty={() =>
            rows.length > 0
              ? null
              : {
                  icon: <IconHeadset size={28} />,
                  title: filtered ? t('tickets.emptyFiltered') : t('tickets.empty'),
                  description:
                    !filtered && can('tickets.manage') ? t('tickets.emptyHint') : undefined,
                  testId: 'tickets-empty',
                }
          }
        >
          {() => (
            <>
              <TicketsTable rows={rows} />
              <ListFooter
                shown={t('tickets.shown', { count: rows.length })}
                more={
                  tickets.hasNextPage
                    ? {
                        label: t('tickets.more'),
                        loading: tickets.isFetchingNextPage,
                        onMore: () => void tickets.fetchNextPage(),
                      }
                    : null
                }
              />
            </>
          )}
        </ListPage>
      </Paper>
      {creating && <NewTicketModal onClose={() => setCreating(false)} />}
    </Stack>
  )
}

function TicketFilterBar({
  filters,
  searchText,
  onSearch,
  onChange,
}: {
  filters: TicketFilters
  searchText: string
  onSearch: (text: string) => void
  onChange: (patch: Partial<TicketFilters>) => void
}) {
  const { t } = useTranslation()
  const settings = useQuery(trpc.tickets.settings.queryOptions())
  const assignees = useQuery(trpc.tickets.assignees.queryOptions())
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <SearchField
        label={t('tickets.search')}
        placeholder={t('tickets.searchPlaceholder')}
        value={searchText}
        onSearch={onSearch}
        w={270}
      />
      <Select
        label={t('tickets.status')}
        placeholder={t('tickets.allStatuses')}
        clearable
        w={190}
        value={filters.status}
        onChange={(value) => onChange({ status: (value as TicketFilters['status']) ?? null })}
        data={[
          { value: 'open', label: t('tickets.openOnly') },
          ...TICKET_STATUSES.map((s) => ({ value: s, label: t(`tickets.statuses.${s}`) })),
        ]}
      />
      <Select
        label={t('tickets.priority')}
        placeholder={t('tickets.allPriorities')}
        clearable
        w={160}
        value={filters.priority}
        onChange={(value) => onChange({ priority: (value as TicketPriority | null) ?? null })}
        data={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`tickets.priorities.${p}`) }))}
      />
      <Select
        label={t('tickets.category')}
        placeholder={t('tickets.allCategories')}
        clearable
        w={160}
        value={filters.category}
        onChange={(value) => onChange({ category: value ?? null })}
        data={(settings.data?.categories ?? []).map((c) => ({ value: c.key, label: c.label }))}
      />
      <Select
        label={t('tickets.assignee')}
        placeholder={t('tickets.allAssignees')}
        clearable
        searchable
        w={170}
        value={filters.assigneeId ? String(filters.assigneeId) : null}
        onChange={(value) => onChange({ assigneeId: value ? Number(value) : null })}
        data={(assignees.data ?? []).map((a) => ({ value: String(a.id), label: a.name }))}
      />
    </Group>
  )
}

function TicketsTable({ rows }: { rows: TicketListRow[] }) {
  const { t } = useTranslation()
  const { me } = useSession()
  const locale = intlLocale()
  return (
    <Table.ScrollContainer minWidth={1040}>
      <Table striped highlightOnHover verticalSpacing="xs" fz="sm" aria-label={t('tickets.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('tickets.col.number')}</Table.Th>
            <Table.Th>{t('tickets.col.title')}</Table.Th>
            <Table.Th>{t('tickets.col.customer')}</Table.Th>
            <Table.Th>{t('tickets.col.priority')}</Table.Th>
            <Table.Th>{t('tickets.col.status')}</Table.Th>
            <Table.Th>{t('tickets.col.assignee')}</Table.Th>
            <Table.Th>{t('tickets.col.sla')}</Table.Th>
            <Table.Th>{t('tickets.col.created')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id} data-testid="ticket-row" data-number={row.number}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={`/tiket/${row.id}`} fw={600} ff="monospace" fz="sm">
                  {row.number}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text fz="sm" lineClamp={2}>
                  {row.title}
                </Text>
                <Text fz="xs" c="dimmed">
                  {row.categoryLabel}
                  {row.deviceSerial ? ` · SN ${row.deviceSerial}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                {row.customerId ? (
                  <>
                    <Text fz="sm">{row.customerName}</Text>
                    <Text fz="xs" c="dimmed" ff="monospace">
                      {row.customerCode}
                      {row.sid ? ` · ${row.sid}` : ''}
                    </Text>
                  </>
                ) : (
                  <Text fz="sm" c="dimmed">
                    {t('tickets.noCustomer')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <PriorityBadge priority={row.priority} />
              </Table.Td>
              <Table.Td>
                <TicketStatusBadge status={row.status} />
              </Table.Td>
              <Table.Td>
                <Text fz="sm" c={row.assigneeName ? undefined : 'dimmed'}>
                  {row.assigneeName ?? t('tickets.unassigned')}
                </Text>
              </Table.Td>
              <Table.Td>
                <SlaCell row={row} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatInstant(row.createdAt, me.company.timeZone, locale)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
