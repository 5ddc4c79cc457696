import { Box, Container, Group, Paper, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from './language-switch'

/** The frame of the screens shown before the app shell: setup, sign-in, forced password change. */
export function PublicLayout({
  title,
  width = 460,
  children,
}: {
  title: string
  width?: number
  children: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)" py="xl">
      <Container size={width}>
        <Stack gap="lg">
          <Group justify="space-between" wrap="wrap">
            <div>
              <Text fw={800} fz="xl" c="teal.8">
                {t('app.name')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('app.tagline')}
              </Text>
            </div>
            <LanguageSwitch />
          </Group>
          <Paper withBorder shadow="sm" radius="md" p="xl">
            <Stack gap="md">
              <Title order={2} fz="h3">
                {title}
              </Title>
              {children}
            </Stack>
          </Paper>
        </Stack>
      </Container>
    </Box>
  )
}
