import { Alert, Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { IconCircleCheck, IconLinkOff, IconShieldSearch } from '@tabler/icons-react'
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { trpc, trpcClient } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import { useSession } from '../../session/session'
import { AuditFilters, NO_FILTER, type AuditFilterValues } from './audit-filters'
import { AuditTable } from './audit-table'

const PAGE_SIZE = 50

function VerifyResult({
  result,
}: {
  result: { ok: true; entries: number } | { ok: false; firstBrokenId: number }
}) {
  const { t } = useTranslation()
  return result.ok ? (
    <Alert color="teal" icon={<IconCircleCheck size={18} />} data-testid="audit-chain-result">
      {t('audit.chainOk', { count: result.entries })}
    </Alert>
  ) : (
    <Alert color="red" icon={<IconLinkOff size={18} />} data-testid="audit-chain-result">
      {t('audit.chainBroken', { id: result.firstBrokenId })}
    </Alert>
  )
}

export function AuditPage() {
  const { t } = useTranslation()
  const { me } = useSession()
  const [filter, setFilter] = useState<AuditFilterValues>(NO_FILTER)
  const input = {
    from: filter.from || undefined,
    to: filter.to || undefined,
    userId: filter.userId ? Number(filter.userId) : undefined,
    action: filter.action || undefined,
    limit: PAGE_SIZE,
  }
  // Paged by `beforeId` (newest first), so the key lives under audit.list for invalidation.
  const list = useInfiniteQuery({
    queryKey: [...trpc.audit.list.pathKey(), { input, type: 'infinite' }],
    queryFn: ({ pageParam }) => trpcClient.audit.list.query({ ...input, beforeId: pageParam }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBeforeId ?? undefined,
  })
  const verify = useQuery(trpc.audit.verify.queryOptions(undefined, { enabled: false, gcTime: 0 }))
  const entries = list.data?.pages.flatMap((page) => page.entries) ?? []

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} fz="h2">
            {t('audit.title')}
          </Title>
          <Text c="dimmed">{t('audit.intro')}</Text>
        </div>
        <Button
          variant="light"
          leftSection={<IconShieldSearch size={18} />}
          loading={verify.isFetching}
          onClick={() => void verify.refetch()}
        >
          {t('audit.verify')}
        </Button>
      </Group>
      {verify.data && !verify.isFetching && <VerifyResult result={verify.data} />}
      {verify.isError && <QueryError error={verify.error} />}
      <Paper withBorder radius="md" p="md">
        <Stack gap="md">
          <AuditFilters value={filter} onChange={setFilter} />
          {list.isPending ? (
            <PageLoader />
          ) : list.isError ? (
            <QueryError error={list.error} onRetry={() => void list.refetch()} />
          ) : (
            <AuditTable entries={entries} timeZone={me.company.timeZone} />
          )}
          {list.hasNextPage && (
            <Center>
              <Button
                variant="default"
                loading={list.isFetchingNextPage}
                onClick={() => void list.fetchNextPage()}
              >
                {t('audit.loadMore')}
              </Button>
            </Center>
          )}
        </Stack>
      </Paper>
    </Stack>
  )
}
