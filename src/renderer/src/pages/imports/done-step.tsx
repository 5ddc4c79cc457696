import { Button, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconCircleCheck, IconPackages, IconRefresh, IconUsers } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useSession } from '../../session/session'
import { ImportCounts } from './import-counts'
import type { ImportWizard } from './use-import-wizard'

/** After the commit: what was added, and where to see it. */
export function DoneStep({ wizard }: { wizard: ImportWizard }) {
  const { t } = useTranslation()
  const { can } = useSession()
  const { result, kind } = wizard
  if (!result) return null
  const added = result.areas.created + result.products.created + result.customers.created
  const catalogTab = kind === 'areas' ? '?tab=areas' : ''
  return (
    <Stack gap="md" data-testid="import-done">
      <Group gap="sm">
        <ThemeIcon color="teal" variant="light" size="lg" radius="xl">
          <IconCircleCheck size={22} />
        </ThemeIcon>
        <Title order={2} fz="h3">
          {t('importWizard.doneTitle')}
        </Title>
      </Group>
      <Text>
        {t(added > 0 ? 'importWizard.doneBody' : 'importWizard.doneNothing', {
          fileName: result.fileName,
        })}
      </Text>
      <ImportCounts kind={kind} summary={result} done />
      <Group gap="xs">
        {can('customers.view') && (
          <Button component={Link} to="/customers" leftSection={<IconUsers size={16} />}>
            {t('importWizard.toCustomers')}
          </Button>
        )}
        {kind !== 'customers' && can('catalog.view') && (
          <Button
            component={Link}
            to={`/catalog${catalogTab}`}
            variant="light"
            leftSection={<IconPackages size={16} />}
          >
            {t('importWizard.toCatalog')}
          </Button>
        )}
        <Button
          variant="default"
          leftSection={<IconRefresh size={16} />}
          onClick={wizard.startOver}
        >
          {t('importWizard.again')}
        </Button>
      </Group>
    </Stack>
  )
}
