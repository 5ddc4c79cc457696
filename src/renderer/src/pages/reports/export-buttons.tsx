import { Button, Group } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import type { inferRouterInputs } from '@trpc/server'
import { useTranslation } from 'react-i18next'
import type { AppRouter } from '@api/router'
import { trpc } from '../../api/client'
import { errorMessage } from '../../api/errors'
import { saveBase64 } from '../../files/base64-files'

export type ExportRequest = inferRouterInputs<AppRouter>['reports']['export']['request']

/** "Excel" and "PDF": the report as on screen, built by the API and saved as a file. */
export function ExportButtons({
  request,
  disabled,
}: {
  request: ExportRequest
  disabled?: boolean
}) {
  const { t } = useTranslation()
  const file = useMutation(
    trpc.reports.export.mutationOptions({
      onSuccess: (f) => saveBase64(f.fileName, f.contentBase64),
      onError: (error) =>
        notifications.show({
          color: 'red',
          title: t('reports.exportFailed'),
          message: errorMessage(t, error),
        }),
    }),
  )
  const pending = (format: 'xlsx' | 'pdf') => file.isPending && file.variables?.format === format
  return (
    <Group gap="xs">
      <Button
        variant="default"
        leftSection={<IconFileSpreadsheet size={18} />}
        loading={pending('xlsx')}
        disabled={disabled || file.isPending}
        onClick={() => file.mutate({ request, format: 'xlsx' })}
      >
        {t('reports.excel')}
      </Button>
      <Button
        variant="default"
        leftSection={<IconFileTypePdf size={18} />}
        loading={pending('pdf')}
        disabled={disabled || file.isPending}
        onClick={() => file.mutate({ request, format: 'pdf' })}
      >
        {t('reports.pdf')}
      </Button>
    </Group>
  )
}
