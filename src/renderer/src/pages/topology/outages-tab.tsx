import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { IconCircleCheck } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatInstant } from '@shared/dates'
import { trpc } from '../../api/client'
import { intlLocale } from '../../i18n'
import { useSession, type RouterOutputs } from '../../session/session'
import { Loaded } from '../olt/loaded'
import { NotifyModal, ResolveOutageModal } from './outage-modals'

type Outage = RouterOutputs['topology']['outages'][number]

/** Gangguan massal: ongoing ones first; each with its ticket, the affected, message, resolve. */
export function OutagesTab() {
  const { t } = useTranslation()
  const { can, me } = useSession()
  const act = can('network.outage')
  const outages = useQuery(trpc.topology.outages.queryOptions())
  const [chosen, setChosen] = useState<number | null>(null)
  const [notify, setNotify] = useState<Outage | null>(null)
  const [resolving, setResolving] = useState<Outage | null>(null)
  const at = (iso: string) => formatInstant(iso, me.company.timeZone, intlLocale())
  return (
    <Stack gap="md">
      <Loaded query={outages}>
        {(rows) =>
          rows.length === 0 ? (
            <Paper withBorder p="xl">
              <Stack align="center" gap={4}>
                <IconCircleCheck size={28} />
                <Text fw={600}>{t('outage.empty')}</Text>
                <Text c="dimmed" fz="sm">
                  {t('outage.emptyHint')}
                </Text>
              </Stack>
            </Paper>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table striped verticalSpacing="sm" data-testid="outages-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('outage.colPart')}</Table.Th>
                    <Table.Th>{t('outage.colSince')}</Table.Th>
                    <Table.Th>{t('outage.colAffected')}</Table.Th>
                    <Table.Th>{t('outage.colTicket')}</Table.Th>
                    <Table.Th>{t('outage.colStatus')}</Table.Th>
                    <Table.Th>{t('common.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((o) => (
                    <Table.Tr key={o.id} data-testid="outage-row" data-label={o.label}>
                      <Table.Td>
                        <Anchor component="button" fz="sm" onClick={() => setChosen(o.id)}>
                          {o.label}
                        </Anchor>
                        {o.cause && (
                          <Text fz="xs" c="dimmed">
                            {o.cause}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td fz="sm">{at(o.startedAt)}</Table.Td>
                      <Table.Td fz="sm">
                        {t('outage.customersCount', { count: o.customers })}
                      </Table.Td>
                      <Table.Td fz="sm">
                        {o.ticketId && (
                          <Anchor component={Link} to={`/tiket/${o.ticketId}`} fz="sm">
                            {o.ticketNumber}
                          </Anchor>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {o.resolvedAt ? (
                          <Badge color="teal" variant="light">
                            {t('outage.resolvedAt', { at: at(o.resolvedAt) })}
                          </Badge>
                        ) : (
                          <Badge color="red">{t('outage.open')}</Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {act && (
                          <Group gap="xs" wrap="nowrap">
                            <Button size="xs" variant="default" onClick={() => setNotify(o)}>
                              {t('outage.notify')}
                            </Button>
                            {!o.resolvedAt && (
                              <Button size="xs" color="teal" onClick={() => setResolving(o)}>
                                {t('outage.resolve')}
                              </Button>
                            )}
                          </Group>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </Loaded>
      {chosen !== null && <AffectedList id={chosen} />}
      {notify && (
        <NotifyModal
          outageId={notify.id}
          body={t(notify.resolvedAt ? 'outage.bodyUp' : 'outage.bodyDown')}
          onClose={() => setNotify(null)}
        />
      )}
      {resolving && <ResolveOutageModal outage={resolving} onClose={() => setResolving(null)} />}
    </Stack>
  )
}

function AffectedList({ id }: { id: number }) {
  const { t } = useTranslation()
  const outage = useQuery(trpc.topology.outage.queryOptions({ id }))
  return (
    <Loaded query={outage}>
      {(o) => (
        <Paper withBorder p="sm" data-testid="outage-affected">
          <Title order={2} fz="h5" mb="xs">
            {t('outage.listTitle')} · {o.label}
          </Title>
          <Table.ScrollContainer minWidth={600} mah={320}>
            <Table striped verticalSpacing={4}>
              <Table.Tbody>
                {o.list.map((s) => (
                  <Table.Tr key={s.serviceId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/customers/${s.customerId}`} fz="sm">
                        {s.customerName} ({s.customerCode})
                      </Anchor>
                    </Table.Td>
                    <Table.Td fz="sm">{s.sid}</Table.Td>
                    <Table.Td fz="sm">{s.whatsapp ?? s.phone ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Loaded>
  )
}
