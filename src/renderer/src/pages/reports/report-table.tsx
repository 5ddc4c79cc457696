import { Alert, Table, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { formatRupiah } from '@shared/money'
import { formatNumber } from '@shared/numbers'
import { countText, intlLocale } from '../../i18n'

/** Beyond this many rows the page shows the first ones and points to the Excel file. */
export const MAX_ROWS = 500

/** What a report column needs at least: a bucket's label or a rupiah amount, unwrapped. */
const COLUMN_MIN_WIDTH = 120

export interface ReportColumn<R> {
  key: string
  label: string
  /** Money and numbers are right-aligned; money as rupiah. */
  kind?: 'money' | 'number' | 'text'
  value: (row: R) => ReactNode
}

export function formatCell(value: ReactNode, kind: ReportColumn<unknown>['kind']): ReactNode {
  if (typeof value !== 'number') return value
  return kind === 'money' ? formatRupiah(value) : formatNumber(value, intlLocale())
}

/** A report's rows with a bold totals row; a row with `onOpen` opens on click and Enter. */
export function ReportTable<R>({
  columns,
  rows,
  rowKey,
  totals,
  onOpen,
  openLabel,
  testId,
}: {
  columns: ReportColumn<R>[]
  rows: R[]
  rowKey: (row: R, index: number) => string | number
  totals: Record<string, ReactNode>
  onOpen?: (row: R) => void
  openLabel?: (row: R) => string
  testId?: string
}) {
  const { t } = useTranslation()
  const shown = rows.slice(0, MAX_ROWS)
  const align = (kind: ReportColumn<R>['kind']) =>
    kind === 'money' || kind === 'number' ? 'right' : 'left'
  return (
    <>
      {rows.length > MAX_ROWS && (
        <Alert color="blue" variant="light">
          {t('reports.truncated', {
            shown: countText(MAX_ROWS),
            total: countText(rows.length),
          })}
        </Alert>
      )}
      {/* Room for each column; a three-column summary fits half a card, the aging table scrolls. */}
      <Table.ScrollContainer minWidth={columns.length * COLUMN_MIN_WIDTH}>
        <Table striped highlightOnHover={!!onOpen} data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c.key} ta={align(c.kind)} style={{ whiteSpace: 'nowrap' }}>
                  {c.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((row, i) => (
              <Table.Tr
                key={rowKey(row, i)}
                style={onOpen ? { cursor: 'pointer' } : undefined}
                tabIndex={onOpen ? 0 : undefined}
                aria-label={openLabel?.(row)}
                onClick={onOpen ? () => onOpen(row) : undefined}
                onKeyDown={
                  onOpen
                    ? (e) => {
                        if (e.key === 'Enter') onOpen(row)
                      }
                    : undefined
                }
              >
                {columns.map((c) => (
                  <Table.Td
                    key={c.key}
                    ta={align(c.kind)}
                    style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
                  >
                    {formatCell(c.value(row), c.kind)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr data-testid={testId ? `${testId}-totals` : undefined}>
              {columns.map((c, i) => (
                <Table.Th key={c.key} ta={align(c.kind)} style={{ whiteSpace: 'nowrap' }}>
                  {i === 0 && totals[c.key] === undefined ? (
                    <Text fw={700} span>
                      {t('reports.total')}
                    </Text>
                  ) : (
                    formatCell(totals[c.key] ?? null, c.kind)
                  )}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </>
  )
}
