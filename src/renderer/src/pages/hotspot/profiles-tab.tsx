import { Badge, Button, EmptyState, Group, Table } from '@mantine/core'
import { IconPlus, IconUsersGroup } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatRupiah } from '@shared/money'
import { formatValidity, quotaText } from '@shared/schemas'
import { trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import { currentLanguage } from '../../i18n'
import { ProfileFormModal } from './profile-form-modal'
import type { ProfileRow } from './types'

export function ProfilesTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation()
  const profiles = useQuery(trpc.hotspot.profiles.queryOptions())
  const [editing, setEditing] = useState<{ profile: ProfileRow | null } | null>(null)

  if (profiles.isPending) return <PageLoader />
  if (profiles.isError)
    return <QueryError error={profiles.error} onRetry={() => void profiles.refetch()} />
  return (
    <>
      {canManage && (
        <Group justify="flex-end" mb="sm">
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setEditing({ profile: null })}
          >
            {t('hotspot.profiles.add')}
          </Button>
        </Group>
      )}
      {profiles.data.length === 0 ? (
        <EmptyState
          icon={<IconUsersGroup size={28} />}
          title={t('hotspot.profiles.empty')}
          size="sm"
          data-testid="hotspot-profiles-empty"
        />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover verticalSpacing="sm" data-testid="hotspot-profiles">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('hotspot.profiles.colName')}</Table.Th>
                <Table.Th>{t('hotspot.profiles.colRouter')}</Table.Th>
                <Table.Th>{t('hotspot.profiles.colRate')}</Table.Th>
                <Table.Th>{t('hotspot.profiles.colValidity')}</Table.Th>
                <Table.Th ta="right">{t('hotspot.profiles.colShared')}</Table.Th>
                <Table.Th ta="right">{t('hotspot.profiles.colPrice')}</Table.Th>
                <Table.Th ta="right">{t('hotspot.profiles.colQuota')}</Table.Th>
                <Table.Th>{t('hotspot.profiles.colStatus')}</Table.Th>
                {canManage && <Table.Th>{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {profiles.data.map((p) => (
                <Table.Tr key={p.id} c={p.active ? undefined : 'dimmed'}>
                  <Table.Td fw={600}>{p.name}</Table.Td>
                  <Table.Td>{p.routerName}</Table.Td>
                  <Table.Td>{p.rateLimit}</Table.Td>
                  <Table.Td>{formatValidity(p.validity, currentLanguage())}</Table.Td>
                  <Table.Td ta="right">{p.sharedUsers}</Table.Td>
                  <Table.Td ta="right" fw={600} style={{ whiteSpace: 'nowrap' }}>
                    {formatRupiah(p.price)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {p.quotaBytes ? quotaText(p.quotaBytes) : t('hotspot.profiles.noQuota')}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={p.active ? 'teal' : 'gray'}>
                      {p.active ? t('hotspot.profiles.active') : t('hotspot.profiles.inactive')}
                    </Badge>
                  </Table.Td>
                  {canManage && (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setEditing({ profile: p })}
                      >
                        {t('hotspot.profiles.edit')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && <ProfileFormModal profile={editing.profile} onClose={() => setEditing(null)} />}
    </>
  )
}
