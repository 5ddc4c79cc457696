import { Badge, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { countText } from '../../i18n'
import type { ImportSummary } from './types'

const SHOWN = 50

/** The first customer rows of the file and what the import does with each. */
export function PreviewRows({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation()
  const total = summary.customers.created + summary.customers.existing
  if (summary.preview.length === 0) return null
  return (
    <>
      <Title order={2} fz="h5">
        {t('importWizard.rowsTitle')}
      </Title>
      <Table.ScrollContainer minWidth={560} mah={440}>
        <Table
          striped
          stickyHeader
          verticalSpacing="xs"
          aria-label={t('importWizard.rowsTable')}
          data-testid="import-preview"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t('importWizard.colRow')}</Table.Th>
              <Table.Th w="22%">{t('importWizard.colCode')}</Table.Th>
              <Table.Th>{t('importWizard.colName')}</Table.Th>
              <Table.Th w={140}>{t('importWizard.colOutcome')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {summary.preview.slice(0, SHOWN).map((row) => (
              <Table.Tr key={row.row} data-testid="import-preview-row" data-outcome={row.outcome}>
                <Table.Td ff="monospace">{row.row}</Table.Td>
                <Table.Td ff={row.code ? 'monospace' : undefined}>
                  {row.code ?? (
                    <Text span fz="sm" c="dimmed" fs="italic">
                      {t('importWizard.codeAuto')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{row.name}</Table.Td>
                <Table.Td>
                  <Badge
                    variant="light"
                    color={row.outcome === 'new' ? 'teal' : 'gray'}
                    tt="none"
                    data-testid="import-outcome"
                  >
                    {t(`importWizard.outcome.${row.outcome}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {total > SHOWN && (
        <Text fz="sm" c="dimmed">
          {t('importWizard.moreRows', {
            shown: countText(Math.min(SHOWN, summary.preview.length)),
            total: countText(total),
          })}
        </Text>
      )}
    </>
  )
}
