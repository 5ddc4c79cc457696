import { Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import { ReleaseNotes } from './release-notes'
import { UpdateSection } from './update-section'

/** "Tentang Loket": version, database engine and schema, data folder, release notes, update. */
export function AboutPage() {
  const { t } = useTranslation()
  const info = useQuery(trpc.about.info.queryOptions())
  return (
    <Stack gap="lg" maw={900}>
      <Stack gap={4}>
        <Title order={1} fz="h2">
          {t('about.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('about.intro')}
        </Text>
      </Stack>
      {info.isPending ? (
        <PageLoader />
      ) : info.isError ? (
        <QueryError error={info.error} onRetry={() => void info.refetch()} />
      ) : (
        <>
          <Paper withBorder radius="md" p="lg" data-testid="about-details">
            <Title order={2} fz="h4" mb="sm">
              {t('about.details')}
            </Title>
            <Table variant="vertical" layout="fixed" withTableBorder={false}>
              <Table.Tbody>
                <Row label={t('about.version')} value={info.data.version} testId="about-version" />
                <Row label={t('about.engine')} value={info.data.engine} testId="about-engine" />
                <Row
                  label={t('about.schema')}
                  value={info.data.schemaVersion ?? t('about.schemaNone')}
                  testId="about-schema"
                />
                <Row
                  label={t('about.dataDir')}
                  value={info.data.dataDir ?? t('about.dataDirNone')}
                  testId="about-data-dir"
                />
              </Table.Tbody>
            </Table>
          </Paper>
          <UpdateSection />
          <Paper withBorder radius="md" p="lg" data-testid="about-notes">
            <Title order={2} fz="h4" mb="sm">
              {t('about.notes')}
            </Title>
            {info.data.changelog ? (
              <ReleaseNotes markdown={info.data.changelog} />
            ) : (
              <Text size="sm" c="dimmed">
                {t('about.notesEmpty')}
              </Text>
            )}
          </Paper>
        </>
      )}
    </Stack>
  )
}

function Row({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Table.Tr>
      <Table.Th w={200}>{label}</Table.Th>
      <Table.Td data-testid={testId} style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Table.Td>
    </Table.Tr>
  )
}
