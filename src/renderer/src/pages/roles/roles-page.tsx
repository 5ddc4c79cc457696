import { Alert, Paper, Stack, Text, Title } from '@mantine/core'
import { IconEye } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import { useSession } from '../../session/session'
import { RoleMatrixEditor } from './role-matrix-editor'

export function RolesPage() {
  const { t } = useTranslation()
  const { can } = useSession()
  const matrix = useQuery(trpc.roles.matrix.queryOptions())
  const editable = can('roles.manage')
  return (
    <Stack gap="lg">
      <Title order={1} fz="h2">
        {t('rolesPage.title')}
      </Title>
      <Text c="dimmed">{t('rolesPage.intro')}</Text>
      {!editable && (
        <Alert color="gray" icon={<IconEye size={18} />}>
          {t('rolesPage.readOnly')}
        </Alert>
      )}
      <Paper withBorder radius="md" p="md">
        {matrix.isPending ? (
          <PageLoader />
        ) : matrix.isError ? (
          <QueryError error={matrix.error} onRetry={() => void matrix.refetch()} />
        ) : (
          // Keyed by the saved matrix, so the draft starts over from what the server now holds.
          <RoleMatrixEditor
            key={JSON.stringify(matrix.data.roles)}
            matrix={matrix.data}
            editable={editable}
          />
        )}
      </Paper>
    </Stack>
  )
}
