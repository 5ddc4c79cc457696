import { Alert, Button, Center, Loader, Stack } from '@mantine/core'
import { IconAlertCircle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../api/errors'

export function PageLoader() {
  const { t } = useTranslation()
  return (
    <Center mih={200} aria-busy="true">
      <Loader aria-label={t('common.loading')} />
    </Center>
  )
}

/** A query that failed: the translated reason and a way to ask again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation()
  return (
    <Alert
      color="red"
      icon={<IconAlertCircle size={18} />}
      title={t('common.loadFailed')}
      role="alert"
    >
      <Stack gap="xs" align="flex-start">
        {errorMessage(t, error)}
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  )
}
