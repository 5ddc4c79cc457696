import { Button, EmptyState, Table, Text, Tooltip } from '@mantine/core'
import { IconHistory } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatInstant } from '@shared/dates'
import { agentText, placeText, whoText } from '@shared/who'
import { intlLocale } from '../../i18n'
import { AuditDetailsModal } from './audit-details-modal'
import { actionLabel, recordLabel, type AuditEntry } from './audit-format'

const AGENT_CHARS = 24

export function AuditTable({ entries, timeZone }: { entries: AuditEntry[]; timeZone: string }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState<AuditEntry | null>(null)
  if (entries.length === 0) {
    return <EmptyState icon={<IconHistory size={28} />} title={t('audit.empty')} size="sm" />
  }
  return (
    <>
      <Table.ScrollContainer minWidth={900}>
        <Table striped highlightOnHover verticalSpacing="xs" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.colTime')}</Table.Th>
              <Table.Th>{t('audit.colUser')}</Table.Th>
              <Table.Th>{t('audit.colAction')}</Table.Th>
              <Table.Th>{t('audit.colRecord')}</Table.Th>
              <Table.Th>{t('audit.colIp')}</Table.Th>
              <Table.Th>{t('audit.colAgent')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => {
              const agent = agentText(t, entry.userAgent) ?? ''
              const hasChanges = Boolean(entry.before || entry.after)
              return (
                <Table.Tr key={entry.id} data-testid="audit-row" data-action={entry.action}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatInstant(entry.at, timeZone, intlLocale())}
                  </Table.Td>
                  <Table.Td title={entry.username ?? undefined}>
                    {whoText(t, entry.username, entry.userName)}
                  </Table.Td>
                  <Table.Td fw={500}>{actionLabel(t, entry.action)}</Table.Td>
                  <Table.Td>{recordLabel(t, entry, intlLocale())}</Table.Td>
                  <Table.Td>{placeText(t, entry.ip) ?? t('common.empty')}</Table.Td>
                  <Table.Td>
                    {agent.length > AGENT_CHARS ? (
                      <Tooltip label={agent} multiline w={360} withArrow>
                        <Text size="sm" span>
                          {`${agent.slice(0, AGENT_CHARS)}…`}
                        </Text>
                      </Tooltip>
                    ) : (
                      agent || t('common.empty')
                    )}
                  </Table.Td>
                  <Table.Td>
                    {hasChanges && (
                      <Button size="compact-xs" variant="subtle" onClick={() => setOpen(entry)}>
                        {t('audit.details')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {open && <AuditDetailsModal entry={open} onClose={() => setOpen(null)} />}
    </>
  )
}
