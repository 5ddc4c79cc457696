import { EmptyState, Table } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * The frame of both lists on Perangkat aktif: an empty state in the list's own words, else a
 * table whose first columns are the device and its address and whose last is the action.
 */
export function DeviceTable({
  empty,
  columns,
  children,
}: {
  empty: { icon: ReactNode; title: string; testId: string } | null
  columns: string[]
  children: ReactNode
}) {
  const { t } = useTranslation()
  if (empty) {
    return <EmptyState icon={empty.icon} title={empty.title} size="sm" data-testid={empty.testId} />
  }
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('devices.device')}</Table.Th>
            <Table.Th>{t('devices.address')}</Table.Th>
            {columns.map((c) => (
              <Table.Th key={c}>{c}</Table.Th>
            ))}
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
