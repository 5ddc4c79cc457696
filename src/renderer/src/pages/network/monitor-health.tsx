import { Badge, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { trpc } from '../../api/client'
import { QueryError } from '../../components/query-state'
import { intlLocale } from '../../i18n'
import type { RouterOutputs } from '../../session/session'
import { formatBytes, formatUptime } from './monitor-format'

type Health = RouterOutputs['monitor']['health'][number]

const loadColor = (percent: number) => (percent >= 85 ? 'red' : percent >= 60 ? 'yellow' : 'teal')

/** CPU, memory and uptime of every active router; one that does not answer says why. */
export function RouterHealthCards() {
  const { t } = useTranslation()
  const health = useQuery({
    ...trpc.monitor.health.queryOptions({}),
    refetchInterval: 30_000,
  })
  if (health.isError)
    return <QueryError error={health.error} onRetry={() => void health.refetch()} />
  if (!health.data || health.data.length === 0) return null
  return (
    <Stack gap="xs">
      <Title order={2} fz="h4">
        {t('monitor.health.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {health.data.map((h) => (
          <HealthCard key={h.routerId} health={h} />
        ))}
      </SimpleGrid>
    </Stack>
  )
}

function HealthCard({ health: h }: { health: Health }) {
  const { t } = useTranslation()
  const locale = intlLocale()
  return (
    <Card withBorder radius="md" padding="sm" data-testid="router-health">
      <Group justify="space-between" wrap="nowrap" mb={6}>
        <Text fw={600} truncate>
          {h.name}
        </Text>
        {h.ok ? (
          <Badge variant="light" color="gray" tt="none">
            {h.board}
          </Badge>
        ) : (
          <Badge variant="light" color="red" tt="none">
            {t('monitor.health.unreachable')}
          </Badge>
        )}
      </Group>
      {h.ok ? (
        <Stack gap={6}>
          <Meter
            label={t('monitor.health.cpu')}
            percent={h.cpuLoad}
            text={`${h.cpuLoad ?? '—'}%`}
          />
          <Meter
            label={t('monitor.health.memory')}
            percent={h.memoryUsedPercent}
            text={
              h.memoryUsedPercent !== null && h.totalMemory !== null
                ? t('monitor.health.memoryOf', {
                    used: h.memoryUsedPercent,
                    total: formatBytes(h.totalMemory, locale),
                  })
                : '—'
            }
          />
          <Group justify="space-between" fz="sm">
            <Text fz="sm" c="dimmed">
              {t('monitor.health.uptime')}
            </Text>
            <Text fz="sm">{formatUptime(t, h.uptimeSeconds, h.uptime)}</Text>
          </Group>
          <Text fz="xs" c="dimmed">
            {t('monitor.health.version', { version: h.version })} · {h.host}
          </Text>
        </Stack>
      ) : (
        <Text fz="sm" c="red" data-testid="router-health-error">
          {t(`errors.${h.error.code}`, { ...h.error.details, defaultValue: h.error.message })}
        </Text>
      )}
    </Card>
  )
}

function Meter(p: { label: string; percent: number | null; text: string }) {
  return (
    <div>
      <Group justify="space-between">
        <Text fz="sm" c="dimmed">
          {p.label}
        </Text>
        <Text fz="sm">{p.text}</Text>
      </Group>
      <Progress value={p.percent ?? 0} color={loadColor(p.percent ?? 0)} size="sm" />
    </div>
  )
}
