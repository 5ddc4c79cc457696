import { Alert, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TemplateKey } from '@shared/messaging'
import { trpc } from '../../api/client'
import { QueryError } from '../../components/query-state'
import { useSession } from '../../session/session'
import { CustomerPicker } from './customer-picker'

/**
 * The text as a real customer would get it today, following the editor as it is typed; the
 * table shows what each variable became (a variable without a value stays visible as `{name}`).
 */
export function TemplatePreview(p: { templateKey: TemplateKey; subject: string; body: string }) {
  const { t } = useTranslation()
  const { can } = useSession()
  const [customer, setCustomer] = useState<{ id: number; code: string; name: string } | null>(null)
  const [text] = useDebouncedValue({ subject: p.subject, body: p.body }, 300)
  const preview = useQuery(
    trpc.messaging.previewTemplate.queryOptions(
      { key: p.templateKey, ...text, customerId: customer?.id },
      { placeholderData: keepPreviousData },
    ),
  )
  const used = preview.data?.customer
  return (
    <Stack gap="sm" data-testid="template-preview">
      <Group justify="space-between" align="flex-end">
        <Text fw={600}>{t('messaging.templates.preview')}</Text>
        {preview.isFetching && <Loader size="xs" />}
      </Group>
      {can('customers.view') && <CustomerPicker value={customer} onChange={setCustomer} />}
      {preview.isError ? (
        <QueryError error={preview.error} onRetry={() => void preview.refetch()} />
      ) : preview.data ? (
        <>
          {used ? (
            <Text fz="sm" c="dimmed">
              {t('messaging.templates.previewFor', { customer: `${used.code} — ${used.name}` })}
            </Text>
          ) : (
            <Alert color="yellow">{t('messaging.templates.previewNoCustomer')}</Alert>
          )}
          <Paper withBorder radius="md" p="sm">
            {preview.data.subject && (
              <Text fz="sm" fw={600} mb={4}>
                {preview.data.subject}
              </Text>
            )}
            <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="template-preview-body">
              {preview.data.body}
            </Text>
          </Paper>
          {preview.data.variables.length > 0 && (
            <Table fz="sm" verticalSpacing={4}>
              <Table.Tbody>
                {preview.data.variables.map((v) => (
                  <Table.Tr key={v.name}>
                    <Table.Td ff="monospace" w="40%">{`{${v.name}}`}</Table.Td>
                    <Table.Td>
                      {v.value ? (
                        v.value
                      ) : (
                        <Text span fz="sm" c="orange">
                          {t('messaging.templates.noValue')}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      ) : (
        <Loader size="sm" />
      )}
    </Stack>
  )
}
