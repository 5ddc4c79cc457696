import { Alert, Group, List, Stack, Table, Text, Title } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { periodLabel, SKIP_REASONS } from '@shared/billing'
import { formatRupiah } from '@shared/money'
import { countText, intlLocale } from '../../i18n'
import { Figure } from './figure'
import type { RunResult } from './types'
import { FigureGrid } from '../../components/figure-grid'

/** Customers named per skip reason; the rest is a count, the reason is what matters. */
const NAMED_PER_REASON = 5

/** What a dry run found: how many invoices for how much, who is left out and why, a sample. */
export function RunPreview({ result }: { result: RunResult }) {
  const { t } = useTranslation()
  const skippedCount = Object.values(result.skippedByReason).reduce((a, b) => a + (b ?? 0), 0)
  return (
    <Stack gap="md" data-testid="run-preview">
      <Title order={3} fz="h5">
        {t('billing.run.previewTitle', { period: periodLabel(result.period, intlLocale()) })}
      </Title>
      <FigureGrid>
        <Figure
          label={t('billing.run.invoices')}
          value={countText(result.invoices)}
          testId="preview-invoices"
        />
        <Figure
          label={t('billing.run.total')}
          value={formatRupiah(result.total)}
          testId="preview-total"
        />
        <Figure
          label={t('billing.run.skipped')}
          value={countText(skippedCount)}
          testId="preview-skipped"
        />
      </FigureGrid>
      {result.invoices === 0 && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />}>
          {t('billing.run.nothing')}
        </Alert>
      )}
      {skippedCount > 0 && (
        <Stack gap={6}>
          <Text fw={600} fz="sm">
            {t('billing.run.skippedTitle')}
          </Text>
          {SKIP_REASONS.filter((r) => result.skippedByReason[r]).map((reason) => {
            const count = result.skippedByReason[reason] ?? 0
            const named = result.skipped
              .filter((s) => s.reason === reason)
              .slice(0, NAMED_PER_REASON)
            return (
              <div key={reason} data-testid="skip-reason" data-reason={reason}>
                <Group gap={6}>
                  <Text fz="sm" fw={600}>
                    {t(`billing.skipReason.${reason}`)}
                  </Text>
                  <Text fz="sm" c="dimmed">
                    ({countText(count)})
                  </Text>
                </Group>
                <List size="sm" withPadding>
                  {named.map((s) => (
                    <List.Item key={`${s.customer}-${s.service}`}>
                      <Text span ff="monospace" fz="sm">
                        {s.customer}
                      </Text>{' '}
                      {s.service}
                    </List.Item>
                  ))}
                  {count > named.length && (
                    <List.Item>
                      <Text span c="dimmed" fz="sm">
                        {t('billing.run.skippedMore', { count: count - named.length })}
                      </Text>
                    </List.Item>
                  )}
                </List>
              </div>
            )
          })}
        </Stack>
      )}
      {result.sample.length > 0 && (
        <Stack gap={6}>
          <Text fw={600} fz="sm">
            {t('billing.run.sample')}
          </Text>
          <Table fz="sm" verticalSpacing={4} striped>
            <Table.Tbody>
              {result.sample.map((s) => (
                <Table.Tr key={s.customer} data-testid="preview-sample">
                  <Table.Td ff="monospace">{s.customer}</Table.Td>
                  <Table.Td>{s.name}</Table.Td>
                  <Table.Td c="dimmed">{t('billing.run.lines', { count: s.lines })}</Table.Td>
                  <Table.Td ta="right">{formatRupiah(s.total)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Stack>
  )
}
