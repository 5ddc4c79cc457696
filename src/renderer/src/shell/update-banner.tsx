import { Alert, Anchor } from '@mantine/core'
import { IconDownload } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { trpc } from '../api/client'
import { useSession } from '../session/session'

const POLL_MS = 10 * 60_000

/**
 * "Versi baru tersedia" above every page of the host's desktop window once a new version is
 * downloaded and not yet accepted; the choice itself is made on Tentang Loket. A LAN browser
 * and those who do not manage the company never see it (the API answers null to them).
 */
export function UpdateBanner() {
  const { t } = useTranslation()
  const { can } = useSession()
  const { pathname } = useLocation()
  const allowed = can('company.manage')
  const update = useQuery({
    ...trpc.about.update.queryOptions(),
    enabled: allowed,
    refetchInterval: POLL_MS,
  })
  const state = update.data
  if (!allowed || pathname === '/about' || state?.status !== 'ready' || state.agreed) return null
  return (
    <Alert color="teal" icon={<IconDownload size={18} />} mb="md" data-testid="update-banner">
      {t('about.update.banner', { version: state.version })}{' '}
      <Anchor component={Link} to="/about" fz="sm">
        {t('about.update.bannerLink')}
      </Anchor>
    </Alert>
  )
}
