import { Button, EmptyState, Select } from '@mantine/core'
import { IconRouter } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { RouterOutputs } from '../../session/session'

export type RouterListRow = RouterOutputs['network']['routers'][number]

/** The chosen router if it is in the list, else the first active one (else the first). */
export function pickRouter(routers: RouterListRow[], id: number | null): RouterListRow | null {
  return routers.find((r) => r.id === id) ?? routers.find((r) => r.active) ?? routers[0] ?? null
}

export function RouterSelect({
  routers,
  value,
  onChange,
  w = 260,
}: {
  routers: RouterListRow[]
  value: number
  onChange: (id: number) => void
  w?: number | string
}) {
  const { t } = useTranslation()
  return (
    <Select
      label={t('monitor.router')}
      w={w}
      data={routers.map((r) => ({ value: String(r.id), label: `${r.name} (${r.host})` }))}
      value={String(value)}
      onChange={(v) => v && onChange(Number(v))}
      allowDeselect={false}
      searchable={routers.length > 8}
      data-testid="monitor-router"
    />
  )
}

/** Nothing to monitor until a router is added. */
export function NoRouters({ withLink = false }: { withLink?: boolean }) {
  const { t } = useTranslation()
  return (
    <EmptyState
      icon={<IconRouter size={28} />}
      title={t('monitor.noRouters')}
      description={t('monitor.noRoutersHint')}
      size="sm"
      data-testid="monitor-no-routers"
    >
      {withLink && (
        <EmptyState.Actions>
          <Button component={Link} to="/network" variant="default" size="xs">
            {t('monitor.openNetwork')}
          </Button>
        </EmptyState.Actions>
      )}
    </EmptyState>
  )
}
