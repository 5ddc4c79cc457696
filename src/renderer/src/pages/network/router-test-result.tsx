import { Alert, Text } from '@mantine/core'
import { IconCircleCheck } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { RouterOutputs } from '../../session/session'

type Probe = RouterOutputs['network']['testRouter']

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`

export function uptimeText(seconds: number): string {
  const d = Math.floor(seconds / 86400)
  const h = Math.floor((seconds % 86400) / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  return d > 0 ? `${d}d ${h}h` : `${h}h ${m}m`
}

/** What "test connection" saw: identity, version, board, uptime, CPU and memory. */
export function RouterTestResult({ probe }: { probe: Probe }) {
  const { t } = useTranslation()
  return (
    <Alert
      color="teal"
      icon={<IconCircleCheck size={18} />}
      title={t('routers.testOk', { identity: probe.identity })}
      data-testid="router-test-ok"
    >
      <Text fz="sm">
        {t('routers.testDetail', {
          version: probe.version,
          board: probe.board,
          uptime: uptimeText(probe.uptimeSeconds),
          cpu: probe.cpuLoad,
          free: mb(probe.freeMemory),
          total: mb(probe.totalMemory),
        })}
      </Text>
    </Alert>
  )
}
