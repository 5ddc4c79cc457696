import { Anchor, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatInstant } from '@shared/dates'
import { intlLocale } from '../../i18n'
import { useSession } from '../../session/session'
import { formatRecipient, MessageStatusBadge } from './message-labels'
import type { MessageRow } from './types'

/** The history's rows; a row opens the message's detail. */
export function MessagesTable({
  rows,
  onOpen,
}: {
  rows: MessageRow[]
  onOpen: (id: number) => void
}) {
  const { t } = useTranslation()
  const { me } = useSession()
  const locale = intlLocale()
  return (
    <Table.ScrollContainer minWidth={1050}>
      <Table
        striped
        highlightOnHover
        verticalSpacing="xs"
        stickyHeader
        data-testid="messages-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('messaging.history.colTime')}</Table.Th>
            <Table.Th>{t('messaging.history.colCustomer')}</Table.Th>
            <Table.Th>{t('messaging.history.colRecipient')}</Table.Th>
            <Table.Th>{t('messaging.history.colKind')}</Table.Th>
            <Table.Th>{t('messaging.history.colText')}</Table.Th>
            <Table.Th>{t('messaging.history.colStatus')}</Table.Th>
            <Table.Th>{t('messaging.history.colReason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr
              key={r.id}
              data-testid="message-row"
              style={{ cursor: 'pointer' }}
              onClick={() => onOpen(r.id)}
            >
              <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                {formatInstant(r.createdAt, me.company.timeZone, locale)}
              </Table.Td>
              <Table.Td fz="sm">
                {r.customerId ? (
                  <Anchor
                    component={Link}
                    to={`/customers/${r.customerId}`}
                    fz="sm"
                    onClick={(e) => e.stopPropagation()}
                  >
                    <Text span ff="monospace" fz="sm" c="dimmed">
                      {r.customerCode}
                    </Text>{' '}
                    {r.customerName}
                  </Anchor>
                ) : (
                  t('common.empty')
                )}
              </Table.Td>
              <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                {formatRecipient(r.channel, r.recipient) || t('common.empty')}
                <Text fz="xs" c="dimmed">
                  {t(`messaging.channel.${r.channel}`)}
                </Text>
              </Table.Td>
              <Table.Td fz="sm">{t(`messaging.kind.${r.kind}`, { defaultValue: r.kind })}</Table.Td>
              <Table.Td fz="sm" maw={280}>
                <Text fz="sm" lineClamp={2} c="dimmed">
                  {r.excerpt}
                </Text>
              </Table.Td>
              <Table.Td>
                <MessageStatusBadge status={r.status} />
              </Table.Td>
              <Table.Td fz="sm">
                {r.reason
                  ? t(`messaging.reason.${r.reason}`, { defaultValue: r.reason })
                  : t('common.empty')}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
