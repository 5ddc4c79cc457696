import { Table } from '@mantine/core'
import { IconBuildingBroadcastTower } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { trpc } from '../../api/client'
import { ListPage } from '../../components/list-page'
import { StatusEditCells, StatusEditHeads } from './status-edit-cells'
import { PopFormModal } from './pop-form-modal'
import type { EditDialog, PopRow } from './types'

export function PopsTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation()
  const pops = useQuery(trpc.catalog.pops.queryOptions())
  const areas = useQuery(trpc.catalog.areas.queryOptions())
  const [editing, setEditing] = useState<EditDialog<PopRow>>(null)
  const areaCode = (id: number | null) =>
    (id && areas.data?.find((a) => a.id === id)?.code) || t('common.empty')

  return (
    <>
      <ListPage
        query={pops}
        add={canManage && { label: t('pops.add'), onAdd: () => setEditing({ record: null }) }}
        empty={(rows) =>
          rows.length > 0
            ? null
            : { icon: <IconBuildingBroadcastTower size={28} />, title: t('pops.empty') }
        }
      >
        {(rows) => (
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover verticalSpacing="sm" data-testid="pops-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('pops.colName')}</Table.Th>
                  <Table.Th>{t('pops.colArea')}</Table.Th>
                  <Table.Th>{t('pops.colAddress')}</Table.Th>
                  <Table.Th>{t('pops.colNotes')}</Table.Th>
                  <StatusEditHeads canManage={canManage} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((p) => (
                  <Table.Tr key={p.id} data-testid="pop-row" c={p.active ? undefined : 'dimmed'}>
                    <Table.Td fw={600}>{p.name}</Table.Td>
                    <Table.Td ff="monospace">{areaCode(p.areaId)}</Table.Td>
                    <Table.Td>{p.address || t('common.empty')}</Table.Td>
                    <Table.Td>{p.notes ?? t('common.empty')}</Table.Td>
                    <StatusEditCells
                      active={p.active}
                      canManage={canManage}
                      onEdit={() => setEditing({ record: p })}
                    />
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListPage>
      {editing && <PopFormModal pop={editing.record} onClose={() => setEditing(null)} />}
    </>
  )
}
