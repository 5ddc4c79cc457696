import { Button, Group, Stack, Text } from '@mantine/core'
import { IconRadar } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { trpc } from '../../api/client'
import { FormAlert } from '../../components/form-alert'

/**
 * "Cari host di jaringan": Loket hosts announcing themselves (mDNS) on this host's network; a
 * click puts one's address in the field. Typing the address stays possible (mDNS can be blocked).
 */
export function ModeDiscovery({ onPick }: { onPick: (url: string) => void }) {
  const { t } = useTranslation()
  const discover = useMutation(trpc.mode.discover.mutationOptions())
  return (
    <Stack gap="xs" data-testid="mode-discovery">
      <Group gap="sm">
        <Button
          variant="default"
          size="xs"
          leftSection={<IconRadar size={16} />}
          loading={discover.isPending}
          onClick={() => discover.mutate()}
          data-testid="mode-discover"
        >
          {t('mode.discover')}
        </Button>
        {discover.isPending && (
          <Text size="xs" c="dimmed">
            {t('mode.discovering')}
          </Text>
        )}
      </Group>
      {discover.data?.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="mode-discover-none">
          {t('mode.discoverNone')}
        </Text>
      )}
      {discover.data && discover.data.length > 0 && (
        <Group gap="xs">
          {discover.data.map((h) => (
            <Button
              key={h.url}
              variant="light"
              size="xs"
              onClick={() => onPick(h.url)}
              data-testid="mode-found-host"
            >
              {h.name} · {h.url}
              {h.version ? ` · v${h.version}` : ''}
            </Button>
          ))}
        </Group>
      )}
      <FormAlert error={discover.error} />
    </Stack>
  )
}
