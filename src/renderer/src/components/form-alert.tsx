import { Alert } from '@mantine/core'
import { IconAlertCircle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../api/errors'

/** A server error that belongs to no single field, shown above the form's buttons. */
export function FormAlert({ error }: { error: unknown }) {
  const { t } = useTranslation()
  if (!error) return null
  return (
    <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert" data-testid="form-error">
      {errorMessage(t, error)}
    </Alert>
  )
}
