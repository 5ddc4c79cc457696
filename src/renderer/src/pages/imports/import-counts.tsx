import { Card, Group, SimpleGrid, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { countText } from '../../i18n'
import { entitiesOf, type ImportKind } from './import-rules'
import type { ImportSummary } from './types'

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Stack gap={0}>
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz="xl" fw={700} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  )
}

/** New and already-there counts per kind of record: before the import (preview) or after. */
export function ImportCounts({
  kind,
  summary,
  done = false,
}: {
  kind: ImportKind
  summary: ImportSummary
  done?: boolean
}) {
  const { t } = useTranslation()
  const entities = entitiesOf(kind)
  return (
    <SimpleGrid cols={{ base: 1, sm: entities.length }} maw={entities.length * 300}>
      {entities.map((entity) => (
        <Card
          key={entity}
          withBorder
          radius="md"
          padding="md"
          data-testid={`import-count-${entity}`}
        >
          <Text fw={600} mb="xs">
            {t(`importWizard.entities.${entity}`)}
          </Text>
          <Group gap="xl">
            <Stat
              label={t(done ? 'importWizard.countCreated' : 'importWizard.countNew')}
              value={countText(summary[entity].created)}
              testId={`import-${entity}-new`}
            />
            <Stat
              label={t('importWizard.countExisting')}
              value={countText(summary[entity].existing)}
              testId={`import-${entity}-existing`}
            />
          </Group>
          {done && entity === 'customers' && summary.customers.created > 0 && (
            <Text fz="sm" c="dimmed" mt="xs">
              {t('importWizard.services', { services: countText(summary.customers.services) })}
            </Text>
          )}
        </Card>
      ))}
    </SimpleGrid>
  )
}
