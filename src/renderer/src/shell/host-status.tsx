import { Alert, Button, Group, Text } from '@mantine/core'
import { IconPlugConnectedX, IconServer2 } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { checkHostNow, useHostUnreachable } from '../api/host-reachability'

/** The host this window shows when the desktop runs in client mode (set by the preload). */
export function clientHost(): string | null {
  const url = window.loketClient?.hostUrl
  if (!url) return null
  try {
    return new URL(url).host
  } catch {
    return null
  }
}

/** Across the top of every page while the host does not answer; what was typed stays put. */
export function HostUnreachableBanner() {
  const { t } = useTranslation()
  const unreachable = useHostUnreachable()
  const [checking, setChecking] = useState(false)
  if (!unreachable) return null
  return (
    <Alert
      color="red"
      icon={<IconPlugConnectedX size={18} />}
      role="alert"
      mb="md"
      // Stays in sight under the header however far the page is scrolled (the counter form).
      pos="sticky"
      top="calc(var(--app-shell-header-height) + var(--mantine-spacing-xs))"
      style={{ zIndex: 20 }}
      data-testid="host-unreachable"
    >
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Text size="sm">{t('hostStatus.unreachable')}</Text>
        <Button
          size="xs"
          variant="white"
          color="red"
          loading={checking}
          onClick={() => {
            setChecking(true)
            void checkHostNow().finally(() => setChecking(false))
          }}
        >
          {t('hostStatus.retry')}
        </Button>
      </Group>
    </Alert>
  )
}

/** The status bar of a client PC: which host it works on (nothing runs on this PC itself). */
export function ClientStatusBar({ host }: { host: string }) {
  const { t } = useTranslation()
  return (
    <Group h="100%" px="md" gap={6} wrap="nowrap" data-testid="client-status">
      <IconServer2 size={14} />
      <Text size="xs" c="dimmed" truncate="end">
        {t('hostStatus.client', { host })}
      </Text>
    </Group>
  )
}
