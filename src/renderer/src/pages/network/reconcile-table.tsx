import { Badge, Button, Group, Table, Text } from '@mantine/core'
import { IconArrowBackUp, IconRouter } from '@tabler/icons-react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { RouterOutputs } from '../../session/session'

export type ReconcileReport = RouterOutputs['reconcile']['compare']
export type Difference = ReconcileReport['differences'][number]

const FLAG_WORDS = new Set(['enabled', 'disabled', 'listed', 'not_listed', 'no_limit'])

/** A side's value: a profile as the router names it, or a flag word translated. */
export function sideValue(t: TFunction, value: string | null): string {
  if (value === null) return t('reconcile.values.none')
  return FLAG_WORDS.has(value) ? t(`reconcile.values.${value}`) : value
}

export function ReconcileTable({
  differences,
  canFix,
  busyKey,
  onFix,
}: {
  differences: Difference[]
  canFix: boolean
  busyKey: string | null
  onFix: (d: Difference, direction: 'to_router' | 'to_loket') => void
}) {
  const { t } = useTranslation()
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped withTableBorder fz="sm" data-testid="reconcile-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reconcile.columns.kind')}</Table.Th>
            <Table.Th>{t('reconcile.columns.customer')}</Table.Th>
            <Table.Th>{t('reconcile.columns.login')}</Table.Th>
            <Table.Th>{t('reconcile.columns.loket')}</Table.Th>
            <Table.Th>{t('reconcile.columns.router')}</Table.Th>
            {canFix && <Table.Th>{t('reconcile.columns.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {differences.map((d) => (
            <Table.Tr key={d.key} data-testid="reconcile-row" data-kind={d.kind}>
              <Table.Td>
                <Badge variant="light" color={d.kind === 'orphan_secret' ? 'gray' : 'orange'}>
                  {t(`reconcile.kinds.${d.kind}`)}
                </Badge>
                {d.jobError && (
                  <Text fz="xs" c="red">
                    {t('reconcile.jobFailed', { error: d.jobError })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {d.customerCode ? `${d.customerCode} · ` : ''}
                {d.customerName ??
                  (d.productName ? t('reconcile.package', { name: d.productName }) : '—')}
                {d.status && (
                  <Text fz="xs" c="dimmed">
                    {t(`serviceStatus.${d.status}`)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ff="monospace">{d.login}</Table.Td>
              <Table.Td>{sideValue(t, d.loket)}</Table.Td>
              <Table.Td>{sideValue(t, d.router)}</Table.Td>
              {canFix && (
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Button
                      size="compact-sm"
                      leftSection={<IconRouter size={14} />}
                      loading={busyKey === `${d.key}:to_router`}
                      onClick={() => onFix(d, 'to_router')}
                    >
                      {t('reconcile.toRouter')}
                    </Button>
                    {d.toLoket && (
                      <Button
                        size="compact-sm"
                        variant="default"
                        leftSection={<IconArrowBackUp size={14} />}
                        loading={busyKey === `${d.key}:to_loket`}
                        onClick={() => onFix(d, 'to_loket')}
                      >
                        {t('reconcile.toLoket')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
