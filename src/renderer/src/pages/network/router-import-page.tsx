import {
  Alert,
  Anchor,
  Box,
  Button,
  Group,
  LoadingOverlay,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import {
  IconArrowLeft,
  IconCircleCheck,
  IconFileImport,
  IconInfoCircle,
  IconRefresh,
  IconRouter,
} from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { trpc } from '../../api/client'
import { FormAlert } from '../../components/form-alert'
import { PageLoader, QueryError } from '../../components/query-state'
import { NoRouters, pickRouter, RouterSelect } from './monitor-router-select'
import {
  decisionCounts,
  NO_DECISIONS,
  RouterImportDecisions,
  undecidedCount,
  type Decisions,
} from './router-import-decisions'
import {
  NewProducts,
  RouterImportCounts,
  RouterImportGroups,
  type RouterImportSummary,
} from './router-import-preview'

/**
 * `/network/import`: read a router → preview grouped by what happens to each login → choose the
 * area of new customers → import in one transaction. Nothing is written before "Impor sekarang".
 */
export function RouterImportPage() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const routers = useQuery(trpc.network.routers.queryOptions())
  const areas = useQuery(trpc.catalog.areas.queryOptions())
  const products = useQuery(trpc.catalog.products.queryOptions())
  const [routerId, setRouterId] = useState<number | null>(null)
  const [areaId, setAreaId] = useState<number | null>(null)
  const [isolirProductId, setIsolirProductId] = useState<number | null>(null)
  const [hotspot, setHotspot] = useState(true)
  const [summary, setSummary] = useState<RouterImportSummary | null>(null)
  const [decisions, setDecisions] = useState<Decisions>(NO_DECISIONS)
  const [result, setResult] = useState<RouterImportSummary | null>(null)
  const preview = useMutation(trpc.routerImport.preview.mutationOptions())
  const commit = useMutation(trpc.routerImport.commit.mutationOptions())

  if (routers.isPending) return <PageLoader />
  if (routers.isError)
    return <QueryError error={routers.error} onRetry={() => void routers.refetch()} />
  const chosen = pickRouter(routers.data, routerId)
  const input = (over: { isolirProductId?: number | null; hotspot?: boolean } = {}) => ({
    routerId: chosen!.id,
    areaId,
    isolirProductId,
    hotspot,
    ...decisions,
    ...over,
  })
  const read = (over: Parameters<typeof input>[0] = {}) => {
    setResult(null)
    preview.mutate(input(over), { onSuccess: setSummary })
  }
  const reset = () => {
    setSummary(null)
    setResult(null)
    setDecisions(NO_DECISIONS)
    preview.reset()
    commit.reset()
  }
  const areaMissing =
    !!summary && summary.counts.new > 0 && areaId === null && summary.areaId === null
  const nothing =
    !!summary &&
    summary.counts.new +
      summary.counts.newService +
      summary.counts.link +
      summary.counts.conflict +
      summary.packages.differ ===
      0
  const undecided = summary ? undecidedCount(summary, decisions) : 0

  const confirmCommit = () => {
    const n = decisionCounts(summary!, decisions)
    modals.openConfirmModal({
      title: t('routerImport.confirmTitle', { router: summary!.router.name }),
      children: (
        <Stack gap="xs">
          <Text fz="sm">
            {t('routerImport.confirmBody', {
              customers: summary!.customers,
              services: n.services,
              linked: summary!.linked,
            })}
          </Text>
          {n.follow + n.keep > 0 && (
            <Text fz="sm">{t('routerImport.decisions.confirmPackages', n)}</Text>
          )}
          {n.disable + n.reactivate > 0 && (
            <Text fz="sm">{t('routerImport.decisions.confirmPutus', n)}</Text>
          )}
        </Stack>
      ),
      labels: { confirm: t('routerImport.commit'), cancel: t('common.cancel') },
      onConfirm: () =>
        commit.mutate(input(), {
          onSuccess: (answer) => {
            setResult(answer)
            setSummary(null)
            void queryClient.invalidateQueries()
            notifications.show({ color: 'teal', message: t('routerImport.doneTitle') })
          },
        }),
    })
  }

  return (
    <Stack gap="lg">
      <Anchor
        component={Link}
        to="/network"
        fz="sm"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={16} aria-hidden />
        {t('routerImport.back')}
      </Anchor>
      <div>
        <Title order={1} fz="h2">
          {t('routerImport.title')}
        </Title>
        <Text c="dimmed">{t('routerImport.intro')}</Text>
      </div>
      {!chosen ? (
        <NoRouters />
      ) : (
        <Paper withBorder radius="md" p="lg">
          <Box pos="relative" mih={160} aria-busy={preview.isPending || commit.isPending}>
            <LoadingOverlay
              visible={preview.isPending || commit.isPending}
              zIndex={10}
              overlayProps={{ blur: 1, backgroundOpacity: 0.6 }}
              loaderProps={{
                children: (
                  <Text fw={600} role="status">
                    {t(commit.isPending ? 'routerImport.committing' : 'routerImport.reading')}
                  </Text>
                ),
              }}
            />
            {result ? (
              <Done result={result} onAgain={reset} />
            ) : (
              <Stack gap="md">
                <Group align="flex-end" wrap="wrap">
                  <RouterSelect
                    routers={routers.data}
                    value={chosen.id}
                    onChange={(id) => {
                      setRouterId(id)
                      reset()
                    }}
                  />
                  <Select
                    label={t('routerImport.area')}
                    description={t('routerImport.areaHint')}
                    w={260}
                    data={(areas.data ?? []).map((a) => ({
                      value: String(a.id),
                      label: `${a.code} · ${a.name}`,
                    }))}
                    value={areaId === null ? null : String(areaId)}
                    onChange={(v) => setAreaId(v ? Number(v) : null)}
                    clearable
                    data-testid="router-import-area"
                  />
                  <Button
                    leftSection={<IconRouter size={16} />}
                    variant={summary ? 'default' : 'filled'}
                    onClick={() => read()}
                  >
                    {t('routerImport.read')}
                  </Button>
                </Group>
                <Switch
                  label={t('routerImport.hotspot')}
                  checked={hotspot}
                  onChange={(e) => {
                    const next = e.currentTarget.checked
                    setHotspot(next)
                    if (summary) read({ hotspot: next })
                  }}
                />
                <FormAlert error={preview.error ?? commit.error} />
                {summary && (
                  <Stack gap="md" data-testid="router-import-preview">
                    <RouterImportCounts summary={summary} />
                    <NewProducts summary={summary} />
                    <RouterImportDecisions
                      summary={summary}
                      decisions={decisions}
                      onChange={setDecisions}
                    />
                    {(summary.needsIsolirProduct || isolirProductId !== null) && (
                      <Select
                        label={t('routerImport.isolirProduct')}
                        description={t('routerImport.isolirProductHint')}
                        w={360}
                        data={(products.data ?? [])
                          .filter((p) => p.active)
                          .map((p) => ({ value: String(p.id), label: p.name }))}
                        value={isolirProductId === null ? null : String(isolirProductId)}
                        onChange={(v) => {
                          const next = v ? Number(v) : null
                          setIsolirProductId(next)
                          read({ isolirProductId: next })
                        }}
                        clearable
                      />
                    )}
                    {areaMissing && (
                      <Alert color="yellow" icon={<IconInfoCircle size={18} />}>
                        {t('routerImport.areaRequired', { count: summary.counts.new })}
                      </Alert>
                    )}
                    {nothing && (
                      <Alert color="gray" icon={<IconInfoCircle size={18} />}>
                        {t('routerImport.nothingNew')}
                      </Alert>
                    )}
                    <Group justify="flex-end">
                      <Button
                        leftSection={<IconFileImport size={16} />}
                        disabled={areaMissing || nothing || undecided > 0}
                        loading={commit.isPending}
                        onClick={confirmCommit}
                      >
                        {t('routerImport.commit')}
                      </Button>
                    </Group>
                    <RouterImportGroups summary={summary} />
                  </Stack>
                )}
              </Stack>
            )}
          </Box>
        </Paper>
      )}
    </Stack>
  )
}

