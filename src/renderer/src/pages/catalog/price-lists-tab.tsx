import { Table } from '@mantine/core'
import { IconReceipt2 } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { trpc } from '../../api/client'
import { ListPage } from '../../components/list-page'
import { StatusEditCells, StatusEditHeads } from './status-edit-cells'
import { PriceListFormModal } from './price-list-form-modal'
import type { EditDialog, PriceListRow } from './types'

export function PriceListsTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation()
  const lists = useQuery(trpc.catalog.priceLists.queryOptions())
  const areas = useQuery(trpc.catalog.areas.queryOptions())
  const [editing, setEditing] = useState<EditDialog<PriceListRow>>(null)
  const appliesTo = (areaId: number | null) => {
    if (!areaId) return t('priceLists.forCustomers')
    const area = areas.data?.find((a) => a.id === areaId)
    return t('priceLists.forArea', { area: area ? `${area.code} — ${area.name}` : `#${areaId}` })
  }

  return (
    <>
      <ListPage
        query={lists}
        add={canManage && { label: t('priceLists.add'), onAdd: () => setEditing({ record: null }) }}
        empty={(rows) =>
          rows.length > 0
            ? null
            : { icon: <IconReceipt2 size={28} />, title: t('priceLists.empty') }
        }
      >
        {(rows) => (
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover verticalSpacing="sm" data-testid="price-lists-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('priceLists.colName')}</Table.Th>
                  <Table.Th>{t('priceLists.colArea')}</Table.Th>
                  <Table.Th>{t('priceLists.colItems')}</Table.Th>
                  <StatusEditHeads canManage={canManage} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((l) => (
                  <Table.Tr
                    key={l.id}
                    data-testid="price-list-row"
                    c={l.active ? undefined : 'dimmed'}
                  >
                    <Table.Td fw={600}>{l.name}</Table.Td>
                    <Table.Td>{appliesTo(l.areaId)}</Table.Td>
                    <Table.Td>{t('priceLists.items', { count: l.items.length })}</Table.Td>
                    <StatusEditCells
                      active={l.active}
                      canManage={canManage}
                      onEdit={() => setEditing({ record: l })}
                    />
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListPage>
      {editing && <PriceListFormModal list={editing.record} onClose={() => setEditing(null)} />}
    </>
  )
}
