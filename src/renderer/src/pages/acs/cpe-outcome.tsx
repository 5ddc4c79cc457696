import { Alert, Badge } from '@mantine/core'
import type { CpeOutcome } from '@shared/acs'
import { useTranslation } from 'react-i18next'

const COLOR: Record<CpeOutcome | 'pending', string> = {
  done: 'teal',
  queued: 'blue',
  fault: 'red',
  not_found: 'orange',
  unreachable: 'red',
  pending: 'gray',
}

/** How the ACS answered an action, in words and a colour. */
export function CpeOutcomeBadge({ outcome }: { outcome: CpeOutcome | null }) {
  const { t } = useTranslation()
  const key = outcome ?? 'pending'
  return (
    <Badge color={COLOR[key]} variant="light" size="sm">
      {t(`acs.card.outcomeShort.${key}`)}
    </Badge>
  )
}

/** The answer to the action just asked, under the buttons. */
export function CpeOutcomeAlert({
  outcome,
  message,
}: {
  outcome: CpeOutcome | null
  message: string | null
}) {
  const { t } = useTranslation()
  const key = outcome ?? 'pending'
  return (
    <Alert color={COLOR[key]} variant="light" data-testid="cpe-result" data-outcome={key}>
      {t(`acs.card.outcome.${key}`)}
      {message ? `: ${message}` : ''}
    </Alert>
  )
}
