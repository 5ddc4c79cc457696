import { Group, Loader, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { trpc } from '../../api/client'
import { refreshSchedule } from './types'

/**
 * A run started from this page: polled until it is recorded as done or failed, then the page
 * is told (and refreshed) and the progress goes away.
 */
export function RunProgress(props: { runId: number; jobName: string; onFinished: () => void }) {
  const { t } = useTranslation()
  const { runId, jobName, onFinished } = props
  const run = useQuery(
    trpc.schedule.run.queryOptions(
      { id: runId },
      { refetchInterval: (q) => (q.state.data?.status === 'running' ? 1000 : false) },
    ),
  )
  const status = run.data?.status
  const told = useRef(false)
  useEffect(() => {
    if (!status || status === 'running' || told.current) return
    told.current = true
    notifications.show({
      color: status === 'done' ? 'teal' : 'red',
      message: t(status === 'done' ? 'schedule.finished' : 'schedule.runFailed', { job: jobName }),
    })
    refreshSchedule()
    onFinished()
  }, [status, jobName, onFinished, t])
  return (
    <Group gap={6} wrap="nowrap" data-testid="run-progress">
      <Loader size="xs" />
      <Text fz="sm" c="dimmed">
        {t('schedule.running')}
      </Text>
    </Group>
  )
}
