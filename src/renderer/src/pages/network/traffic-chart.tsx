import { Box, Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { intlLocale } from '../../i18n'
import { formatMbps } from './monitor-format'

export interface TrafficPoint {
  at: string
  rxBps: number
  txBps: number
}

const W = 600
const H = 180
const PAD = { top: 8, right: 8, bottom: 8, left: 8 }
const RX = 'var(--mantine-color-teal-6)'
const TX = 'var(--mantine-color-blue-6)'

/** A round top for the Y axis: 1, 2, 5 × 10^n Mbps above the highest sample. */
export function niceMax(bps: number): number {
  const mbps = Math.max(bps / 1e6, 1)
  const power = 10 ** Math.floor(Math.log10(mbps))
  const step = [1, 2, 5, 10].find((s) => s * power >= mbps) ?? 10
  return step * power * 1e6
}

function path(
  points: TrafficPoint[],
  pick: (p: TrafficPoint) => number,
  slots: number,
  max: number,
) {
  const innerW = W - PAD.left - PAD.right
  const innerH = H - PAD.top - PAD.bottom
  // The newest sample sits at the right edge; older ones scroll off to the left.
  const offset = slots - points.length
  return points
    .map((p, i) => {
      const x = PAD.left + ((offset + i) / Math.max(slots - 1, 1)) * innerW
      const y = PAD.top + innerH - (Math.min(pick(p), max) / max) * innerH
      return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`
    })
    .join(' ')
}

/** Rx/Tx lines of the last samples, drawn in SVG (no chart library in the renderer). */
export function TrafficChart({
  samples,
  slots,
  name,
}: {
  samples: TrafficPoint[]
  slots: number
  name: string
}) {
  const { t } = useTranslation()
  const locale = intlLocale()
  const max = niceMax(Math.max(0, ...samples.flatMap((s) => [s.rxBps, s.txBps])))
  const last = samples.at(-1)
  const rx = last ? formatMbps(last.rxBps, locale) : '—'
  const tx = last ? formatMbps(last.txBps, locale) : '—'
  const grid = [0.25, 0.5, 0.75]
  return (
    <Box>
      <Group justify="space-between" align="flex-end" mb={4}>
        <Group gap="lg">
          <Legend color={RX} label={t('monitor.traffic.rx')} value={rx} testId="traffic-rx" />
          <Legend color={TX} label={t('monitor.traffic.tx')} value={tx} testId="traffic-tx" />
        </Group>
        <Text fz="xs" c="dimmed">
          {formatMbps(max, locale)}
        </Text>
      </Group>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        height={H}
        // Stretched to the card's width; strokes keep their width (non-scaling-stroke).
        preserveAspectRatio="none"
        role="img"
        aria-label={t('monitor.traffic.chartLabel', { name, rx, tx })}
        data-testid="traffic-chart"
        data-samples={samples.length}
        style={{ display: 'block' }}
      >
        <rect
          x={PAD.left}
          y={PAD.top}
          width={W - PAD.left - PAD.right}
          height={H - PAD.top - PAD.bottom}
          fill="none"
          stroke="var(--mantine-color-default-border)"
          vectorEffect="non-scaling-stroke"
        />
        {grid.map((g) => (
          <line
            key={g}
            x1={PAD.left}
            x2={W - PAD.right}
            y1={PAD.top + (H - PAD.top - PAD.bottom) * g}
            y2={PAD.top + (H - PAD.top - PAD.bottom) * g}
            stroke="var(--mantine-color-default-border)"
            strokeDasharray="4 4"
            vectorEffect="non-scaling-stroke"
          />
        ))}
        {samples.length > 1 && (
          <>
            <path
              data-line="rx"
              d={path(samples, (s) => s.rxBps, slots, max)}
              fill="none"
              stroke={RX}
              strokeWidth={2}
              vectorEffect="non-scaling-stroke"
            />
            <path
              data-line="tx"
              d={path(samples, (s) => s.txBps, slots, max)}
              fill="none"
              stroke={TX}
              strokeWidth={2}
              vectorEffect="non-scaling-stroke"
            />
          </>
        )}
      </svg>
    </Box>
  )
}

function Legend(p: { color: string; label: string; value: string; testId: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Box w={10} h={10} style={{ background: p.color, borderRadius: 2 }} />
      <Text fz="sm" c="dimmed">
        {p.label}
      </Text>
      <Text fz="sm" fw={600} data-testid={p.testId}>
        {p.value}
      </Text>
    </Group>
  )
}
