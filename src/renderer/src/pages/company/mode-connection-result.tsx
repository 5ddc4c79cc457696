import { Alert } from '@mantine/core'
import { IconAlertTriangle, IconCircleCheck, IconPlugConnectedX } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { RouterOutputs } from '../../session/session'

/** What "Tes koneksi" found: the host's version and whether it is this PC's, or why not. */
export function ConnectionResult({
  result,
  own,
}: {
  result: RouterOutputs['mode']['testConnection']
  own: string
}) {
  const { t } = useTranslation()
  if (!result.reachable) {
    return (
      <Alert color="red" icon={<IconPlugConnectedX size={18} />} data-testid="mode-test-result">
        {t(`mode.testFailed.${result.reason}`)}
      </Alert>
    )
  }
  const ok = t('mode.testOk', { version: result.version, ms: result.ms })
  return result.sameVersion ? (
    <Alert color="teal" icon={<IconCircleCheck size={18} />} data-testid="mode-test-result">
      {ok} {t('mode.testSameVersion')}
    </Alert>
  ) : (
    <Alert color="orange" icon={<IconAlertTriangle size={18} />} data-testid="mode-test-result">
      {ok} {t('mode.testOtherVersion', { version: result.version, own })}
    </Alert>
  )
}
