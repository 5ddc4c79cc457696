import { Box, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { calendarDate, formatShortDate } from '@shared/dates'
import { formatRupiah } from '@shared/money'
import { trpc } from '../../api/client'
import { QueryError } from '../../components/query-state'
import { countText, intlLocale } from '../../i18n'
import type { RouterOutputs } from '../../session/session'

type Chart = RouterOutputs['dashboard']['payments']
const RANGES = ['week', 'month', 'days30', 'year'] as const
type Range = (typeof RANGES)[number]

const W = 720
const H = 200
const PAD = { top: 8, right: 4, bottom: 22, left: 4 }
const NOW = 'var(--mantine-color-teal-6)'
const BEFORE = 'var(--mantine-color-gray-4)'

/** A day as dd/mm, a month as its short name: what fits under a bar. */
function tick(key: string, unit: Chart['unit']): string {
  if (unit === 'month') {
    return new Date(`${key}-01T00:00:00Z`).toLocaleDateString(intlLocale(), {
      month: 'short',
      timeZone: 'UTC',
    })
  }
  return formatShortDate(calendarDate(key)).slice(0, 5)
}

const label = (key: string, unit: Chart['unit']) =>
  unit === 'month'
    ? new Date(`${key}-01T00:00:00Z`).toLocaleDateString(intlLocale(), {
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      })
    : formatShortDate(calendarDate(key))

/** Bars of this period with the previous period's beside them (SVG; no chart library). */
function Bars({ chart }: { chart: Chart }) {
  const { t } = useTranslation()
  const max = Math.max(1, ...chart.points.flatMap((p) => [p.amount, p.previousAmount ?? 0]))
  const n = chart.points.length
  const slot = (W - PAD.left - PAD.right) / n
  const bar = Math.max(1, slot * 0.4)
  const innerH = H - PAD.top - PAD.bottom
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH
  const every = Math.ceil(n / 12)
  return (
    <Box component="svg" viewBox={`0 0 ${W} ${H}`} w="100%" h={H} data-testid="payments-bars">
      {chart.points.map((p, i) => {
        const x = PAD.left + i * slot + (slot - 2 * bar) / 2
        return (
          <g key={p.key}>
            {p.previousAmount !== null && (
              <rect
                x={x}
                y={y(p.previousAmount)}
                width={bar}
                height={PAD.top + innerH - y(p.previousAmount)}
                fill={BEFORE}
              >
                <title>
                  {t('dashboardFigures.chart.bar', {
                    label: label(p.previousKey ?? '', chart.unit),
                    amount: formatRupiah(p.previousAmount),
                  })}
                </title>
              </rect>
            )}
            <rect
              x={x + bar}
              y={y(p.amount)}
              width={bar}
              height={PAD.top + innerH - y(p.amount)}
              fill={NOW}
            >
              <title>
                {t('dashboardFigures.chart.bar', {
                  label: label(p.key, chart.unit),
                  amount: formatRupiah(p.amount),
                })}
              </title>
            </rect>
            {i % every === 0 && (
              <text
                x={PAD.left + i * slot + slot / 2}
                y={H - 6}
                fontSize={11}
                textAnchor="middle"
                fill="var(--mantine-color-dimmed)"
              >
                {tick(p.key, chart.unit)}
              </text>
            )}
          </g>
        )
      })}
    </Box>
  )
}

function Legend({
  color,
  title,
  amount,
  count,
  span,
}: {
  color: string
  title: string
  amount: number
  count: number
  span: string
}) {
  const { t } = useTranslation()
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Box w={12} h={12} mt={4} style={{ background: color, borderRadius: 2, flex: 'none' }} />
      <Stack gap={0}>
        <Text fz="sm" fw={600}>
          {title}{' '}
          <Text span fz="xs" c="dimmed">
            {span}
          </Text>
        </Text>
        <Text fz="sm">
          {t('dashboardFigures.chart.total', { amount: formatRupiah(amount), n: countText(count) })}
        </Text>
      </Stack>
    </Group>
  )
}

/** "Grafik Pembayaran" (seed 000): this week, this month, 30 days or this year, and the one before. */
export function PaymentsChartCard() {
  const { t } = useTranslation()
  const [range, setRange] = useState<Range>('month')
  const chart = useQuery({
    ...trpc.dashboard.payments.queryOptions({ range }),
    placeholderData: (previous) => previous,
  })
  const span = (s: { from: string; to: string }) =>
    t('dashboardFigures.chart.span', {
      from: formatShortDate(calendarDate(s.from)),
      to: formatShortDate(calendarDate(s.to)),
    })
  const c = chart.data
  return (
    <Card withBorder radius="md" padding="md" data-testid="payments-chart">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={2} fz="h4">
            {t('dashboardFigures.chart.title')}
          </Title>
          <SegmentedControl
            size="xs"
            value={range}
            onChange={(v) => setRange(v as Range)}
            aria-label={t('dashboardFigures.chart.range')}
            data={RANGES.map((r) => ({ value: r, label: t(`dashboardFigures.chart.ranges.${r}`) }))}
            data-testid="payments-range"
          />
        </Group>
        {chart.isError ? (
          <QueryError error={chart.error} onRetry={() => void chart.refetch()} />
        ) : c ? (
          <>
            <Group gap="xl">
              <Legend
                color={NOW}
                title={t(`dashboardFigures.chart.ranges.${c.range}`)}
                amount={c.totals.current}
                count={c.totals.currentCount}
                span={span(c.current)}
              />
              <Legend
                color={BEFORE}
                title={t(`dashboardFigures.chart.previous.${c.range}`)}
                amount={c.totals.previous}
                count={c.totals.previousCount}
                span={span(c.previous)}
              />
            </Group>
            {c.totals.currentCount + c.totals.previousCount === 0 ? (
              <Text fz="sm" c="dimmed">
                {t('dashboardFigures.chart.empty')}
              </Text>
            ) : (
              <Bars chart={c} />
            )}
          </>
        ) : null}
      </Stack>
    </Card>
  )
}
