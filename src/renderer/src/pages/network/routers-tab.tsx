import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPencil, IconPlugConnected, IconRouter } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../api/errors'
import { queryClient, trpc } from '../../api/client'
import { DeviceNameCell, LastReachedCell } from '../../components/device-fields'
import { ListPage } from '../../components/list-page'
import { countText } from '../../i18n'
import { useSession } from '../../session/session'
import { RouterFormModal, type RouterRow } from './router-form-modal'
import { uptimeText } from './router-test-result'

/** The company's routers with what Loket last saw of them and their queue. */
export function RoutersTab() {
  const { t } = useTranslation()
  const { can, me } = useSession()
  const routers = useQuery(
    trpc.network.routers.queryOptions(undefined, { refetchInterval: 10_000 }),
  )
  const [editing, setEditing] = useState<{ router: RouterRow | null } | null>(null)
  const test = useMutation(
    trpc.network.testRouter.mutationOptions({
      onSuccess: (p) => {
        notifications.show({
          color: 'teal',
          title: t('routers.testOk', { identity: p.identity }),
          message: `RouterOS ${p.version} · ${p.board} · uptime ${uptimeText(p.uptimeSeconds)} · CPU ${p.cpuLoad}%`,
        })
        void queryClient.invalidateQueries({ queryKey: trpc.network.routers.queryKey() })
      },
      onError: (error) => {
        notifications.show({ color: 'red', message: errorMessage(t, error) })
        void queryClient.invalidateQueries({ queryKey: trpc.network.routers.queryKey() })
      },
    }),
  )
  const manage = can('network.manage')

  return (
    <>
      <ListPage
        query={routers}
        add={manage && { label: t('routers.add'), onAdd: () => setEditing({ router: null }) }}
        empty={(rows) =>
          rows.length > 0
            ? null
            : {
                icon: <IconRouter size={28} />,
                title: t('routers.empty'),
                description: t('routers.emptyHint'),
              }
        }
      >
        {(rows) => (
          <Table.ScrollContainer minWidth={900}>
            <Table striped verticalSpacing="sm" data-testid="routers-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('routers.colName')}</Table.Th>
                  <Table.Th>{t('routers.colAddress')}</Table.Th>
                  <Table.Th>{t('routers.colSystem')}</Table.Th>
                  <Table.Th ta="right">{t('routers.colServices')}</Table.Th>
                  <Table.Th>{t('routers.colQueue')}</Table.Th>
                  <Table.Th>{t('routers.colSeen')}</Table.Th>
                  {manage && <Table.Th>{t('common.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr
                    key={r.id}
                    data-testid="router-row"
                    data-name={r.name}
                    c={r.active ? undefined : 'dimmed'}
                  >
                    <DeviceNameCell
                      name={r.name}
                      active={r.active}
                      inactiveLabel={t('routers.inactive')}
                    />
                    <Table.Td ff="monospace" fz="sm">
                      {r.host}:{r.port}
                      {r.tls ? ' (TLS)' : ''}
                    </Table.Td>
                    <Table.Td fz="sm">
                      {r.identity ? `${r.identity} · ${r.version ?? ''}` : t('common.empty')}
                      {r.board && (
                        <Text fz="xs" c="dimmed">
                          {r.board}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{countText(r.services)}</Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        {r.pendingJobs > 0 && (
                          <Badge color="yellow" variant="light" tt="none" miw={110}>
                            {t('routers.pending', { count: r.pendingJobs })}
                          </Badge>
                        )}
                        {r.failedJobs > 0 && (
                          <Badge color="red" variant="light" tt="none" miw={110}>
                            {t('routers.failed', { count: r.failedJobs })}
                          </Badge>
                        )}
                        {r.pendingJobs + r.failedJobs === 0 && t('common.empty')}
                      </Stack>
                    </Table.Td>
                    <LastReachedCell
                      at={r.lastSeenAt}
                      timeZone={me.company.timeZone}
                      neverLabel={t('routers.never')}
                      error={r.lastError}
                      errorTestId="router-error"
                    />
                    {manage && (
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="compact-sm"
                            variant="light"
                            leftSection={<IconPlugConnected size={14} />}
                            loading={
                              test.isPending &&
                              test.variables &&
                              'id' in test.variables &&
                              test.variables.id === r.id
                            }
                            onClick={() => test.mutate({ id: r.id })}
                          >
                            {t('routers.test')}
                          </Button>
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            leftSection={<IconPencil size={14} />}
                            onClick={() => setEditing({ router: r })}
                          >
                            {t('routers.edit')}
                          </Button>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListPage>
      {editing && <RouterFormModal router={editing.router} onClose={() => setEditing(null)} />}
    </>
  )
}
