import { Button, Group, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconDownload } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { trpcClient } from '../../api/client'
import { errorMessage } from '../../api/errors'
import { saveBase64 } from './file-data'

const FORMATS = [
  { format: 'csv', label: 'importWizard.templateCsv' },
  { format: 'xlsx', label: 'importWizard.templateXlsx' },
  { format: 'workbook', label: 'importWizard.templateWorkbook' },
] as const
type Format = (typeof FORMATS)[number]['format']

/** The documented columns as a file to fill in: the surest way to a clean import. */
export function TemplateButtons() {
  const { t } = useTranslation()
  const download = useMutation({
    // A one-off file, not data to cache: asked for on each click.
    mutationFn: (format: Format) => trpcClient.imports.template.query({ format }),
    onSuccess: (file) => saveBase64(file.fileName, file.contentBase64),
    onError: (error) =>
      notifications.show({
        color: 'red',
        title: t('importWizard.templateFailed'),
        message: errorMessage(t, error),
      }),
  })

  return (
    <Stack gap="xs">
      <Text fz="sm" c="dimmed">
        {t('importWizard.templates')}
      </Text>
      <Group gap="xs">
        {FORMATS.map(({ format, label }) => (
          <Button
            key={format}
            variant="default"
            size="sm"
            leftSection={<IconDownload size={16} />}
            loading={download.isPending && download.variables === format}
            disabled={download.isPending && download.variables !== format}
            onClick={() => download.mutate(format)}
          >
            {t(label)}
          </Button>
        ))}
      </Group>
    </Stack>
  )
}
