import { Button, Group, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { trpc } from '../../api/client'
import { errorMessage } from '../../api/errors'

/**
 * A service's PPPoE password, hidden until "Tampilkan": the password comes from the server only
 * then, for those allowed to see it, and every showing is written to the audit log.
 */
export function ServicePassword({ serviceId }: { serviceId: number }) {
  const { t } = useTranslation()
  const [shown, setShown] = useState<string | null>(null)
  const reveal = useMutation(
    trpc.customers.credentials.mutationOptions({
      onSuccess: (c) => setShown(c.pppoePassword ?? ''),
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
    }),
  )
  return (
    <Group gap="xs" wrap="nowrap">
      <Text span ff="monospace" fz="sm" data-testid="pppoe-password">
        {shown ?? '••••••••'}
      </Text>
      {shown === null ? (
        <Button
          size="compact-xs"
          variant="subtle"
          loading={reveal.isPending}
          title={t('service.showAudited')}
          onClick={() => reveal.mutate({ serviceId })}
        >
          {t('service.show')}
        </Button>
      ) : (
        <Button size="compact-xs" variant="subtle" onClick={() => setShown(null)}>
          {t('service.hide')}
        </Button>
      )}
    </Group>
  )
}
