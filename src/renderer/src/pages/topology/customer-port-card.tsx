import {
  Anchor,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconMapPin } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { queryClient, trpc } from '../../api/client'
import { errorMessage } from '../../api/errors'
import { useSession, type RouterOutputs } from '../../session/session'
import { Loaded } from '../olt/loaded'

type Row = RouterOutputs['topology']['customerPorts'][number]

/** Where each of a customer's services is connected (ODP and port), and putting it on one. */
export function CustomerPortCard({ customerId }: { customerId: number }) {
  const { t } = useTranslation()
  const { can } = useSession()
  const manage = can('network.olt') || can('customers.manage')
  const ports = useQuery(trpc.topology.customerPorts.queryOptions({ customerId }))
  const [editing, setEditing] = useState<Row | null>(null)
  return (
    <Card withBorder radius="md" padding="md" data-testid="customer-port">
      <Title order={2} fz="h5" mb="sm">
        {t('topology.card.title')}
      </Title>
      <Loaded query={ports}>
        {(rows) => (
          <Stack gap="xs">
            {rows.map((r) => (
              <Group key={r.serviceId} justify="space-between" wrap="nowrap" gap="xs">
                <Stack gap={0}>
                  <Text fz="sm" fw={500}>
                    {r.sid}
                  </Text>
                  {r.odpId ? (
                    <Group gap={4}>
                      <Text fz="sm" data-testid="customer-port-where">
                        {r.odpName} · {t('topology.card.port')} {r.port}
                      </Text>
                      {r.mapsUrl && (
                        <Anchor href={r.mapsUrl} target="_blank" rel="noreferrer" fz="xs">
                          <Group gap={2} component="span">
                            <IconMapPin size={12} />
                            {t('topology.openMap')}
                          </Group>
                        </Anchor>
                      )}
                    </Group>
                  ) : (
                    <Text fz="sm" c="dimmed">
                      {t('topology.card.none')}
                    </Text>
                  )}
                </Stack>
                {manage && r.status !== 'putus' && (
                  <Button size="xs" variant="default" onClick={() => setEditing(r)}>
                    {r.odpId ? t('topology.card.change') : t('topology.card.assign')}
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Loaded>
      {editing && <AssignModal row={editing} onClose={() => setEditing(null)} />}
    </Card>
  )
}

function AssignModal({ row, onClose }: { row: Row; onClose: () => void }) {
  const { t } = useTranslation()
  const choices = useQuery(trpc.topology.odpChoices.queryOptions())
  const [odpId, setOdpId] = useState<string | null>(row.odpId ? String(row.odpId) : null)
  const [port, setPort] = useState<string | number>(row.port ?? '')
  const done = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.topology.customerPorts.queryKey() })
    void queryClient.invalidateQueries({ queryKey: trpc.topology.odpChoices.queryKey() })
    void queryClient.invalidateQueries({ queryKey: trpc.topology.tree.queryKey() })
    onClose()
  }
  const assign = useMutation(
    trpc.topology.assignPort.mutationOptions({
      onSuccess: (r) => {
        const odp = choices.data?.find((c) => c.id === r.odpId)?.name ?? ''
        notifications.show({
          color: 'teal',
          message: r.odpId
            ? t('topology.card.assigned', { sid: row.sid, odp, port: r.port })
            : t('topology.card.detached', { sid: row.sid }),
        })
        done()
      },
      onError: (e) => notifications.show({ color: 'red', message: errorMessage(t, e) }),
    }),
  )
  return (
    <Modal opened onClose={onClose} title={`${t('topology.card.assign')} · ${row.sid}`}>
      <Loaded query={choices}>
        {(list) =>
          list.length === 0 ? (
            <Text fz="sm" c="dimmed">
              {t('topology.card.noOdp')}
            </Text>
          ) : (
            <form
              onSubmit={(e) => {
                e.preventDefault()
                assign.mutate({
                  serviceId: row.serviceId,
                  odpId: Number(odpId),
                  port: port === '' ? null : Number(port),
                })
              }}
            >
              <Stack gap="sm">
                <Select
                  label={t('topology.card.odp')}
                  data={list.map((c) => ({
                    value: String(c.id),
                    label: t('topology.card.choice', {
                      name: c.name,
                      odc: c.odcName,
                      free: c.free,
                    }),
                  }))}
                  value={odpId}
                  onChange={setOdpId}
                  searchable
                  required
                  data-autofocus
                />
                <NumberInput
                  label={t('topology.card.port')}
                  description={t('topology.card.portAuto')}
                  value={port}
                  onChange={setPort}
                  min={1}
                  allowDecimal={false}
                />
                <Group justify="space-between">
                  {row.odpId ? (
                    <Button
                      variant="subtle"
                      color="red"
                      loading={assign.isPending && assign.variables?.odpId === null}
                      onClick={() =>
                        assign.mutate({ serviceId: row.serviceId, odpId: null, port: null })
                      }
                    >
                      {t('topology.card.detach')}
                    </Button>
                  ) : (
                    <span />
                  )}
                  <Button type="submit" disabled={!odpId} loading={assign.isPending}>
                    {t('topology.save')}
                  </Button>
                </Group>
              </Stack>
            </form>
          )
        }
      </Loaded>
    </Modal>
  )
}
