import { Button, EmptyState, Group, Table, Text } from '@mantine/core'
import { IconMap2, IconPlus } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import { countText } from '../../i18n'
import { ActiveBadge } from './active-badge'
import { AreaFormModal } from './area-form-modal'
import { formatCode } from '@shared/codes'
import type { AreaRow, EditDialog } from './types'

export function AreasTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation()
  const areas = useQuery(trpc.catalog.areas.queryOptions())
  const [editing, setEditing] = useState<EditDialog<AreaRow>>(null)

  if (areas.isPending) return <PageLoader />
  if (areas.isError) return <QueryError error={areas.error} onRetry={() => void areas.refetch()} />
  return (
    <>
      {canManage && (
        <Group justify="flex-end" mb="sm">
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ record: null })}>
            {t('areas.add')}
          </Button>
        </Group>
      )}
      {areas.data.length === 0 ? (
        <EmptyState icon={<IconMap2 size={28} />} title={t('areas.empty')} size="sm" />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover verticalSpacing="sm" data-testid="areas-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('areas.colCode')}</Table.Th>
                <Table.Th>{t('areas.colName')}</Table.Th>
                <Table.Th>{t('areas.colPattern')}</Table.Th>
                <Table.Th ta="right">{t('areas.colCustomers')}</Table.Th>
                <Table.Th>{t('catalog.colStatus')}</Table.Th>
                {canManage && <Table.Th>{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {areas.data.map((a) => (
                <Table.Tr key={a.id} data-testid="area-row" c={a.active ? undefined : 'dimmed'}>
                  <Table.Td fw={600} ff="monospace">
                    {a.code}
                  </Table.Td>
                  <Table.Td>{a.name}</Table.Td>
                  <Table.Td ff="monospace">
                    {a.codePattern}
                    <Text span c="dimmed" fz="sm">
                      {` → ${formatCode(a.codePattern, { area: a.code, n: 1 })}`}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{countText(a.customers)}</Table.Td>
                  <Table.Td>
                    <ActiveBadge active={a.active} />
                  </Table.Td>
                  {canManage && (
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        onClick={() => setEditing({ record: a })}
                      >
                        {t('common.edit')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && <AreaFormModal area={editing.record} onClose={() => setEditing(null)} />}
    </>
  )
}
