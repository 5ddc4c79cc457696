import { Badge, Button, Group, Table, Text } from '@mantine/core'
import { IconDevices } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { DeviceTable } from './device-table'
import { deviceLabel, when } from './device-words'
import type { SessionRow } from './use-device-actions'

interface Props {
  sessions: SessionRow[]
  timeZone: string
  onEnd: (session: SessionRow) => void
}

/** Live sessions: this device first (marked, not endable here: that is "Keluar"). */
export function SessionsTable({ sessions, timeZone, onEnd }: Props) {
  const { t } = useTranslation()
  return (
    <DeviceTable
      empty={
        sessions.length === 0
          ? {
              icon: <IconDevices size={28} />,
              title: t('devices.noSessions'),
              testId: 'sessions-empty',
            }
          : null
      }
      columns={[t('devices.started'), t('devices.lastSeen')]}
    >
      {sessions.map((s) => (
        <Table.Tr key={s.id} data-testid="session-row" data-current={s.current || undefined}>
          <Table.Td>
            <Group gap={6} wrap="nowrap">
              <Text size="sm" fw={600}>
                {deviceLabel(t, s.userAgent)}
              </Text>
              {s.current && (
                <Badge size="sm" variant="light" color="teal">
                  {t('devices.thisDevice')}
                </Badge>
              )}
            </Group>
          </Table.Td>
          <Table.Td>{s.ip}</Table.Td>
          <Table.Td>{when(s.createdAt, timeZone)}</Table.Td>
          <Table.Td>{when(s.lastSeenAt, timeZone)}</Table.Td>
          <Table.Td>
            {!s.current && (
              <Button size="compact-sm" variant="subtle" color="red" onClick={() => onEnd(s)}>
                {t('devices.end')}
              </Button>
            )}
          </Table.Td>
        </Table.Tr>
      ))}
    </DeviceTable>
  )
}
