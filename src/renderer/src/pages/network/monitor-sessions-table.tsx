import { Anchor, Button, Table, Text } from '@mantine/core'
import { IconPlugConnectedX } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { RouterOutputs } from '../../session/session'
import { formatUptime } from './monitor-format'

export type SessionRow = RouterOutputs['monitor']['sessions'][number]

export function SessionsTable({
  rows,
  kickingId,
  onKick,
}: {
  rows: SessionRow[]
  kickingId: string | null
  /** Absent when the user may not disconnect sessions. */
  onKick?: (row: SessionRow) => void
}) {
  const { t } = useTranslation()
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped highlightOnHover verticalSpacing="xs" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('monitor.online.user')}</Table.Th>
            <Table.Th>{t('monitor.online.customer')}</Table.Th>
            <Table.Th>{t('monitor.online.address')}</Table.Th>
            <Table.Th>{t('monitor.online.uptime')}</Table.Th>
            <Table.Th>{t('monitor.online.callerId')}</Table.Th>
            {onKick && <Table.Th>{t('common.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id} data-testid="session-row" data-name={row.name}>
              <Table.Td fw={600}>{row.name}</Table.Td>
              <Table.Td>
                {row.customerId !== null ? (
                  <Anchor component={Link} to={`/customers/${row.customerId}`} fz="sm">
                    {row.customerCode} · {row.customerName}
                  </Anchor>
                ) : (
                  <Text fz="sm" c="dimmed">
                    {t('monitor.online.unknownCustomer')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ff="monospace">{row.address || t('common.empty')}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatUptime(t, row.uptimeSeconds, row.uptime)}
              </Table.Td>
              <Table.Td ff="monospace">{row.callerId || t('common.empty')}</Table.Td>
              {onKick && (
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    leftSection={<IconPlugConnectedX size={16} />}
                    aria-label={t('monitor.online.kickLabel', { name: row.name })}
                    loading={kickingId === row.id}
                    onClick={() => onKick(row)}
                  >
                    {t('monitor.online.kick')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
