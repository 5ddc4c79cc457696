import { Button, Group, Table, Text } from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import {
  IconAccessPoint,
  IconPencil,
  IconPlugConnected,
  IconRefresh,
  IconTrash,
} from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { queryClient, trpc } from '../../api/client'
import { errorMessage } from '../../api/errors'
import { DeviceNameCell, LastReachedCell } from '../../components/device-fields'
import { ListPage } from '../../components/list-page'
import { useSession } from '../../session/session'
import { OltFormModal, type OltRow } from './olt-form-modal'

const refresh = () => {
  void queryClient.invalidateQueries({ queryKey: trpc.olt.list.queryKey() })
  void queryClient.invalidateQueries({ queryKey: trpc.olt.onus.queryKey() })
  void queryClient.invalidateQueries({ queryKey: trpc.olt.weak.queryKey() })
}

/** The company's OLTs, what Loket last read from each, and why one could not be read. */
export function OltsTab() {
  const { t } = useTranslation()
  const { can, me } = useSession()
  const manage = can('network.olt')
  const olts = useQuery(trpc.olt.list.queryOptions(undefined, { refetchInterval: 15_000 }))
  const [editing, setEditing] = useState<{ olt: OltRow | null } | null>(null)
  const fail = (error: unknown) => {
    notifications.show({ color: 'red', message: errorMessage(t, error) })
    refresh()
  }
  const test = useMutation(
    trpc.olt.test.mutationOptions({
      onSuccess: (p) => {
        notifications.show({
          color: 'teal',
          title: t('olt.testOk', { name: p.sysName ?? '' }),
          message: p.sysDescr ?? '',
        })
        refresh()
      },
      onError: fail,
    }),
  )
  const poll = useMutation(
    trpc.olt.poll.mutationOptions({
      onSuccess: (r, input) => {
        const name = olts.data?.find((o) => o.id === input.id)?.name ?? ''
        notifications.show({ color: 'teal', message: t('olt.polled', { count: r.onus, name }) })
        refresh()
      },
      onError: fail,
    }),
  )
  const remove = useMutation(
    trpc.olt.remove.mutationOptions({
      onSuccess: () => refresh(),
      onError: fail,
    }),
  )
  const confirmRemove = (o: OltRow) =>
    modals.openConfirmModal({
      title: t('olt.removeTitle', { name: o.name }),
      children: <Text fz="sm">{t('olt.removeBody')}</Text>,
      labels: { confirm: t('olt.remove'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        remove.mutate(
          { id: o.id },
          {
            onSuccess: () =>
              notifications.show({ color: 'teal', message: t('olt.removed', { name: o.name }) }),
          },
        ),
    })
  const busy = (m: { isPending: boolean; variables?: unknown }, id: number) =>
    m.isPending && (m.variables as { id?: number } | undefined)?.id === id

  return (
    <>
      <ListPage
        query={olts}
        add={manage && { label: t('olt.add'), onAdd: () => setEditing({ olt: null }) }}
        empty={(rows) =>
          rows.length > 0
            ? null
            : {
                icon: <IconAccessPoint size={28} />,
                title: t('olt.empty'),
                description: t('olt.emptyHint'),
              }
        }
      >
        {(rows) => (
          <Table.ScrollContainer minWidth={900}>
            <Table striped verticalSpacing="sm" data-testid="olts-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('olt.colName')}</Table.Th>
                  <Table.Th>{t('olt.colVendor')}</Table.Th>
                  <Table.Th>{t('olt.colAddress')}</Table.Th>
                  <Table.Th>{t('olt.colOnus')}</Table.Th>
                  <Table.Th>{t('olt.colPolled')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((o) => (
                  <Table.Tr
                    key={o.id}
                    data-testid="olt-row"
                    data-name={o.name}
                    c={o.active ? undefined : 'dimmed'}
                  >
                    <DeviceNameCell
                      name={o.name}
                      active={o.active}
                      inactiveLabel={t('olt.inactive')}
                    />
                    <Table.Td fz="sm">
                      {o.vendorLabel}
                      {o.sysDescr && (
                        <Text fz="xs" c="dimmed" lineClamp={1} maw={260}>
                          {o.sysDescr}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ff="monospace" fz="sm">
                      {o.host}:{o.port} · {o.version}
                    </Table.Td>
                    <Table.Td fz="sm">
                      {t('olt.onusCount', { total: o.onus, down: o.down })}
                    </Table.Td>
                    <LastReachedCell
                      at={o.lastPolledAt}
                      timeZone={me.company.timeZone}
                      neverLabel={t('olt.never')}
                      error={
                        o.lastError &&
                        t(`errors.${o.lastError}`, {
                          host: o.host,
                          port: o.port,
                          defaultValue: o.lastError,
                        })
                      }
                      errorTestId="olt-error"
                    />
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="light"
                          leftSection={<IconRefresh size={14} />}
                          loading={busy(poll, o.id)}
                          onClick={() => poll.mutate({ id: o.id })}
                        >
                          {t('olt.poll')}
                        </Button>
                        {manage && (
                          <>
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              leftSection={<IconPlugConnected size={14} />}
                              loading={busy(test, o.id)}
                              onClick={() => test.mutate({ id: o.id })}
                            >
                              {t('olt.test')}
                            </Button>
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              leftSection={<IconPencil size={14} />}
                              onClick={() => setEditing({ olt: o })}
                            >
                              {t('olt.edit')}
                            </Button>
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              color="red"
                              aria-label={t('olt.remove')}
                              onClick={() => confirmRemove(o)}
                            >
                              <IconTrash size={14} />
                            </Button>
                          </>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListPage>
      {editing && <OltFormModal olt={editing.olt} onClose={() => setEditing(null)} />}
    </>
  )
}
