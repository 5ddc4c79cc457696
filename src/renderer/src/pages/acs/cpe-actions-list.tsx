import { Group, Stack, Text } from '@mantine/core'
import { formatInform } from '@shared/acs'
import { useTranslation } from 'react-i18next'
import { useSession } from '../../session/session'
import { CpeOutcomeBadge } from './cpe-outcome'
import type { CpeActionRow } from './types'

/** The customer's latest CPE commands: when, who, what, and how the ACS answered. */
export function CpeActionsList({ actions }: { actions: CpeActionRow[] }) {
  const { t } = useTranslation()
  const { me } = useSession()
  return (
    <Stack gap={6} data-testid="cpe-actions">
      {actions.map((a) => (
        <Stack key={a.id} gap={0}>
          <Group gap="xs" justify="space-between" wrap="nowrap">
            <Text fz="xs" fw={500} truncate>
              {t(`acs.card.action.${a.action}`)}
              {a.ssid ? ` → ${a.ssid}` : ''}
            </Text>
            <CpeOutcomeBadge outcome={a.outcome} />
          </Group>
          <Text fz="xs" c="dimmed" lineClamp={2}>
            {formatInform(a.createdAt, me.company.timeZone)} · {a.username}
            {a.message ? ` · ${a.message}` : ''}
          </Text>
        </Stack>
      ))}
    </Stack>
  )
}
