import { Button, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconLock } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

/** Shown for a page the user's role may not open (the API would refuse its data anyway). */
export function NoAccessPage() {
  const { t } = useTranslation()
  return (
    <Stack align="center" gap="sm" py={60} data-testid="no-access">
      <ThemeIcon size={56} radius="xl" variant="light" color="orange">
        <IconLock size={30} />
      </ThemeIcon>
      <Title order={2} fz="h3">
        {t('noAccess.title')}
      </Title>
      <Text fw={600}>{t('noAccess.body')}</Text>
      <Text c="dimmed" size="sm" ta="center" maw={420}>
        {t('noAccess.hint')}
      </Text>
      <Button component={Link} to="/" variant="light" mt="sm">
        {t('noAccess.home')}
      </Button>
    </Stack>
  )
}

export function NotFoundPage() {
  const { t } = useTranslation()
  return (
    <Stack align="center" gap="sm" py={60}>
      <Title order={2} fz="h3">
        {t('notFound.title')}
      </Title>
      <Button component={Link} to="/" variant="light">
        {t('noAccess.home')}
      </Button>
    </Stack>
  )
}
