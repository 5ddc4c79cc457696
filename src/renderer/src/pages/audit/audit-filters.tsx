import { Select, SimpleGrid } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { trpc } from '../../api/client'
import { useSession } from '../../session/session'
import { actionLabel } from './audit-format'
import { DateField } from '../../components/date-field'

export interface AuditFilterValues {
  from: string
  to: string
  userId: string
  action: string
}

export const NO_FILTER: AuditFilterValues = { from: '', to: '', userId: '', action: '' }

export function AuditFilters({
  value,
  onChange,
}: {
  value: AuditFilterValues
  onChange: (next: AuditFilterValues) => void
}) {
  const { t } = useTranslation()
  const { can } = useSession()
  const canSeeUsers = can('users.view')
  const actions = useQuery(trpc.audit.actions.queryOptions())
  // The user filter needs the users list, which only users.view may read.
  const users = useQuery(
    trpc.users.list.queryOptions({ includeInactive: true }, { enabled: canSeeUsers }),
  )
  const actionOptions = (actions.data ?? [])
    .map((action) => ({ value: action, label: actionLabel(t, action) }))
    .sort((a, b) => a.label.localeCompare(b.label))
  const userOptions = (users.data ?? []).map((u) => ({
    value: String(u.id),
    label: `${u.name} (@${u.username})`,
  }))
  // Clearing a select means "all": the placeholder says so.
  const choose = (key: 'userId' | 'action') => (picked: string | null) =>
    onChange({ ...value, [key]: picked ?? '' })

  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: canSeeUsers ? 4 : 3 }}>
      <DateField
        label={t('audit.from')}
        value={value.from}
        max={value.to || undefined}
        clearable
        onChange={(from) => onChange({ ...value, from })}
      />
      <DateField
        label={t('audit.to')}
        value={value.to}
        min={value.from || undefined}
        clearable
        onChange={(to) => onChange({ ...value, to })}
      />
      {canSeeUsers && (
        <Select
          label={t('audit.user')}
          placeholder={t('audit.allUsers')}
          data={userOptions}
          value={value.userId || null}
          onChange={choose('userId')}
          clearable
          searchable
        />
      )}
      <Select
        label={t('audit.action')}
        placeholder={t('audit.allActions')}
        data={actionOptions}
        value={value.action || null}
        onChange={choose('action')}
        clearable
      />
    </SimpleGrid>
  )
}
