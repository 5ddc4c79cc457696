import { Code, Group, Pagination, Select, Stack, Table, Text, UnstyledButton } from '@mantine/core'
import { IconChevronDown, IconChevronRight, IconHistory } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Fragment, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { formatShortDate, formatInstant, type CalendarDate } from '@shared/dates'
import { whoText } from '@shared/who'
import {
  JOB_NAMES,
  JOB_RUN_STATUSES,
  isJobName,
  type JobName,
  type JobRunStatus,
} from '@shared/schemas'
import { trpc } from '../../api/client'
import { ListPage } from '../../components/list-page'
import { intlLocale } from '../../i18n'
import { useSession } from '../../session/session'
import { RunStatusBadge } from './run-status-badge'
import { countLabel, countsSummary, countValue, type RunRow } from './types'

const PAGE_SIZE = 20

/** Filters live in the URL, so a notification can open "failed runs of isolir". */
function useHistoryParams() {
  const [params, setParams] = useSearchParams()
  const job = params.get('job') ?? ''
  const status = params.get('status') ?? ''
  const page = Number(params.get('page') ?? '1')
  const filters = {
    job: isJobName(job) ? job : null,
    status: (JOB_RUN_STATUSES as readonly string[]).includes(status)
      ? (status as JobRunStatus)
      : null,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  }
  const set = (patch: Partial<typeof filters>) => {
    const next = { ...filters, page: 1, ...patch }
    const out = new URLSearchParams()
    if (next.job) out.set('job', next.job)
    if (next.status) out.set('status', next.status)
    if (next.page > 1) out.set('page', String(next.page))
    setParams(out)
  }
  return { filters, set }
}

function RunDetail({ run }: { run: RunRow }) {
  const { t } = useTranslation()
  const { me } = useSession()
  const locale = intlLocale()
  const counts = Object.entries(run.counts)
  return (
    <Stack gap="xs" py="xs" data-testid="run-detail">
      {counts.length > 0 ? (
        <Table withRowBorders={false} verticalSpacing={2} fz="sm" maw={480}>
          <Table.Tbody>
            {counts.map(([key, value]) => (
              <Table.Tr key={key}>
                <Table.Td c="dimmed">{countLabel(t, key)}</Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {countValue(key, value, locale)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text fz="sm" c="dimmed">
          {t('schedule.nothingDone')}
        </Text>
      )}
      {run.error && (
        <div>
          <Text fz="sm" fw={600} c="red">
            {t('schedule.error')}
          </Text>
          <Code block c="red" data-testid="run-error">
            {run.error}
          </Code>
        </div>
      )}
      <Text fz="xs" c="dimmed">
        {[
          run.username ? t('schedule.by', { name: whoText(t, run.username) }) : null,
          run.finishedAt
            ? t('schedule.finishedAt', {
                time: formatInstant(run.finishedAt, me.company.timeZone, locale),
              })
            : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </Stack>
  )
}

/** Every recorded run, newest first; a row opens to its counts and error. */
export function RunHistory() {
  const { t } = useTranslation()
  const { me } = useSession()
  const locale = intlLocale()
  const { filters, set } = useHistoryParams()
  const [open, setOpen] = useState<number | null>(null)
  const runs = useQuery(
    trpc.schedule.runs.queryOptions(
      { ...filters, pageSize: PAGE_SIZE },
      {
        placeholderData: keepPreviousData,
        refetchInterval: (q) =>
          q.state.data?.rows.some((r) => r.status === 'running') ? 3000 : 30_000,
      },
    ),
  )
  const name = (job: string) => t(`schedule.jobs.${job}`, { defaultValue: job })
  const filtered = filters.job !== null || filters.status !== null

  return (
    <ListPage
      query={runs}
      filters={
        <Group align="flex-end">
          <Select
            label={t('schedule.filterJob')}
            placeholder={t('schedule.allJobs')}
            data={JOB_NAMES.map((j) => ({ value: j, label: name(j) }))}
            value={filters.job}
            onChange={(v) => set({ job: (v as JobName | null) ?? null })}
            clearable
            w={240}
            data-testid="history-job"
          />
          <Select
            label={t('schedule.filterStatus')}
            placeholder={t('schedule.allStatuses')}
            data={JOB_RUN_STATUSES.map((s) => ({ value: s, label: t(`schedule.status.${s}`) }))}
            value={filters.status}
            onChange={(v) => set({ status: (v as JobRunStatus | null) ?? null })}
            clearable
            w={200}
          />
        </Group>
      }
      clearFilters={{
        shown: filtered,
        label: t('schedule.clearFilters'),
        onClear: () => set({ job: null, status: null }),
      }}
      empty={(data) =>
        data.rows.length > 0
          ? null
          : {
              icon: <IconHistory size={28} />,
              title: t(filtered ? 'schedule.emptyFiltered' : 'schedule.emptyHistory'),
            }
      }
    >
      {(data) => (
        <>
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="xs" data-testid="runs-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={32} />
                  <Table.Th>{t('schedule.col.job')}</Table.Th>
                  <Table.Th>{t('schedule.col.started')}</Table.Th>
                  <Table.Th>{t('schedule.col.asOf')}</Table.Th>
                  <Table.Th>{t('schedule.col.trigger')}</Table.Th>
                  <Table.Th>{t('schedule.col.status')}</Table.Th>
                  <Table.Th>{t('schedule.col.result')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.map((r) => {
                  const expanded = open === r.id
                  return (
                    <Fragment key={r.id}>
                      <Table.Tr
                        data-testid="run-row"
                        data-job={r.job}
                        data-status={r.status}
                        style={{ cursor: 'pointer' }}
                        onClick={() => setOpen(expanded ? null : r.id)}
                      >
                        <Table.Td>
                          <UnstyledButton
                            aria-expanded={expanded}
                            aria-label={t('schedule.details')}
                          >
                            {expanded ? (
                              <IconChevronDown size={16} />
                            ) : (
                              <IconChevronRight size={16} />
                            )}
                          </UnstyledButton>
                        </Table.Td>
                        <Table.Td fz="sm" fw={600}>
                          {name(r.job)}
                        </Table.Td>
                        <Table.Td fz="sm">
                          {formatInstant(r.startedAt, me.company.timeZone, locale)}
                        </Table.Td>
                        <Table.Td fz="sm">{formatShortDate(r.asOf as CalendarDate)}</Table.Td>
                        <Table.Td fz="sm">{t(`schedule.trigger.${r.trigger}`)}</Table.Td>
                        <Table.Td>
                          <RunStatusBadge status={r.status} />
                        </Table.Td>
                        <Table.Td fz="sm" maw={380}>
                          <Text fz="sm" lineClamp={1} c={r.status === 'failed' ? 'red' : undefined}>
                            {r.status === 'failed' ? r.error : countsSummary(t, r.counts, locale)}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                      {expanded && (
                        <Table.Tr>
                          <Table.Td />
                          <Table.Td colSpan={6}>
                            <RunDetail run={r} />
                          </Table.Td>
                        </Table.Tr>
                      )}
                    </Fragment>
                  )
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {data.total > PAGE_SIZE && (
            <Group justify="flex-end">
              <Pagination
                total={Math.ceil(data.total / PAGE_SIZE)}
                value={filters.page}
                onChange={(page) => set({ page })}
                aria-label={t('schedule.page')}
              />
            </Group>
          )}
        </>
      )}
    </ListPage>
  )
}
