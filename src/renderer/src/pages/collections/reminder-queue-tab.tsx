import {
  Alert,
  Anchor,
  Badge,
  Button,
  EmptyState,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconAlertTriangle, IconSearch, IconSend } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatRupiah } from '@shared/money'
import { formatContact } from '@shared/phone'
import type { ReminderFilter } from '@shared/schemas'
import { queryClient, trpc } from '../../api/client'
import { FigureGrid } from '../../components/figure-grid'
import { PageLoader, QueryError } from '../../components/query-state'
import { useSession, type RouterOutputs } from '../../session/session'
import { Figure } from '../billing/figure'
import { companyToday, recentPeriods } from './periods'
import { QueueConfirm, type QueueOutcome } from './queue-confirm'
import { countText } from '../../i18n'

const PAGE = 500
type View = 'all' | 'send' | 'skip'
const idOrUndefined = (v: string | null) => (v ? Number(v) : undefined)

/** The billing-reminder queue (the CTVMS reminder): filter, see who and why, then queue. */
export function ReminderQueueTab() {
  const { t, i18n } = useTranslation()
  const { me, can } = useSession()
  const [period, setPeriod] = useState<string | null>(null)
  const [status, setStatus] = useState<'unpaid' | 'all'>('unpaid')
  const [areaId, setAreaId] = useState<string | null>(null)
  const [productId, setProductId] = useState<string | null>(null)
  const [search, setSearch] = useState('')
  const [q] = useDebouncedValue(search.trim(), 300)
  const [view, setView] = useState<View>('all')
  const [offset, setOffset] = useState(0)
  const [confirming, setConfirming] = useState(false)
  const [outcome, setOutcome] = useState<QueueOutcome | null>(null)
  const areas = useQuery(trpc.catalog.areas.queryOptions())
  const products = useQuery(trpc.catalog.products.queryOptions())
  const periods = recentPeriods(companyToday(me.company.timeZone), i18n.language)
  const needPeriod = status === 'all' && !period
  const filter: ReminderFilter = {
    status,
    ...(period ? { period } : {}),
    ...(areaId ? { areaId: idOrUndefined(areaId) } : {}),
    ...(productId ? { productId: idOrUndefined(productId) } : {}),
    ...(q ? { q } : {}),
  }
  const preview = useQuery(
    trpc.collections.reminderPreview.queryOptions(
      { ...filter, view, offset },
      { enabled: !needPeriod, placeholderData: keepPreviousData, staleTime: 0 },
    ),
  )
  // Any filter change starts again at the first page and clears the last result.
  const change =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v)
      setOffset(0)
      setOutcome(null)
    }
  const data = preview.data
  const reasons = Object.entries(data?.totals.byReason ?? {}) as [string, number][]

  return (
    <Stack>
      <Text c="dimmed" fz="sm">
        {t('collections.reminders.intro')}
      </Text>
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('collections.reminders.period')}
          placeholder={t('collections.reminders.allPeriods')}
          clearable
          value={period}
          onChange={change(setPeriod)}
          data={periods}
          w={200}
          data-testid="reminder-period"
        />
        <Select
          label={t('collections.reminders.invoices')}
          value={status}
          onChange={change((v: string | null) => setStatus(v === 'all' ? 'all' : 'unpaid'))}
          allowDeselect={false}
          data={[
            { value: 'unpaid', label: t('collections.reminders.unpaid') },
            { value: 'all', label: t('collections.reminders.allOfPeriod') },
          ]}
          w={220}
        />
        <Select
          label={t('collections.reminders.area')}
          placeholder={t('collections.reminders.any')}
          clearable
          value={areaId}
          onChange={change(setAreaId)}
          data={(areas.data ?? []).map((a) => ({
            value: String(a.id),
            label: `${a.code} — ${a.name}`,
          }))}
          w={200}
        />
        <Select
          label={t('collections.reminders.product')}
          placeholder={t('collections.reminders.any')}
          clearable
          value={productId}
          onChange={change(setProductId)}
          data={(products.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
          w={200}
        />
        <TextInput
          label={t('collections.reminders.search')}
          leftSection={<IconSearch size={16} />}
          placeholder={t('collections.reminders.searchPlaceholder')}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value)
            setOffset(0)
            setOutcome(null)
          }}
          w={240}
        />
      </Group>
      {outcome && <QueueResult outcome={outcome} onClose={() => setOutcome(null)} />}
      {needPeriod ? (
        <Alert color="blue">{t('collections.reminders.needPeriod')}</Alert>
      ) : preview.isPending ? (
        <PageLoader />
      ) : preview.isError ? (
        <QueryError error={preview.error} onRetry={() => void preview.refetch()} />
      ) : data!.totals.customers === 0 ? (
        <EmptyState
          icon={<IconSend size={28} />}
          title={t('collections.reminders.empty')}
          description={t('collections.reminders.emptyHint')}
          size="sm"
          data-testid="reminders-empty"
        />
      ) : (
        <>
          {data!.channels.length === 0 && (
            <Alert color="yellow" icon={<IconAlertTriangle size={18} />}>
              {t('collections.reminders.noChannel')}
            </Alert>
          )}
          <FigureGrid>
            <Figure
              label={t('collections.reminders.customers')}
              value={countText(data!.totals.customers)}
              testId="reminders-customers"
            />
            <Figure
              label={t('collections.reminders.willSend')}
              value={countText(data!.totals.send)}
              testId="reminders-send"
            />
            <Figure
              label={t('collections.reminders.skipped')}
              value={countText(data!.totals.skip)}
              testId="reminders-skip"
            />
            <Figure
              label={t('collections.reminders.amount')}
              value={formatRupiah(data!.totals.amount)}
              testId="reminders-amount"
            />
          </FigureGrid>
          {reasons.length > 0 && (
            <Group gap="xs" data-testid="reminders-reasons">
              {reasons.map(([reason, n]) => (
                <Badge key={reason} color="gray" variant="light" tt="none" size="lg">
                  {t(`collections.reason.${reason}`)}: {countText(n)}
                </Badge>
              ))}
            </Group>
          )}
          <Group justify="space-between" wrap="wrap">
            <SegmentedControl
              value={view}
              onChange={change((v: string) => setView(v as View))}
              data={(['all', 'send', 'skip'] as const).map((v) => ({
                value: v,
                label: t(`collections.reminders.view.${v}`, {
                  count:
                    v === 'all'
                      ? data!.totals.customers
                      : v === 'send'
                        ? data!.totals.send
                        : data!.totals.skip,
                }),
              }))}
            />
            {can('collections.manage') && (
              <Button
                leftSection={<IconSend size={16} />}
                disabled={data!.totals.send + data!.totals.skip === 0}
                onClick={() => setConfirming(true)}
                data-testid="reminders-queue"
              >
                {t('collections.reminders.queue', { count: data!.totals.send })}
              </Button>
            )}
          </Group>
          <ReminderTable rows={data!.rows} />
          <Pager total={data!.total} offset={offset} onOffset={setOffset} />
        </>
      )}
      {confirming && data && (
        <QueueConfirm
          filter={filter}
          send={data.totals.send}
          skip={data.totals.skip}
          onClose={() => setConfirming(false)}
          onDone={(result) => {
            setConfirming(false)
            setOutcome(result)
            void queryClient.invalidateQueries(trpc.collections.reminderPreview.queryFilter())
          }}
        />
      )}
    </Stack>
  )
}

