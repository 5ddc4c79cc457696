import { Button, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconPlugConnectedX } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { ModuleKey } from '@shared/modules'
import { useModuleText } from '../components/module-text'
import { useSession } from '../session/session'

/**
 * A page of a module the company has switched off (a bookmark, a typed URL): says so, and takes
 * those who may switch it on to Pengaturan → Modul. Its data is untouched.
 */
export function ModuleDisabledPage({ module }: { module: ModuleKey }) {
  const { t } = useTranslation()
  const { can } = useSession()
  const name = useModuleText(module).label
  const owner = can('company.manage')
  return (
    <Stack align="center" gap="sm" py={60} data-testid="module-disabled">
      <ThemeIcon size={56} radius="xl" variant="light" color="gray">
        <IconPlugConnectedX size={30} />
      </ThemeIcon>
      <Title order={2} fz="h3">
        {t('modules.disabledTitle', { name })}
      </Title>
      <Text fw={600} ta="center" maw={480}>
        {t('modules.disabledBody')}
      </Text>
      <Text c="dimmed" size="sm" ta="center" maw={480}>
        {t(owner ? 'modules.disabledHintOwner' : 'modules.disabledHint')}
      </Text>
      <Button
        component={Link}
        to={owner ? '/company#modul' : '/'}
        variant="light"
        mt="sm"
        data-testid="module-disabled-link"
      >
        {owner ? t('modules.openSettings') : t('noAccess.home')}
      </Button>
    </Stack>
  )
}
