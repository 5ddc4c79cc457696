import { Badge, Button, EmptyState, Group, Table, Text, Tooltip } from '@mantine/core'
import { IconPlus, IconTicket } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatInstant } from '@shared/dates'
import { formatRupiah } from '@shared/money'
import { trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import { useSession } from '../../session/session'
import { GenerateModal } from './generate-modal'
import type { BatchRow } from './types'
import { countText } from '../../i18n'

const PUSH_COLOR: Record<BatchRow['push'], string> = {
  menunggu: 'yellow',
  terkirim: 'teal',
  gagal: 'red',
}

export function PushBadge({ batch }: { batch: Pick<BatchRow, 'push' | 'pushError'> }) {
  const { t } = useTranslation()
  const badge = (
    <Badge variant="light" color={PUSH_COLOR[batch.push]} data-testid="push-state">
      {t(`hotspot.push.${batch.push}`)}
    </Badge>
  )
  return batch.pushError ? <Tooltip label={batch.pushError}>{badge}</Tooltip> : badge
}

export function BatchesTab({
  canManage,
  onOpen,
}: {
  canManage: boolean
  onOpen: (id: number) => void
}) {
  const { t } = useTranslation()
  const { me } = useSession()
  const batches = useQuery(trpc.hotspot.batches.queryOptions())
  const [generating, setGenerating] = useState(false)

  if (batches.isPending) return <PageLoader />
  if (batches.isError)
    return <QueryError error={batches.error} onRetry={() => void batches.refetch()} />
  return (
    <>
      {canManage && (
        <Group justify="flex-end" mb="sm">
          <Button leftSection={<IconPlus size={16} />} onClick={() => setGenerating(true)}>
            {t('hotspot.batches.generate')}
          </Button>
        </Group>
      )}
      {batches.data.length === 0 ? (
        <EmptyState
          icon={<IconTicket size={28} />}
          title={t('hotspot.batches.empty')}
          description={t('hotspot.batches.emptyHint')}
          size="sm"
          data-testid="hotspot-batches-empty"
        />
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table striped highlightOnHover verticalSpacing="sm" data-testid="hotspot-batches">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('hotspot.batches.colId')}</Table.Th>
                <Table.Th>{t('hotspot.batches.colCreated')}</Table.Th>
                <Table.Th>{t('hotspot.batches.colRouter')}</Table.Th>
                <Table.Th>{t('hotspot.batches.colProfile')}</Table.Th>
                <Table.Th ta="right">{t('hotspot.batches.colCount')}</Table.Th>
                <Table.Th ta="right">{t('hotspot.batches.colPrice')}</Table.Th>
                <Table.Th>{t('hotspot.batches.colStatus')}</Table.Th>
                <Table.Th>{t('hotspot.batches.colSold')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {batches.data.map((b) => (
                <Table.Tr key={b.id} data-testid="hotspot-batch-row">
                  <Table.Td fw={600}>#{b.id}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatInstant(b.createdAt, me.company.timeZone)}
                    {b.note && (
                      <Text fz="xs" c="dimmed">
                        {b.note}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{b.routerName}</Table.Td>
                  <Table.Td>{b.profileName}</Table.Td>
                  <Table.Td ta="right">{countText(b.count)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatRupiah(b.price)}
                  </Table.Td>
                  <Table.Td>
                    <PushBadge batch={b} />
                  </Table.Td>
                  <Table.Td>
                    {t('hotspot.batches.soldOf', { sold: b.sold, count: b.count })}
                  </Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="default" onClick={() => onOpen(b.id)}>
                      {t('hotspot.batches.open')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {generating && (
        <GenerateModal
          onClose={() => setGenerating(false)}
          onCreated={(id) => {
            setGenerating(false)
            onOpen(id)
          }}
        />
      )}
    </>
  )
}
