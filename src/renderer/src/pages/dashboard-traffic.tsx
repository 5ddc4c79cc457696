import { Card, Group, Select, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { trpc } from '../api/client'
import { QueryError } from '../components/query-state'
import { useSession } from '../session/session'
import { NoRouters, pickRouter, RouterSelect } from './network/monitor-router-select'
import { TrafficChart, type TrafficPoint } from './network/traffic-chart'

const EVERY_MS = 3000
const KEEP = 60

interface Series {
  key: string
  lastAt: string | null
  samples: TrafficPoint[]
}

/** Live Rx/Tx of one router interface; only for users who may look at the network. */
export function DashboardTraffic() {
  const { can } = useSession()
  if (!can('network.view')) return null
  return <TrafficCard />
}

function TrafficCard() {
  const { t } = useTranslation()
  const routers = useQuery(trpc.network.routers.queryOptions())
  const [routerId, setRouterId] = useState<number | null>(null)
  const [chosenIface, setIface] = useState<string | null>(null)
  const router = pickRouter(routers.data ?? [], routerId)
  const rid = router?.id ?? 0
  const ifaces = useQuery({
    ...trpc.monitor.interfaces.queryOptions({ routerId: rid }),
    enabled: rid > 0,
  })
  const list = ifaces.data ?? []
  const iface = list.find((i) => i.name === chosenIface)?.name ?? list[0]?.name ?? null
  const traffic = useQuery({
    ...trpc.monitor.traffic.queryOptions({ routerId: rid, interface: iface ?? '' }),
    enabled: rid > 0 && iface !== null,
    refetchInterval: EVERY_MS,
    staleTime: 0,
    gcTime: 0,
  })

  // Each new reading is appended while rendering (React's "adjust state on a change" pattern):
  // a new router or interface starts a new series.
  const key = `${rid}/${iface ?? ''}`
  const [series, setSeries] = useState<Series>({ key, lastAt: null, samples: [] })
  const sample = traffic.data
  if (series.key !== key) {
    setSeries({ key, lastAt: null, samples: [] })
  } else if (sample && sample.interface === iface && sample.at !== series.lastAt) {
    setSeries({
      key,
      lastAt: sample.at,
      samples: [...series.samples, sample].slice(-KEEP),
    })
  }

  return (
    <Card withBorder radius="md" padding="md" data-testid="dashboard-traffic">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Stack gap={0}>
            <Title order={2} fz="h4">
              {t('monitor.traffic.title')}
            </Title>
            <Text fz="xs" c="dimmed">
              {t('monitor.traffic.every', { seconds: EVERY_MS / 1000 })}
            </Text>
          </Stack>
          {router && routers.data && (
            <Group align="flex-end">
              <RouterSelect
                routers={routers.data}
                value={router.id}
                onChange={setRouterId}
                w={220}
              />
              <Select
                label={t('monitor.traffic.interface')}
                w={180}
                data={list.map((i) => ({
                  value: i.name,
                  label: i.running ? i.name : `${i.name} (${t('monitor.traffic.down')})`,
                }))}
                value={iface}
                onChange={(v) => v && setIface(v)}
                allowDeselect={false}
                searchable={list.length > 8}
                data-testid="traffic-interface"
              />
            </Group>
          )}
        </Group>
        {routers.isError ? (
          <QueryError error={routers.error} onRetry={() => void routers.refetch()} />
        ) : routers.data && !router ? (
          <NoRouters withLink />
        ) : ifaces.isError ? (
          <QueryError error={ifaces.error} onRetry={() => void ifaces.refetch()} />
        ) : ifaces.data && !iface ? (
          <Text fz="sm" c="dimmed">
            {t('monitor.traffic.noInterfaces')}
          </Text>
        ) : traffic.isError && series.samples.length === 0 ? (
          <QueryError error={traffic.error} onRetry={() => void traffic.refetch()} />
        ) : (
          <>
            <TrafficChart samples={series.samples} slots={KEEP} name={iface ?? ''} />
            {series.samples.length === 0 && (
              <Text fz="xs" c="dimmed">
                {t('monitor.traffic.waiting')}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Card>
  )
}
