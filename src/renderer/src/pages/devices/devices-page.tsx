import { Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { DevicesPanel } from './devices-panel'

/** "Perangkat aktif": every signed-in user's own sessions and trusted devices. */
export function DevicesPage() {
  const { t } = useTranslation()
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} fz="h2">
          {t('devices.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('devices.intro')}
        </Text>
      </Stack>
      <DevicesPanel scope={{ kind: 'own' }} />
    </Stack>
  )
}