type PreviewRow = RouterOutputs['collections']['reminderPreview']['rows'][number]

function ReminderTable({ rows }: { rows: PreviewRow[] }) {
  const { t } = useTranslation()
  return (
    <Table.ScrollContainer minWidth={820} mah={560}>
      <Table striped verticalSpacing={4} fz="sm" stickyHeader data-testid="reminder-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('collections.reminders.colCustomer')}</Table.Th>
            <Table.Th>{t('collections.reminders.colArea')}</Table.Th>
            <Table.Th>{t('collections.reminders.colContact')}</Table.Th>
            <Table.Th>{t('collections.reminders.colPeriods')}</Table.Th>
            <Table.Th ta="right">{t('collections.reminders.colAmount')}</Table.Th>
            <Table.Th>{t('collections.reminders.colWill')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.customerId} data-testid="reminder-row" data-code={r.code}>
              <Table.Td>
                <Anchor component={Link} to={`/customers/${r.customerId}`} fz="sm">
                  {r.code}
                </Anchor>{' '}
                — {r.name}
              </Table.Td>
              <Table.Td>{r.area}</Table.Td>
              <Table.Td>{formatContact(r.recipient || r.phone || r.email || '—')}</Table.Td>
              <Table.Td>{r.periods.join(', ')}</Table.Td>
              <Table.Td ta="right">{formatRupiah(r.amount)}</Table.Td>
              <Table.Td data-testid="reminder-will">
                {r.send ? (
                  <Badge color="teal" variant="light" tt="none">
                    {t('collections.reminders.sendVia', {
                      channel: t(`collections.channel.${r.channel}`),
                    })}
                  </Badge>
                ) : (
                  <Badge color="gray" variant="light" tt="none">
                    {t(`collections.reason.${r.reason}`)}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

function Pager({
  total,
  offset,
  onOffset,
}: {
  total: number
  offset: number
  onOffset: (n: number) => void
}) {
  const { t } = useTranslation()
  if (total <= PAGE) return null
  return (
    <Group justify="space-between">
      <Text fz="sm" c="dimmed">
        {t('collections.reminders.shown', {
          from: offset + 1,
          to: Math.min(total, offset + PAGE),
          count: total,
        })}
      </Text>
      <Group gap="xs">
        <Button
          variant="default"
          size="xs"
          disabled={offset === 0}
          onClick={() => onOffset(Math.max(0, offset - PAGE))}
        >
          {t('collections.reminders.prev')}
        </Button>
        <Button
          variant="default"
          size="xs"
          disabled={offset + PAGE >= total}
          onClick={() => onOffset(offset + PAGE)}
        >
          {t('collections.reminders.next')}
        </Button>
      </Group>
    </Group>
  )
}

function QueueResult({ outcome, onClose }: { outcome: QueueOutcome; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Alert
      color="teal"
      withCloseButton
      onClose={onClose}
      data-testid="reminders-done"
      title={t('collections.reminders.done', { ...outcome })}
    >
      <Stack gap={4}>
        {outcome.duplicates > 0 && (
          <Text fz="sm">
            {t('collections.reminders.doneDuplicates', { count: outcome.duplicates })}
          </Text>
        )}
        <Anchor component={Link} to="/messages?tab=history&kind=reminder" fz="sm">
          {t('collections.reminders.history')}
        </Anchor>
      </Stack>
    </Alert>
  )
}
