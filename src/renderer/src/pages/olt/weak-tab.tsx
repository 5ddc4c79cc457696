import {
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { queryClient, trpc } from '../../api/client'
import { errorMessage } from '../../api/errors'
import { useSession } from '../../session/session'
import { Loaded } from './loaded'
import type { OnuRow } from './onu-modals'
import { OnuStatusBadge, RxText } from './rx'

/** Sinyal lemah dan ONU mati over every OLT, and the company's weak-signal line. */
export function WeakTab() {
  const { t } = useTranslation()
  const report = useQuery(trpc.olt.weak.queryOptions())
  return (
    <Stack gap="md">
      <WeakSettings />
      <Loaded query={report}>
        {(r) => (
          <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
            <OnuList
              title={t('olt.weakTitle', { count: r.weak.length })}
              rows={r.weak}
              empty={t('olt.weakEmpty', { line: r.weakRxDbm })}
              testId="weak-list"
            />
            <OnuList
              title={t('olt.offlineTitle', { count: r.offline.length })}
              rows={r.offline}
              empty={t('olt.offlineEmpty')}
              testId="offline-list"
            />
          </SimpleGrid>
        )}
      </Loaded>
    </Stack>
  )
}

function OnuList({
  title,
  rows,
  empty,
  testId,
}: {
  title: string
  rows: OnuRow[]
  empty: string
  testId: string
}) {
  const { t } = useTranslation()
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Title order={2} fz="h5" mb="xs">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed" fz="sm">
          {empty}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640} mah={460}>
          <Table verticalSpacing={4} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('olt.olt')}</Table.Th>
                <Table.Th>{t('olt.colPosition')}</Table.Th>
                <Table.Th>{t('olt.colOnuName')}</Table.Th>
                <Table.Th>{t('olt.colStatus')}</Table.Th>
                <Table.Th>{t('olt.colRx')}</Table.Th>
                <Table.Th>{t('olt.colCustomer')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.slice(0, 500).map((o) => (
                <Table.Tr key={o.id} data-testid="report-row">
                  <Table.Td fz="sm">{o.oltName}</Table.Td>
                  <Table.Td ff="monospace" fz="sm">
                    {o.pon}:{o.onuIndex}
                  </Table.Td>
                  <Table.Td fz="sm">{o.name ?? o.serial}</Table.Td>
                  <Table.Td>
                    <OnuStatusBadge status={o.status} />
                  </Table.Td>
                  <Table.Td>
                    <RxText dbm={o.rxDbm} level={o.rxLevel} />
                  </Table.Td>
                  <Table.Td fz="sm">
                    {o.customerId ? (
                      <Link to={`/customers/${o.customerId}`}>{o.customerCode}</Link>
                    ) : (
                      t('common.empty')
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  )
}

function WeakSettings() {
  const { t } = useTranslation()
  const { can } = useSession()
  const settings = useQuery(trpc.olt.settings.queryOptions())
  const [edit, setEdit] = useState<{ weakRxDbm: number; historyDays: number } | null>(null)
  const save = useMutation(
    trpc.olt.saveSettings.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('olt.settingsSaved') })
        void queryClient.invalidateQueries({ queryKey: trpc.olt.weak.queryKey() })
        void queryClient.invalidateQueries({ queryKey: trpc.olt.settings.queryKey() })
        setEdit(null)
      },
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
    }),
  )
  if (!settings.data) return null
  const v = edit ?? settings.data
  const manage = can('network.olt')
  return (
    <Group align="flex-end" gap="sm">
      <NumberInput
        label={t('olt.weakLine')}
        description={t('olt.weakLineHint')}
        suffix=" dBm"
        decimalScale={1}
        step={0.5}
        min={-40}
        max={-8}
        w={260}
        disabled={!manage}
        value={v.weakRxDbm}
        onChange={(value) => setEdit({ ...v, weakRxDbm: Number(value) })}
        data-testid="weak-line"
      />
      <NumberInput
        label={t('olt.historyDays')}
        min={7}
        max={730}
        w={220}
        disabled={!manage}
        value={v.historyDays}
        onChange={(value) => setEdit({ ...v, historyDays: Number(value) })}
      />
      {manage && (
        <Button disabled={!edit} loading={save.isPending} onClick={() => edit && save.mutate(edit)}>
          {t('olt.saveSettings')}
        </Button>
      )}
    </Group>
  )
}
