import { Badge, type MantineColor } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ServiceStatus } from '@shared/catalog'

/** One colour per step: new connections in cool tones, paying green, problems warm, ended red. */
export const STATUS_COLORS: Record<ServiceStatus, MantineColor> = {
  registrasi: 'gray',
  survei: 'cyan',
  instalasi: 'blue',
  in_progress: 'indigo',
  aktif: 'green',
  isolir: 'orange',
  putus: 'red',
}

export function StatusBadge({ status, size = 'sm' }: { status: string; size?: 'sm' | 'md' }) {
  const { t } = useTranslation()
  const color = STATUS_COLORS[status as ServiceStatus] ?? 'gray'
  return (
    <Badge
      color={color}
      variant="light"
      size={size}
      tt="none"
      data-testid="status-chip"
      data-status={status}
    >
      {t(`serviceStatus.${status}`, { defaultValue: status })}
    </Badge>
  )
}
