import { Button, EmptyState, Group, Stack, Table, Text, Tooltip } from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { IconCalendarTime, IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { dateInZone, formatShortDate, formatInstant } from '@shared/dates'
import { errorMessage } from '../../api/errors'
import { trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import { intlLocale } from '../../i18n'
import { useSession } from '../../session/session'
import { NextRuns } from './next-runs'
import { RunProgress } from './run-progress'
import { RunStatusBadge } from './run-status-badge'
import { countsSummary, refreshSchedule, whenText, type JobRow } from './types'

/** The scheduled jobs: when each runs, its last run, pause/resume and "Jalankan sekarang". */
export function JobsTable() {
  const { t } = useTranslation()
  const { can, me } = useSession()
  const manage = can('schedule.manage')
  const locale = intlLocale()
  const tz = me.company.timeZone
  // Runs started from this page, by job, until they are recorded as finished.
  const [started, setStarted] = useState<Record<string, number>>({})
  const jobs = useQuery(
    trpc.schedule.jobs.queryOptions(undefined, {
      refetchInterval: (q) =>
        q.state.data?.some((j) => j.lastRun?.status === 'running') ? 3000 : 30_000,
    }),
  )
  const onError = (error: unknown) =>
    notifications.show({ color: 'red', message: errorMessage(t, error) })
  const pause = useMutation(trpc.schedule.pause.mutationOptions({ onError }))
  const resume = useMutation(trpc.schedule.resume.mutationOptions({ onError }))
  const runNow = useMutation(trpc.schedule.runNow.mutationOptions({ onError }))
  const finished = useCallback(
    (job: string) =>
      setStarted((s) => {
        const next = { ...s }
        delete next[job]
        return next
      }),
    [],
  )

  const name = (job: string) => t(`schedule.jobs.${job}`, { defaultValue: job })

  const confirmPause = (j: JobRow) => {
    const paused = !j.paused
    modals.openConfirmModal({
      title: t(paused ? 'schedule.confirmPauseTitle' : 'schedule.confirmResumeTitle', {
        job: name(j.name),
      }),
      children: (
        <Text fz="sm">{t(paused ? 'schedule.confirmPause' : 'schedule.confirmResume')}</Text>
      ),
      labels: {
        confirm: t(paused ? 'schedule.pause' : 'schedule.resume'),
        cancel: t('common.cancel'),
      },
      confirmProps: { color: paused ? 'orange' : 'teal' },
      onConfirm: () =>
        (paused ? pause : resume).mutate(
          { job: j.name },
          {
            onSuccess: () => {
              notifications.show({
                color: 'teal',
                message: t(paused ? 'schedule.pausedDone' : 'schedule.resumedDone', {
                  job: name(j.name),
                }),
              })
              refreshSchedule()
            },
          },
        ),
    })
  }

  const confirmRun = (j: JobRow) =>
    modals.openConfirmModal({
      title: t('schedule.confirmRunTitle', { job: name(j.name) }),
      children: (
        <Text fz="sm">
          {t('schedule.confirmRun', { date: formatShortDate(dateInZone(new Date(), tz)) })}
        </Text>
      ),
      labels: { confirm: t('schedule.runNow'), cancel: t('common.cancel') },
      onConfirm: () =>
        runNow.mutate(
          { job: j.name },
          {
            onSuccess: ({ runId }) => {
              setStarted((s) => ({ ...s, [j.name]: runId }))
              notifications.show({
                color: 'blue',
                message: t('schedule.started', { job: name(j.name) }),
              })
              refreshSchedule()
            },
          },
        ),
    })

  if (jobs.isPending) return <PageLoader />
  if (jobs.isError) return <QueryError error={jobs.error} onRetry={() => void jobs.refetch()} />
  if (jobs.data.length === 0)
    return (
      <EmptyState icon={<IconCalendarTime size={28} />} title={t('schedule.emptyJobs')} size="sm" />
    )

  return (
    <Table.ScrollContainer minWidth={880}>
      <Table verticalSpacing="sm" data-testid="jobs-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('schedule.col.job')}</Table.Th>
            <Table.Th>{t('schedule.col.schedule')}</Table.Th>
            <Table.Th>{t('schedule.col.next')}</Table.Th>
            <Table.Th>{t('schedule.col.last')}</Table.Th>
            {manage && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {jobs.data.map((j) => {
            const runId = started[j.name]
            const running = runId !== undefined || j.lastRun?.status === 'running'
            return (
              <Table.Tr
                key={j.name}
                data-testid={`job-row-${j.name}`}
                data-paused={j.paused ? 'true' : 'false'}
              >
                <Table.Td maw={320}>
                  <Text fw={600} fz="sm">
                    {name(j.name)}
                  </Text>
                  <Text fz="xs" c="dimmed">
                    {t(`schedule.descriptions.${j.name}`, { defaultValue: '' })}
                  </Text>
                </Table.Td>
                <Table.Td fz="sm">
                  <Stack gap={4} align="flex-start">
                    <span>{whenText(t, j.when)}</span>
                    {j.paused && <RunStatusBadge status="paused" />}
                  </Stack>
                </Table.Td>
                <Table.Td fz="sm">
                  {j.nextRun && !j.paused ? (
                    <NextRuns job={j.name} next={j.nextRun} />
                  ) : (
                    t('common.empty')
                  )}
                </Table.Td>
                <Table.Td fz="sm" maw={360}>
                  {runId !== undefined ? (
                    <RunProgress
                      runId={runId}
                      jobName={name(j.name)}
                      onFinished={() => finished(j.name)}
                    />
                  ) : j.lastRun ? (
                    <Stack gap={2}>
                      <Group gap="xs" wrap="nowrap">
                        <RunStatusBadge status={j.lastRun.status} />
                        <Text fz="xs" c="dimmed">
                          {formatInstant(j.lastRun.startedAt, tz, locale)}
                        </Text>
                      </Group>
                      <Text
                        fz="xs"
                        c={j.lastRun.status === 'failed' ? 'red' : 'dimmed'}
                        lineClamp={2}
                      >
                        {j.lastRun.status === 'failed'
                          ? j.lastRun.error
                          : countsSummary(t, j.lastRun.counts, locale)}
                      </Text>
                    </Stack>
                  ) : (
                    <Text fz="sm" c="dimmed">
                      {t('schedule.neverRun')}
                    </Text>
                  )}
                </Table.Td>
                {manage && (
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap" justify="flex-end">
                      {!j.pausable ? (
                        <Tooltip label={t('schedule.notPausable')}>
                          <span>
                            <Button
                              size="compact-sm"
                              variant="light"
                              leftSection={<IconPlayerPause size={14} />}
                              disabled
                            >
                              {t('schedule.pause')}
                            </Button>
                          </span>
                        </Tooltip>
                      ) : (
                        <Button
                          size="compact-sm"
                          variant="light"
                          color={j.paused ? 'teal' : 'orange'}
                          leftSection={
                            j.paused ? <IconPlayerPlay size={14} /> : <IconPlayerPause size={14} />
                          }
                          onClick={() => confirmPause(j)}
                          data-testid={`toggle-pause-${j.name}`}
                        >
                          {t(j.paused ? 'schedule.resume' : 'schedule.pause')}
                        </Button>
                      )}
                      <Button
                        size="compact-sm"
                        leftSection={<IconPlayerPlay size={14} />}
                        disabled={running}
                        onClick={() => confirmRun(j)}
                        data-testid={`run-now-${j.name}`}
                      >
                        {t('schedule.runNow')}
                      </Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
