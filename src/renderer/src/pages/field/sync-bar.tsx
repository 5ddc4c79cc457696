import { Badge, Button, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { FieldOutbox } from './types'

/** What waits on the phone, under the header of every phone page. */
export function SyncBar({ outbox }: { outbox: FieldOutbox }) {
  const { t } = useTranslation()
  if (!outbox.loaded) return null
  const refused = outbox.commands.filter((c) => c.state === 'conflict').length
  const pending = outbox.commands.length - refused
  return (
    <Group gap="xs" mt={6} data-testid="sync-bar">
      {pending > 0 && (
        <Badge color="yellow" variant="filled">
          {outbox.sending ? t('field.sync.sending') : t('field.sync.pending', { count: pending })}
        </Badge>
      )}
      {pending === 0 && refused === 0 && (
        <Badge color="teal" variant="light">
          {t('field.sync.allSent')}
        </Badge>
      )}
      {refused > 0 && (
        <Badge color="red" variant="filled">
          {t('field.sync.conflicts', { count: refused })}
        </Badge>
      )}
      {pending > 0 && (
        <Button size="compact-xs" variant="light" onClick={outbox.syncNow}>
          {t('field.sync.sendNow')}
        </Button>
      )}
    </Group>
  )
}
