import { Table, Text } from '@mantine/core'
import { IconMap2 } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatCode } from '@shared/codes'
import { trpc } from '../../api/client'
import { ListPage } from '../../components/list-page'
import { countText } from '../../i18n'
import { AreaFormModal } from './area-form-modal'
import { StatusEditCells, StatusEditHeads } from './status-edit-cells'
import type { AreaRow, EditDialog } from './types'

export function AreasTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation()
  const areas = useQuery(trpc.catalog.areas.queryOptions())
  const [editing, setEditing] = useState<EditDialog<AreaRow>>(null)

  return (
    <>
      <ListPage
        query={areas}
        add={canManage && { label: t('areas.add'), onAdd: () => setEditing({ record: null }) }}
        empty={(rows) =>
          rows.length > 0 ? null : { icon: <IconMap2 size={28} />, title: t('areas.empty') }
        }
      >
        {(rows) => (
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover verticalSpacing="sm" data-testid="areas-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('areas.colCode')}</Table.Th>
                  <Table.Th>{t('areas.colName')}</Table.Th>
                  <Table.Th>{t('areas.colPattern')}</Table.Th>
                  <Table.Th ta="right">{t('areas.colCustomers')}</Table.Th>
                  <StatusEditHeads canManage={canManage} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((a) => (
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
                    <StatusEditCells
                      active={a.active}
                      canManage={canManage}
                      onEdit={() => setEditing({ record: a })}
                    />
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListPage>
      {editing && <AreaFormModal area={editing.record} onClose={() => setEditing(null)} />}
    </>
  )
}
