import { Modal, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { intlLocale } from '../../i18n'
import { changeRows, fieldLabel, valueText, type AuditEntry } from './audit-format'

/** Before and after of one entry, as "field: old → new" rows an admin can read. */
export function AuditDetailsModal({ entry, onClose }: { entry: AuditEntry; onClose: () => void }) {
  const { t } = useTranslation()
  const rows = changeRows(entry)
  const locale = intlLocale()
  return (
    <Modal opened onClose={onClose} title={t('audit.detailsTitle', { id: entry.id })} size="lg">
      {rows.length === 0 ? (
        <Text c="dimmed">{t('audit.noChanges')}</Text>
      ) : (
        <Table verticalSpacing="xs" data-testid="audit-changes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.field')}</Table.Th>
              <Table.Th>{t('audit.before')}</Table.Th>
              <Table.Th>{t('audit.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Td fw={600}>{fieldLabel(t, row.key)}</Table.Td>
                <Table.Td c="dimmed">{valueText(t, row.key, row.before, locale)}</Table.Td>
                <Table.Td>{valueText(t, row.key, row.after, locale)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Modal>
  )
}
