import { Button, Table } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ActiveBadge } from './active-badge'

/** The last column heads of a catalogue table: status, and actions for who may edit. */
export function StatusEditHeads({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation()
  return (
    <>
      <Table.Th>{t('catalog.colStatus')}</Table.Th>
      {canManage && <Table.Th>{t('common.actions')}</Table.Th>}
    </>
  )
}

/** The matching cells: active or not, and "Ubah". */
export function StatusEditCells(props: {
  active: boolean
  canManage: boolean
  onEdit: () => void
}) {
  const { t } = useTranslation()
  return (
    <>
      <Table.Td>
        <ActiveBadge active={props.active} />
      </Table.Td>
      {props.canManage && (
        <Table.Td>
          <Button size="compact-sm" variant="subtle" onClick={props.onEdit}>
            {t('common.edit')}
          </Button>
        </Table.Td>
      )}
    </>
  )
}
