import {
  Alert,
  Anchor,
  Button,
  Grid,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconCircleCheck, IconSearch, IconSend } from '@tabler/icons-react'
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { SERVICE_STATUSES, type ServiceStatus } from '@shared/catalog'
import { renderTemplate } from '@shared/messaging'
import { BROADCAST_VARIABLES, type BroadcastFilter } from '@shared/schemas'
import { trpc } from '../../api/client'
import { QueryError } from '../../components/query-state'
import { useSession } from '../../session/session'
import { AudienceSummary } from './audience-summary'
import { ConfirmAction } from './confirm-action'
import { newClientId } from './message-labels'
import { MessageEditor, strayVariables } from './message-editor'
import { refreshMessages, type BroadcastResult } from './types'

const idOrUndefined = (value: string | null) => (value ? Number(value) : undefined)

/**
 * "Broadcast": an outage or maintenance notice to the customers a filter picks. The audience
 * and who is skipped (and why) are shown before anything is queued; sending asks once more.
 */
export function BroadcastTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation()
  const { can, me } = useSession()
  const canCatalog = can('catalog.view') || can('customers.view')
  const areas = useQuery(trpc.catalog.areas.queryOptions(undefined, { enabled: canCatalog }))
  const products = useQuery(trpc.catalog.products.queryOptions(undefined, { enabled: canCatalog }))
  const [filter, setFilter] = useState<BroadcastFilter>({})
  const [subject, setSubject] = useState('')
  const [body, setBody] = useState('')
  // One id per broadcast the person confirms: a retried request queues nobody twice.
  const [clientId, setClientId] = useState<string | null>(null)
  const [result, setResult] = useState<BroadcastResult | null>(null)
  const [debounced] = useDebouncedValue(filter, 300)
  const preview = useQuery(
    trpc.messaging.broadcastPreview.queryOptions(debounced, { placeholderData: keepPreviousData }),
  )
  const send = useMutation(
    trpc.messaging.broadcast.mutationOptions({
      onSuccess: (r) => {
        setResult(r)
        setClientId(null)
        refreshMessages()
      },
    }),
  )
  const patch = (p: Partial<BroadcastFilter>) => {
    setResult(null)
    setFilter((f) => ({ ...f, ...p }))
  }
  const valid =
    body.trim() !== '' && strayVariables([subject, body], BROADCAST_VARIABLES).length === 0
  const sendable = preview.data?.sendable ?? 0
  // The count on the button must be the one of the filter as it is now, not a second ago.
  const settled = JSON.stringify(filter) === JSON.stringify(debounced) && !preview.isFetching
  const sample = preview.data?.sample[0]
  const example = sample
    ? renderTemplate(body, { nama: sample.name, kode: sample.code, perusahaan: me.company.name })
    : null

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Stack gap="md">
          <Title order={2} fz="h4">
            {t('messaging.broadcast.who')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {canCatalog && (
              <Select
                label={t('messaging.broadcast.area')}
                placeholder={t('messaging.broadcast.allAreas')}
                data={(areas.data ?? []).map((a) => ({
                  value: String(a.id),
                  label: `${a.code} — ${a.name}`,
                }))}
                value={filter.areaId ? String(filter.areaId) : null}
                onChange={(v) => patch({ areaId: idOrUndefined(v) })}
                clearable
                searchable
              />
            )}
            {canCatalog && (
              <Select
                label={t('messaging.broadcast.product')}
                placeholder={t('messaging.broadcast.allProducts')}
                data={(products.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
                value={filter.productId ? String(filter.productId) : null}
                onChange={(v) => patch({ productId: idOrUndefined(v) })}
                clearable
                searchable
              />
            )}
            <Select
              label={t('messaging.broadcast.status')}
              placeholder={t('messaging.broadcast.allStatuses')}
              data={SERVICE_STATUSES.map((s) => ({ value: s, label: t(`serviceStatus.${s}`) }))}
              value={filter.status ?? null}
              onChange={(v) => patch({ status: (v as ServiceStatus | null) ?? undefined })}
              clearable
            />
            <TextInput
              label={t('messaging.broadcast.search')}
              placeholder={t('messaging.broadcast.searchPlaceholder')}
              leftSection={<IconSearch size={16} />}
              value={filter.q ?? ''}
              onChange={(e) => patch({ q: e.currentTarget.value || undefined })}
            />
          </SimpleGrid>
          {preview.isError ? (
            <QueryError error={preview.error} onRetry={() => void preview.refetch()} />
          ) : (
            <AudienceSummary preview={preview.data} loading={preview.isFetching} />
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack gap="md">
          <Title order={2} fz="h4">
            {t('messaging.broadcast.what')}
          </Title>
          <MessageEditor
            subject={subject}
            body={body}
            onSubject={setSubject}
            onBody={(v) => {
              setResult(null)
              setBody(v)
            }}
            variables={BROADCAST_VARIABLES}
            subjectLabel={t('messaging.broadcast.subject')}
            subjectPlaceholder={t('messaging.broadcast.subjectPlaceholder')}
            readOnly={!canManage}
          />
          {example && body.trim() && (
            <Paper withBorder radius="md" p="sm" data-testid="broadcast-example">
              <Text fz="xs" c="dimmed" mb={4}>
                {t('messaging.broadcast.exampleFor', { name: sample!.name })}
              </Text>
              <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {example}
              </Text>
            </Paper>
          )}
          {result && (
            <Alert
              color="teal"
              icon={<IconCircleCheck size={18} />}
              title={t('messaging.broadcast.doneTitle')}
              data-testid="broadcast-result"
            >
              <Stack gap={4}>
                <Text fz="sm">
                  {t('messaging.broadcast.done', {
                    queued: result.queued,
                    skipped: result.skipped,
                  })}
                </Text>
                <Anchor component={Link} to="/messages?kind=broadcast" fz="sm">
                  {t('messaging.broadcast.seeHistory')}
                </Anchor>
              </Stack>
            </Alert>
          )}
          {canManage && (
            <Group justify="flex-end">
              <Button
                leftSection={<IconSend size={16} />}
                disabled={!valid || !settled || !preview.data?.total}
                onClick={() => setClientId(newClientId())}
              >
                {t('messaging.broadcast.send', { count: sendable })}
              </Button>
            </Group>
          )}
        </Stack>
      </Grid.Col>
      {clientId && preview.data && (
        <ConfirmAction
          title={t('messaging.broadcast.confirmTitle')}
          body={
            <Stack gap="xs">
              <Text fz="sm">{t('messaging.broadcast.confirmBody', { count: sendable })}</Text>
              {preview.data.skipped > 0 && (
                <Text fz="sm" c="dimmed">
                  {t('messaging.broadcast.confirmSkipped', { count: preview.data.skipped })}
                </Text>
              )}
            </Stack>
          }
          confirmLabel={t('messaging.broadcast.send', { count: sendable })}
          loading={send.isPending}
          error={send.error}
          onConfirm={() =>
            send.mutate({
              filter: debounced,
              subject: subject.trim() || undefined,
              body,
              clientId,
            })
          }
          onClose={() => {
            send.reset()
            setClientId(null)
          }}
        />
      )}
    </Grid>
  )
}
