import { Alert, Button, Group, Stack } from '@mantine/core'
import { IconArrowLeft, IconCircleCheck, IconFileImport, IconInfoCircle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { FormAlert } from '../../components/form-alert'
import { ImportCounts } from './import-counts'
import { ImportErrors } from './import-errors'
import { PreviewRows } from './preview-rows'
import { RouterPerArea } from './router-per-area'
import type { ImportWizard } from './use-import-wizard'

/** Step 3: what the import would do, row by row; nothing is written until "Impor sekarang". */
export function PreviewStep({ wizard }: { wizard: ImportWizard }) {
  const { t } = useTranslation()
  const { summary, kind } = wizard
  if (!summary) return null
  const hasErrors = summary.errors.length > 0
  const needsRouter = summary.routers.missing > 0
  const nothingNew =
    summary.areas.created + summary.products.created + summary.customers.created === 0
  // An IMPORT_HAS_ERRORS answer is already shown as the table of rows.
  const error = hasErrors ? null : wizard.error

  return (
    <Stack gap="md">
      <ImportCounts kind={kind} summary={summary} />
      {hasErrors ? (
        <ImportErrors kind={kind} errors={summary.errors} />
      ) : needsRouter ? null : (
        <Alert
          color={nothingNew ? 'gray' : 'teal'}
          variant="light"
          icon={nothingNew ? <IconInfoCircle size={18} /> : <IconCircleCheck size={18} />}
          data-testid="import-ready"
        >
          {t(nothingNew ? 'importWizard.nothingNew' : 'importWizard.ready')}
        </Alert>
      )}
      <RouterPerArea wizard={wizard} />
      <PreviewRows summary={summary} />
      <FormAlert error={error} />
      <Group justify="space-between">
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconArrowLeft size={16} />}
            onClick={() => wizard.goTo(kind === 'workbook' ? 'file' : 'mapping')}
          >
            {t('common.back')}
          </Button>
          <Button variant="subtle" onClick={wizard.startOver}>
            {t('importWizard.pickAnother')}
          </Button>
        </Group>
        <Button
          leftSection={<IconFileImport size={16} />}
          disabled={hasErrors || needsRouter}
          loading={wizard.committing}
          onClick={() => void wizard.commitNow()}
        >
          {t('importWizard.commit')}
        </Button>
      </Group>
    </Stack>
  )
}
