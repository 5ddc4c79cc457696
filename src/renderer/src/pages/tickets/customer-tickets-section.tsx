import { Anchor, Button, Card, EmptyState, Group, Table, Text, Title } from '@mantine/core'
import { IconHeadset, IconPlus } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatInstant } from '@shared/dates'
import { trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import { intlLocale } from '../../i18n'
import { useSession } from '../../session/session'
import { NewTicketModal } from './new-ticket-modal'
import type { ComponentProps } from 'react'
import { TicketStatusBadge } from './ticket-labels'

const SHOWN = 10

/** The customer's tickets, newest first, each linking to its page; "Buat tiket" for them. */
export function CustomerTicketsSection({
  customer,
  prefill,
  shown = SHOWN,
}: {
  customer: { id: number; code: string; name: string }
  /** The troubleshooting screen: the new ticket starts with what was checked, and stays here. */
  prefill?: () => NonNullable<ComponentProps<typeof NewTicketModal>['initial']>
  shown?: number
}) {
  const { t } = useTranslation()
  const { can, me } = useSession()
  const [creating, setCreating] = useState(false)
  const list = useQuery(
    trpc.tickets.list.queryOptions({ customerId: customer.id, limit: shown + 1 }),
  )
  const locale = intlLocale()

  const body = () => {
    if (list.isPending) return <PageLoader />
    if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />
    if (list.data.length === 0)
      return (
        <EmptyState
          icon={<IconHeadset size={28} />}
          title={t('tickets.customer.empty')}
          size="sm"
          data-testid="customer-tickets-empty"
        />
      )
    return (
      <>
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" fz="sm" aria-label={t('tickets.customer.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tickets.col.number')}</Table.Th>
                <Table.Th>{t('tickets.col.title')}</Table.Th>
                <Table.Th>{t('tickets.col.status')}</Table.Th>
                <Table.Th>{t('tickets.col.created')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.slice(0, shown).map((row) => (
                <Table.Tr key={row.id} data-testid="customer-ticket">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Anchor component={Link} to={`/tiket/${row.id}`} ff="monospace" fz="sm">
                      {row.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{row.title}</Table.Td>
                  <Table.Td>
                    <TicketStatusBadge status={row.status} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatInstant(row.createdAt, me.company.timeZone, locale)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {list.data.length > shown && (
          <Text fz="sm" mt="xs">
            <Anchor component={Link} to={`/tiket?customer=${customer.id}`}>
              {t('tickets.customer.more')}
            </Anchor>
          </Text>
        )}
      </>
    )
  }

  return (
    <Card withBorder radius="md" padding="md" data-testid="customer-tickets">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h5">
          {t('tickets.customer.title')}
        </Title>
        {can('tickets.manage') && (
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconPlus size={16} />}
            onClick={() => setCreating(true)}
          >
            {t('tickets.customer.open')}
          </Button>
        )}
      </Group>
      {body()}
      {creating && (
        <NewTicketModal
          customer={customer}
          initial={prefill?.()}
          stay={prefill !== undefined}
          onClose={() => setCreating(false)}
        />
      )}
    </Card>
  )
}
