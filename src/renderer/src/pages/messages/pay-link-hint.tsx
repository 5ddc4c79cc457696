import { Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { trpc } from '../../api/client'

/**
 * `{link_bayar}` is the customer's signed pay link on this host: without the portal address
 * ("Alamat portal untuk pelanggan", Penagihan → Kebijakan) it is sent empty, and this says so.
 * Someone who may not read the policy sees nothing here.
 */
export function PayLinkHint({ texts }: { texts: string[] }) {
  const { t } = useTranslation()
  const settings = useQuery({ ...trpc.collections.settings.queryOptions(), retry: false })
  const uses = texts.some((text) => text.includes('{link_bayar}'))
  if (!uses || !settings.data || settings.data.paymentLinkBase.trim() !== '') return null
  return (
    <Text fz="sm" c="orange.8" data-testid="pay-link-hint">
      {t('messaging.templates.payLinkEmpty')}
    </Text>
  )
}
