import { Badge, Button, EmptyState, Group, Table, Text } from '@mantine/core'
import { IconDevices } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
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
  if (sessions.length === 0) {
    return (
      <EmptyState
        icon={<IconDevices size={28} />}
        title={t('devices.noSessions')}
        size="sm"
        data-testid="sessions-empty"
      />
    )
  }
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('devices.device')}</Table.Th>
            <Table.Th>{t('devices.address')}</Table.Th>
            <Table.Th>{t('devices.started')}</Table.Th>
            <Table.Th>{t('devices.lastSeen')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
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
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
