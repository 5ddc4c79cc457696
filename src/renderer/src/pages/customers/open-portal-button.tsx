import { Button } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconEye } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { trpc } from '../../api/client'
import { errorMessage } from '../../api/errors'

/**
 * "Buka portal sebagai pelanggan": a read-only portal session for an hour (audited on the
 * server), opened in a new tab; the token travels in the address's fragment, which is never
 * sent to a server, and the portal keeps it for that tab only.
 */
export function OpenPortalButton({ customerId }: { customerId: number }) {
  const { t } = useTranslation()
  const open = useMutation(
    trpc.customers.openPortal.mutationOptions({
      onSuccess: (r) => {
        const tab = window.open(`/portal/tagihan#view=${r.token}`, '_blank', 'noopener')
        if (!tab) notifications.show({ color: 'yellow', message: t('customer.portalBlocked') })
      },
      onError: (e) => notifications.show({ color: 'red', message: errorMessage(t, e) }),
    }),
  )
  return (
    <Button
      variant="default"
      leftSection={<IconEye size={16} />}
      loading={open.isPending}
      onClick={() => open.mutate({ customerId })}
    >
      {t('customer.openPortal')}
    </Button>
  )
}
