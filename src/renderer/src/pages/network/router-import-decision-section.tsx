import { Group, Stack, Table, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { RouterImportSummary } from './router-import-preview'

type Row = RouterImportSummary['rows'][number]

// A long list shows its first rows; the rest follow the choice for all.
const SHOWN = 200

/**
 * One kind of decision the router import waits for: a title with its hint, the choice for all
 * rows, then a row per login (login, customer, what the kind shows, the row's own choice).
 */
export function DecisionSection({
  testId,
  rowTestId,
  icon,
  title,
  hint,
  forAll,
  notice,
  columns,
  rows,
  cells,
}: {
  testId: string
  rowTestId: string
  icon: ReactNode
  title: string
  hint: string
  forAll: ReactNode
  notice?: ReactNode
  columns: string[]
  rows: Row[]
  cells: (row: Row) => ReactNode
}) {
  const { t } = useTranslation()
  return (
    <Stack gap="xs" data-testid={testId}>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={3} fz="h5">
            {icon} {title}
          </Title>
          <Text fz="sm" c="dimmed" maw={720}>
            {hint}
          </Text>
        </div>
        <Group gap="xs">
          <Text fz="sm">{t('routerImport.decisions.forAll')}</Text>
          {forAll}
        </Group>
      </Group>
      {notice}
      <Table.ScrollContainer minWidth={760}>
        <Table striped withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('routerImport.columns.login')}</Table.Th>
              <Table.Th>{t('routerImport.columns.customer')}</Table.Th>
              {columns.map((c) => (
                <Table.Th key={c}>{c}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.slice(0, SHOWN).map((r) => (
              <Table.Tr key={r.key} data-testid={rowTestId}>
                <Table.Td ff="monospace">{r.name}</Table.Td>
                {cells(r)}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length > SHOWN && (
        <Text fz="sm" c="dimmed">
          {t('routerImport.decisions.moreRows', { count: rows.length - SHOWN })}
        </Text>
      )}
    </Stack>
  )
}

/** "CBG01-0001 · Budi Santoso", or the name alone for a login with no customer code yet. */
export function customerText(row: Row): string {
  return `${row.customerCode ? `${row.customerCode} · ` : ''}${row.customerName}`
}
