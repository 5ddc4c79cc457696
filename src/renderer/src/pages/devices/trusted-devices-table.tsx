import { Button, Table, Text } from '@mantine/core'
import { IconShieldCheck } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { DeviceTable } from './device-table'
import { when } from './device-words'
import type { TrustedDeviceRow } from './use-device-actions'

interface Props {
  devices: TrustedDeviceRow[]
  timeZone: string
  onRevoke: (device: TrustedDeviceRow) => void
}

/** Devices that skip the sign-in code until their date ("Ingat perangkat ini 30 hari"). */
export function TrustedDevicesTable({ devices, timeZone, onRevoke }: Props) {
  const { t } = useTranslation()
  return (
    <DeviceTable
      empty={
        devices.length === 0
          ? {
              icon: <IconShieldCheck size={28} />,
              title: t('devices.noTrusted'),
              testId: 'trusted-empty',
            }
          : null
      }
      columns={[t('devices.added'), t('devices.lastUsed'), t('devices.until')]}
    >
      {devices.map((d) => (
        <Table.Tr key={d.id} data-testid="trusted-row">
          <Table.Td>
            <Text size="sm" fw={600}>
              {d.name}
            </Text>
          </Table.Td>
          <Table.Td>{d.ip}</Table.Td>
          <Table.Td>{when(d.createdAt, timeZone)}</Table.Td>
          <Table.Td>{when(d.lastUsedAt, timeZone)}</Table.Td>
          <Table.Td>{when(d.expiresAt, timeZone)}</Table.Td>
          <Table.Td>
            <Button size="compact-sm" variant="subtle" color="red" onClick={() => onRevoke(d)}>
              {t('devices.revoke')}
            </Button>
          </Table.Td>
        </Table.Tr>
      ))}
    </DeviceTable>
  )
}
