import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import type { UseQueryResult } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { PageLoader, QueryError } from '../../components/query-state'

/**
 * One block of Pengaturan Perusahaan with its own form and save: a title, what it governs, then
 * the form once its settings are loaded (a loader meanwhile, an error with "Coba lagi").
 */
export function SettingsSection<T>({
  testId,
  title,
  intro,
  query,
  children,
}: {
  testId: string
  title: string
  intro: string
  query: UseQueryResult<T, unknown>
  children: (data: T) => ReactNode
}) {
  return (
    <Paper withBorder radius="md" p="lg" data-testid={testId}>
      <Stack gap="md">
        <div>
          <Title order={2} fz="h4">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {intro}
          </Text>
        </div>
        {query.isPending ? (
          <PageLoader />
        ) : query.isError ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          children(query.data)
        )}
      </Stack>
    </Paper>
  )
}

/** "Simpan" at the end of a settings form, for those who may change it. */
export function SaveButton({ editable, saving }: { editable: boolean; saving: boolean }) {
  const { t } = useTranslation()
  if (!editable) return null
  return (
    <Group justify="flex-end">
      <Button type="submit" loading={saving}>
        {t('common.save')}
      </Button>
    </Group>
  )
}
