import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { RUN_COLOR } from './types'

/** running / done / failed / paused, with room for the whole word in narrow columns. */
export function RunStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation()
  return (
    <Badge color={RUN_COLOR[status] ?? 'gray'} variant="light" tt="none" miw={80}>
      {t(`schedule.status.${status}`, { defaultValue: status })}
    </Badge>
  )
}
