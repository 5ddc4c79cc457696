import { Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { IconSearch } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatShortDate, type CalendarDate } from '@shared/dates'
import { rxLevel } from '@shared/schemas'
import { queryClient, trpc } from '../../api/client'
import { errorMessage } from '../../api/errors'
import { Loaded } from './loaded'
import type { RouterOutputs } from '../../session/session'
import { RxText } from './rx'

export type OnuRow = RouterOutputs['olt']['onus']['onus'][number]

const refreshOnus = () => {
  void queryClient.invalidateQueries({ queryKey: trpc.olt.onus.queryKey() })
  void queryClient.invalidateQueries({ queryKey: trpc.olt.weak.queryKey() })
}

/** Link an ONU to a service by hand (search by code, name, SID or PPPoE login), or unlink it. */
export function OnuLinkModal({ onu, onClose }: { onu: OnuRow; onClose: () => void }) {
  const { t } = useTranslation()
  const [search, setSearch] = useState(onu.name ?? '')
  const [debounced] = useDebouncedValue(search, 250)
  const services = useQuery(trpc.olt.linkableServices.queryOptions({ search: debounced }))
  const link = useMutation(
    trpc.olt.link.mutationOptions({
      onSuccess: (_r, input) => {
        const code = services.data?.find((s) => s.serviceId === input.serviceId)?.customerCode ?? ''
        notifications.show({
          color: 'teal',
          message: input.serviceId ? t('olt.linked', { code }) : t('olt.unlinked'),
        })
        refreshOnus()
        onClose()
      },
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
    }),
  )
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('olt.linkTitle', { serial: onu.serial ?? onu.name ?? '' })}
      size="lg"
    >
      <Stack>
        <Text fz="sm" c="dimmed">
          {t('olt.linkHint')}
        </Text>
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder={t('olt.linkSearch')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          data-autofocus
          data-testid="onu-link-search"
        />
        <Loaded query={services}>
          {(rows) =>
            rows.length === 0 ? (
              <Text c="dimmed" fz="sm">
                {t('olt.noServices')}
              </Text>
            ) : (
              <Table verticalSpacing={4}>
                <Table.Tbody>
                  {rows.map((s) => (
                    <Table.Tr key={s.serviceId}>
                      <Table.Td fw={600}>{s.customerCode}</Table.Td>
                      <Table.Td>{s.customerName}</Table.Td>
                      <Table.Td ff="monospace" fz="sm">
                        {s.pppoeUsername ?? s.sid}
                      </Table.Td>
                      <Table.Td>
                        <Button
                          size="compact-sm"
                          variant="light"
                          loading={link.isPending && link.variables?.serviceId === s.serviceId}
                          onClick={() => link.mutate({ onuId: onu.id, serviceId: s.serviceId })}
                        >
                          {t('olt.link')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )
          }
        </Loaded>
        {onu.serviceId !== null && (
          <Group justify="flex-end">
            <Button
              variant="subtle"
              color="red"
              onClick={() => link.mutate({ onuId: onu.id, serviceId: null })}
            >
              {t('olt.unlink')}
            </Button>
          </Group>
        )}
      </Stack>
    </Modal>
  )
}

/** RX per day: a bar per day between its lowest and highest reading, and the table of them. */
export function OnuHistoryModal({ onu, onClose }: { onu: OnuRow; onClose: () => void }) {
  const { t } = useTranslation()
  const history = useQuery(trpc.olt.history.queryOptions({ onuId: onu.id }))
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('olt.historyTitle', { serial: onu.serial ?? onu.name ?? '' })}
      size="lg"
    >
      <Loaded query={history}>
        {(h) =>
          h.days.length === 0 ? (
            <Text c="dimmed" fz="sm">
              {t('olt.historyEmpty')}
            </Text>
          ) : (
            <Stack>
              <RxChart days={[...h.days].reverse()} weakLine={h.weakRxDbm} />
              <Table striped verticalSpacing={4} data-testid="onu-history">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('olt.colDay')}</Table.Th>
                    <Table.Th>{t('olt.colMin')}</Table.Th>
                    <Table.Th>{t('olt.colMax')}</Table.Th>
                    <Table.Th>{t('olt.colLast')}</Table.Th>
                    <Table.Th ta="right">{t('olt.colSamples')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {h.days.slice(0, 31).map((d) => (
                    <Table.Tr key={d.day}>
                      <Table.Td>{formatShortDate(d.day as CalendarDate)}</Table.Td>
                      {[d.rxMin, d.rxMax, d.rxLast].map((v, i) => (
                        <Table.Td key={i}>
                          <RxText dbm={v} level={rxLevel(v, h.weakRxDbm)} />
                        </Table.Td>
                      ))}
                      <Table.Td ta="right">
                        {d.samples}
                        {d.offlineSamples > 0 &&
                          ` (${t('olt.statuses.offline')}: ${d.offlineSamples})`}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          )
        }
      </Loaded>
    </Modal>
  )
}

type Day = RouterOutputs['olt']['history']['days'][number]

/** An SVG range chart of RX per day (−35 … −10 dBm), with the weak line dashed. */
function RxChart({ days, weakLine }: { days: Day[]; weakLine: number }) {
  const width = 560
  const height = 140
  const top = -10
  const bottom = -35
  const y = (dbm: number) =>
    ((top - Math.max(bottom, Math.min(top, dbm))) / (top - bottom)) * height
  const step = width / Math.max(days.length, 1)
  return (
    <svg
      viewBox={`0 0 ${width} ${height + 16}`}
      width="100%"
      role="img"
      aria-label="RX"
      data-testid="onu-rx-chart"
    >
      {[-15, -20, -25, -30].map((v) => (
        <g key={v}>
          <line x1={0} x2={width} y1={y(v)} y2={y(v)} stroke="#e9ecef" />
          <text x={2} y={y(v) - 2} fontSize={9} fill="#868e96">
            {v}
          </text>
        </g>
      ))}
      <line
        x1={0}
        x2={width}
        y1={y(weakLine)}
        y2={y(weakLine)}
        stroke="#fa5252"
        strokeDasharray="4 3"
      />
      {days.map((d, i) => {
        if (d.rxMin === null || d.rxMax === null) return null
        const level = rxLevel(d.rxMin, weakLine)
        const color = level === 'weak' ? '#e03131' : level === 'fair' ? '#f08c00' : '#0ca678'
        const x = i * step + step / 2
        return (
          <line
            key={d.day}
            x1={x}
            x2={x}
            y1={y(d.rxMax)}
            y2={y(d.rxMin) + 2}
            stroke={color}
            strokeWidth={Math.max(2, Math.min(10, step * 0.6))}
            strokeLinecap="round"
          />
        )
      })}
    </svg>
  )
}
