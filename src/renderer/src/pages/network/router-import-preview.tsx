import { Alert, Badge, Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { countText } from '../../i18n'
import type { RouterOutputs } from '../../session/session'
import { customerText } from './router-import-decision-section'

export type RouterImportSummary = RouterOutputs['routerImport']['preview']
type Row = RouterImportSummary['rows'][number]

const GROUPS = ['new', 'new_service', 'link', 'existing', 'skipped'] as const
/** The cards: the groups, and the rows waiting for the operator's decision. */
const CARDS = ['new', 'new_service', 'link', 'existing', 'conflict', 'skipped'] as const
const COUNT_KEY = {
  new: 'new',
  new_service: 'newService',
  link: 'link',
  existing: 'existing',
  conflict: 'conflict',
  skipped: 'skipped',
} as const
/** A long router: the first rows of each group are enough to judge it. */
const SHOWN = 100

export function RouterImportCounts({ summary }: { summary: RouterImportSummary }) {
  const { t } = useTranslation()
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
      {CARDS.map((g) => (
        <Card key={g} withBorder radius="md" padding="sm" data-testid={`router-import-count-${g}`}>
          <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
            {t(`routerImport.counts.${g}`)}
          </Text>
          <Text fz="xl" fw={700} data-testid={`router-import-${g}`}>
            {countText(summary.counts[COUNT_KEY[g]])}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  )
}

export function NewProducts({ summary }: { summary: RouterImportSummary }) {
  const { t } = useTranslation()
  if (!summary.products.length) return null
  return (
    <Alert
      color="yellow"
      icon={<IconAlertTriangle size={18} />}
      title={t('routerImport.productsTitle')}
      data-testid="router-import-products"
    >
      <Stack gap={4}>
        <Text fz="sm">{t('routerImport.productsWarning')}</Text>
        <Text fz="sm" fw={600}>
          {summary.products
            .map((p) =>
              p.downloadMbps !== null
                ? `${p.name} (${p.downloadMbps}/${p.uploadMbps} Mbps)`
                : p.name,
            )
            .join(', ')}
        </Text>
      </Stack>
    </Alert>
  )
}

function GroupTable({ group, rows }: { group: (typeof GROUPS)[number]; rows: Row[] }) {
  const { t } = useTranslation()
  const skipped = group === 'skipped'
  return (
    <Stack gap="xs" data-testid={`router-import-group-${group}`}>
      <Title order={3} fz="h5">
        {t(`routerImport.groups.${group}`)} ({countText(rows.length)})
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table striped withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('routerImport.columns.login')}</Table.Th>
              <Table.Th>{t('routerImport.columns.kind')}</Table.Th>
              <Table.Th>{t('routerImport.columns.profile')}</Table.Th>
              <Table.Th>{t('routerImport.columns.customer')}</Table.Th>
              <Table.Th>
                {t(skipped ? 'routerImport.columns.reason' : 'routerImport.columns.product')}
              </Table.Th>
              {!skipped && <Table.Th>{t('routerImport.columns.status')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.slice(0, SHOWN).map((r) => (
              <Table.Tr key={`${r.kind}:${r.name}`} data-testid="router-import-row">
                <Table.Td ff="monospace">{r.name}</Table.Td>
                <Table.Td>{t(`routerImport.kinds.${r.kind}`)}</Table.Td>
                <Table.Td>{r.profile}</Table.Td>
                <Table.Td>{customerText(r)}</Table.Td>
                <Table.Td>
                  {skipped ? (
                    t(`routerImport.reasons.${r.reason ?? 'duplicate'}`)
                  ) : (
                    <>
                      {r.productName ?? '—'}{' '}
                      {r.newProduct && (
                        <Badge size="xs" color="yellow" variant="light">
                          {t('routerImport.newProduct')}
                        </Badge>
                      )}
                      {r.packageDiff && (
                        <Badge size="xs" color="orange" variant="light" tt="none">
                          {t('routerImport.decisions.differs')}
                        </Badge>
                      )}
                    </>
                  )}
                </Table.Td>
                {!skipped && <Table.Td>{r.status ? t(`serviceStatus.${r.status}`) : ''}</Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length > SHOWN && (
        <Text fz="sm" c="dimmed">
          {t('routerImport.more', { count: rows.length - SHOWN })}
        </Text>
      )}
    </Stack>
  )
}

/** The preview, grouped by what the import does with each login. */
export function RouterImportGroups({ summary }: { summary: RouterImportSummary }) {
  return (
    <Stack gap="lg">
      {GROUPS.map((g) => {
        const rows = summary.rows.filter((r) => r.outcome === g)
        return rows.length ? <GroupTable key={g} group={g} rows={rows} /> : null
      })}
    </Stack>
  )
}