function Done({ result, onAgain }: { result: RouterImportSummary; onAgain: () => void }) {
  const { t } = useTranslation()
  return (
    <Stack gap="md" data-testid="router-import-done">
      <Group gap="sm">
        <ThemeIcon color="teal" variant="light" size="lg" radius="xl">
          <IconCircleCheck size={22} />
        </ThemeIcon>
        <Title order={2} fz="h3">
          {t('routerImport.doneTitle')}
        </Title>
      </Group>
      <Text>
        {t('routerImport.doneBody', {
          customers: result.customers,
          services: result.services,
          linked: result.linked,
          router: result.router.name,
        })}
      </Text>
      {result.packages.differ + result.putus.disable + result.putus.reactivate > 0 && (
        <Text>
          {t('routerImport.decisions.doneBody', {
            follow: result.packages.followRouter,
            keep: result.packages.keepLoket,
            disable: result.putus.disable,
            reactivate: result.putus.reactivate,
          })}
        </Text>
      )}
      <NewProducts summary={result} />
      <Group gap="xs">
        <Button component={Link} to="/customers">
          {t('routerImport.toCustomers')}
        </Button>
        <Button component={Link} to="/network?tab=reconcile" variant="light">
          {t('routerImport.toReconcile')}
        </Button>
        <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={onAgain}>
          {t('routerImport.again')}
        </Button>
      </Group>
    </Stack>
  )
}
