import { Button, EmptyState, Group, Table } from '@mantine/core'
import { IconPlus, IconReceipt2 } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import { ActiveBadge } from './active-badge'
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

  if (lists.isPending) return <PageLoader />
  if (lists.isError) return <QueryError error={lists.error} onRetry={() => void lists.refetch()} />
  return (
    <>
      {canManage && (
        <Group justify="flex-end" mb="sm">
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ record: null })}>
            {t('priceLists.add')}
          </Button>
        </Group>
      )}
      {lists.data.length === 0 ? (
        <EmptyState icon={<IconReceipt2 size={28} />} title={t('priceLists.empty')} size="sm" />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover verticalSpacing="sm" data-testid="price-lists-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('priceLists.colName')}</Table.Th>
                <Table.Th>{t('priceLists.colArea')}</Table.Th>
                <Table.Th>{t('priceLists.colItems')}</Table.Th>
                <Table.Th>{t('catalog.colStatus')}</Table.Th>
                {canManage && <Table.Th>{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lists.data.map((l) => (
                <Table.Tr
                  key={l.id}
                  data-testid="price-list-row"
                  c={l.active ? undefined : 'dimmed'}
                >
                  <Table.Td fw={600}>{l.name}</Table.Td>
                  <Table.Td>{appliesTo(l.areaId)}</Table.Td>
                  <Table.Td>{t('priceLists.items', { count: l.items.length })}</Table.Td>
                  <Table.Td>
                    <ActiveBadge active={l.active} />
                  </Table.Td>
                  {canManage && (
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        onClick={() => setEditing({ record: l })}
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
      {editing && <PriceListFormModal list={editing.record} onClose={() => setEditing(null)} />}
    </>
  )
}
