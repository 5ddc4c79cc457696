import { Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { JobsTable } from './jobs-table'
import { RunHistory } from './run-history'

/** "Jadwal & riwayat": what runs by itself and when, and the record of every run. */
export function SchedulePage() {
  const { t } = useTranslation()
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} fz="h2">
          {t('schedule.title')}
        </Title>
        <Text c="dimmed">{t('schedule.intro')}</Text>
      </div>
      <Paper withBorder radius="md" p="md">
        <Title order={2} fz="h4" mb="sm">
          {t('schedule.jobsTitle')}
        </Title>
        <JobsTable />
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Title order={2} fz="h4" mb="sm">
          {t('schedule.historyTitle')}
        </Title>
        <RunHistory />
      </Paper>
    </Stack>
  )
}
