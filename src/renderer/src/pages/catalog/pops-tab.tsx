import { Button, EmptyState, Group, Table } from '@mantine/core'
import { IconBuildingBroadcastTower, IconPlus } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import { ActiveBadge } from './active-badge'
import { PopFormModal } from './pop-form-modal'
import type { EditDialog, PopRow } from './types'

export function PopsTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation()
  const pops = useQuery(trpc.catalog.pops.queryOptions())
  const areas = useQuery(trpc.catalog.areas.queryOptions())
  const [editing, setEditing] = useState<EditDialog<PopRow>>(null)
  const areaCode = (id: number | null) =>
    (id && areas.data?.find((a) => a.id === id)?.code) || t('common.empty')

  if (pops.isPending) return <PageLoader />
  if (pops.isError) return <QueryError error={pops.error} onRetry={() => void pops.refetch()} />
  return (
    <>
      {canManage && (
        <Group justify="flex-end" mb="sm">
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ record: null })}>
            {t('pops.add')}
          </Button>
        </Group>
      )}
      {pops.data.length === 0 ? (
        <EmptyState
          icon={<IconBuildingBroadcastTower size={28} />}
          title={t('pops.empty')}
          size="sm"
        />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover verticalSpacing="sm" data-testid="pops-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('pops.colName')}</Table.Th>
                <Table.Th>{t('pops.colArea')}</Table.Th>
                <Table.Th>{t('pops.colAddress')}</Table.Th>
                <Table.Th>{t('pops.colNotes')}</Table.Th>
                <Table.Th>{t('catalog.colStatus')}</Table.Th>
                {canManage && <Table.Th>{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pops.data.map((p) => (
                <Table.Tr key={p.id} data-testid="pop-row" c={p.active ? undefined : 'dimmed'}>
                  <Table.Td fw={600}>{p.name}</Table.Td>
                  <Table.Td ff="monospace">{areaCode(p.areaId)}</Table.Td>
                  <Table.Td>{p.address || t('common.empty')}</Table.Td>
                  <Table.Td>{p.notes ?? t('common.empty')}</Table.Td>
                  <Table.Td>
                    <ActiveBadge active={p.active} />
                  </Table.Td>
                  {canManage && (
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        onClick={() => setEditing({ record: p })}
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
      {editing && <PopFormModal pop={editing.record} onClose={() => setEditing(null)} />}
    </>
  )
}
