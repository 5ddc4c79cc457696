import { HoverCard, Loader, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatInstant } from '@shared/dates'
import type { JobName } from '@shared/schemas'
import { trpc } from '../../api/client'
import { intlLocale } from '../../i18n'
import { useSession } from '../../session/session'

/** The next start time; hovering it shows the few after (asked for only when shown). */
export function NextRuns({ job, next }: { job: JobName; next: string }) {
  const { t } = useTranslation()
  const { me } = useSession()
  const [shown, setShown] = useState(false)
  const preview = useQuery({
    ...trpc.schedule.preview.queryOptions({ job, count: 5 }),
    enabled: shown,
  })
  const time = (iso: string) => formatInstant(iso, me.company.timeZone, intlLocale())
  return (
    <HoverCard width={220} shadow="md" onOpen={() => setShown(true)} withinPortal>
      <HoverCard.Target>
        <Text fz="sm" td="underline dotted" style={{ cursor: 'help' }}>
          {time(next)}
        </Text>
      </HoverCard.Target>
      <HoverCard.Dropdown>
        <Text fz="xs" fw={700} mb={4}>
          {t('schedule.nextTimes')}
        </Text>
        {preview.data ? (
          <Stack gap={2}>
            {preview.data.times.map((iso) => (
              <Text key={iso} fz="xs">
                {time(iso)}
              </Text>
            ))}
          </Stack>
        ) : (
          <Loader size="xs" />
        )}
      </HoverCard.Dropdown>
    </HoverCard>
  )
}
