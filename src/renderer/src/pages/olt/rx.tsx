import { Badge, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { RxLevel } from '@shared/schemas'

/** Green at or above −25 dBm, orange down to the company's weak line, red below it. */
export const RX_COLOR: Record<RxLevel, string> = {
  good: 'teal.8',
  fair: 'orange.8',
  weak: 'red.8',
  none: 'dimmed',
}

export function RxText({ dbm, level }: { dbm: number | null; level: RxLevel }) {
  const { t } = useTranslation()
  return (
    <Text
      span
      fz="sm"
      fw={600}
      c={RX_COLOR[level]}
      data-testid="onu-rx"
      data-level={level}
      ff="monospace"
      style={{ whiteSpace: 'nowrap' }}
    >
      {dbm === null ? t('olt.noRx') : `${dbm.toFixed(2)} dBm`}
    </Text>
  )
}

const STATUS_COLOR: Record<string, string> = {
  online: 'teal',
  offline: 'gray',
  los: 'red',
  dying_gasp: 'orange',
  auth_failed: 'red',
}

export function OnuStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation()
  return (
    <Badge
      color={STATUS_COLOR[status] ?? 'gray'}
      variant="light"
      tt="none"
      data-testid="onu-status"
    >
      {t(`olt.statuses.${status}`, { defaultValue: status })}
    </Badge>
  )
}
