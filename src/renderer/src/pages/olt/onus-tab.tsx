import {
  Badge,
  Button,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import {
  IconAccessPoint,
  IconChartLine,
  IconLink,
  IconRefresh,
  IconSearch,
} from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { queryClient, trpc } from '../../api/client'
import { errorMessage } from '../../api/errors'
import { Loaded } from './loaded'
import { useSession } from '../../session/session'
import { OnuHistoryModal, OnuLinkModal, type OnuRow } from './onu-modals'
import { OnuStatusBadge, RxText } from './rx'

const FILTERS = ['all', 'offline', 'weak', 'unlinked'] as const
type Filter = (typeof FILTERS)[number]
/** Rows drawn at once: a 2,048-ONU OLT is narrowed by PON port or search instead. */
const SHOWN = 300

/** One OLT's ONUs as last read, per PON port, with status, RX colour, filters and links. */
export function OnusTab() {
  const { t } = useTranslation()
  const { can } = useSession()
  const [params, setParams] = useSearchParams()
  const olts = useQuery(trpc.olt.list.queryOptions())
  const oltId = Number(params.get('olt')) || olts.data?.[0]?.id || 0
  const pon = params.get('pon') ?? ''
  const filter: Filter = FILTERS.find((f) => f === params.get('filter')) ?? 'all'
  const [search, setSearch] = useState('')
  const [debounced] = useDebouncedValue(search, 250)
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params)
    if (value) next.set(key, value)
    else next.delete(key)
    if (key === 'olt') next.delete('pon')
    setParams(next)
  }
  const onus = useQuery({
    ...trpc.olt.onus.queryOptions({ oltId, pon: pon || undefined, filter, search: debounced }),
    enabled: oltId > 0,
  })
  const poll = useMutation(
    trpc.olt.poll.mutationOptions({
      onSuccess: (r) => {
        notifications.show({
          color: 'teal',
          message: t('olt.polled', {
            count: r.onus,
            name: olts.data?.find((o) => o.id === oltId)?.name ?? '',
          }),
        })
        void queryClient.invalidateQueries({ queryKey: trpc.olt.onus.queryKey() })
        void queryClient.invalidateQueries({ queryKey: trpc.olt.list.queryKey() })
      },
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
    }),
  )
  const [linking, setLinking] = useState<OnuRow | null>(null)
  const [history, setHistory] = useState<OnuRow | null>(null)

  if (olts.isSuccess && olts.data.length === 0)
    return (
      <Text c="dimmed" py="md">
        {t('olt.noOlt')}
      </Text>
    )
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('olt.olt')}
          w={200}
          allowDeselect={false}
          data={(olts.data ?? []).map((o) => ({ value: String(o.id), label: o.name }))}
          value={oltId ? String(oltId) : null}
          onChange={(v) => set('olt', v ?? '')}
          data-testid="onu-olt"
        />
        <Select
          label={t('olt.pon')}
          w={170}
          data={[
            { value: '', label: t('olt.allPons') },
            ...(onus.data?.pons ?? []).map((p) => ({
              value: p.pon,
              label: `${p.pon} (${p.total})`,
            })),
          ]}
          value={pon}
          onChange={(v) => set('pon', v ?? '')}
          data-testid="onu-pon"
        />
        <TextInput
          w={300}
          leftSection={<IconSearch size={16} />}
          placeholder={t('olt.search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
        <SegmentedControl
          value={filter}
          onChange={(v) => set('filter', v === 'all' ? '' : v)}
          data={FILTERS.map((f) => ({ value: f, label: t(`olt.filters.${f}`) }))}
          data-testid="onu-filter"
        />
        <Button
          variant="light"
          leftSection={<IconRefresh size={16} />}
          loading={poll.isPending}
          disabled={!oltId}
          onClick={() => poll.mutate({ id: oltId })}
        >
          {t('olt.poll')}
        </Button>
      </Group>
      <Loaded query={onus}>
        {(data) =>
          data.counts.total === 0 ? (
            <Stack align="center" gap={4} py="xl">
              <IconAccessPoint size={28} />
              <Text fw={600}>{t('olt.noOnus')}</Text>
              <Text c="dimmed" fz="sm">
                {t('olt.noOnusHint')}
              </Text>
            </Stack>
          ) : (
            <Stack gap="xs">
              <Text fz="sm" c="dimmed" data-testid="onu-counts">
                {t('olt.counts', data.counts)}
              </Text>
              {data.onus.length === 0 ? (
                <Text c="dimmed" py="md">
                  {t('olt.noMatch')}
                </Text>
              ) : (
                <Table.ScrollContainer minWidth={980}>
                  <Table striped verticalSpacing={6} data-testid="onus-table">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('olt.colPosition')}</Table.Th>
                        <Table.Th>{t('olt.colSerial')}</Table.Th>
                        <Table.Th>{t('olt.colOnuName')}</Table.Th>
                        <Table.Th>{t('olt.colStatus')}</Table.Th>
                        <Table.Th>{t('olt.colRx')}</Table.Th>
                        <Table.Th>{t('olt.colCustomer')}</Table.Th>
                        <Table.Th>{t('common.actions')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.onus.slice(0, SHOWN).map((o) => (
                        <Table.Tr key={o.id} data-testid="onu-row" data-serial={o.serial}>
                          <Table.Td ff="monospace" fz="sm">
                            {o.pon}:{o.onuIndex}
                          </Table.Td>
                          <Table.Td ff="monospace" fz="sm">
                            {o.serial ?? t('common.empty')}
                          </Table.Td>
                          <Table.Td fz="sm">{o.name ?? t('common.empty')}</Table.Td>
                          <Table.Td>
                            <OnuStatusBadge status={o.status} />
                            {o.lastDownCause && o.status !== 'online' && (
                              <Text fz="xs" c="dimmed">
                                {o.lastDownCause}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>
                            <RxText dbm={o.rxDbm} level={o.rxLevel} />
                          </Table.Td>
                          <Table.Td fz="sm">
                            {o.customerId ? (
                              <Group gap={6} wrap="nowrap">
                                <Link to={`/customers/${o.customerId}`}>{o.customerCode}</Link>
                                <Badge
                                  size="xs"
                                  variant="light"
                                  color={o.link === 'manual' ? 'blue' : 'gray'}
                                  tt="none"
                                >
                                  {t(o.link === 'manual' ? 'olt.linkManual' : 'olt.linkAuto')}
                                </Badge>
                              </Group>
                            ) : (
                              t('common.empty')
                            )}
                          </Table.Td>
                          <Table.Td>
                            <Group gap={4} wrap="nowrap">
                              <Button
                                size="compact-sm"
                                variant="subtle"
                                leftSection={<IconChartLine size={14} />}
                                onClick={() => setHistory(o)}
                              >
                                {t('olt.history')}
                              </Button>
                              {can('network.olt') && (
                                <Button
                                  size="compact-sm"
                                  variant="subtle"
                                  leftSection={<IconLink size={14} />}
                                  onClick={() => setLinking(o)}
                                >
                                  {t('olt.link')}
                                </Button>
                              )}
                            </Group>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
              {data.onus.length > SHOWN && (
                <Text fz="sm" c="dimmed">
                  {t('olt.shownOf', { shown: SHOWN, total: data.onus.length })}
                </Text>
              )}
            </Stack>
          )
        }
      </Loaded>
      {linking && <OnuLinkModal onu={linking} onClose={() => setLinking(null)} />}
      {history && <OnuHistoryModal onu={history} onClose={() => setHistory(null)} />}
    </Stack>
  )
}
