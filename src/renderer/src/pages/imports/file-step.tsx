import { Button, Divider, FileInput, Group, Radio, Stack } from '@mantine/core'
import { IconArrowRight, IconFileSpreadsheet } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { FormAlert } from '../../components/form-alert'
import { IMPORT_KINDS, type ImportKind } from './import-rules'
import { TemplateButtons } from './template-buttons'
import type { ImportWizard } from './use-import-wizard'

/** Step 1: what the file holds, the file itself, and the templates to start from. */
export function FileStep({ wizard }: { wizard: ImportWizard }) {
  const { t } = useTranslation()
  const { fileError } = wizard
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void wizard.fromFile()
      }}
    >
      <Stack gap="lg">
        <Radio.Group
          label={t('importWizard.kind')}
          value={wizard.kind}
          onChange={(value) => wizard.setKind(value as ImportKind)}
        >
          <Stack gap="sm" mt="xs">
            {IMPORT_KINDS.map((kind) => (
              <Radio
                key={kind}
                value={kind}
                label={t(`importWizard.kinds.${kind}`)}
                description={t(`importWizard.kindHints.${kind}`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        <FileInput
          label={t('importWizard.file')}
          description={t('importWizard.fileHint')}
          placeholder={t('importWizard.filePlaceholder')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          leftSection={<IconFileSpreadsheet size={18} />}
          value={wizard.file}
          onChange={wizard.setFile}
          error={fileError ? t(fileError.key, fileError.params) : undefined}
          clearable
          required
          maw={520}
        />
        <FormAlert error={wizard.error} />
        <Group justify="flex-end">
          <Button type="submit" rightSection={<IconArrowRight size={16} />}>
            {t('common.next')}
          </Button>
        </Group>
        <Divider />
        <TemplateButtons />
      </Stack>
    </form>
  )
}
