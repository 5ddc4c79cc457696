import { Alert, Stack, Title } from '@mantine/core'
import { IconEye } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import { useSession } from '../../session/session'
import { BillingSettingsSection } from './billing-settings-form'
import { CompanyForm } from './company-form'
import { CustomerSettingsSection } from './customer-settings-form'
import { ModeSection } from './mode-section'
import { AcsSettingsSection } from './acs-settings-section'
import { ModulesSection } from './modules-section'
import { OnlinePaymentSection } from './online-payment-section'
import { PortalSettingsSection } from './portal-settings-section'
import { TicketSettingsSection } from './ticket-settings-form'
import { TwoFactorSection } from './two-factor-section'

export function CompanyPage() {
  const { t } = useTranslation()
  const { can } = useSession()
  const company = useQuery(trpc.company.get.queryOptions())
  const editable = can('company.manage')
  return (
    <Stack gap="lg" maw={860}>
      <Title order={1} fz="h2">
        {t('company.title')}
      </Title>
      {!editable && (
        <Alert color="gray" icon={<IconEye size={18} />}>
          {t('company.readOnly')}
        </Alert>
      )}
      {company.isPending ? (
        <PageLoader />
      ) : company.isError ? (
        <QueryError error={company.error} onRetry={() => void company.refetch()} />
      ) : (
        <CompanyForm company={company.data} editable={editable} />
      )}
      <CustomerSettingsSection editable={editable} />
      <BillingSettingsSection editable={editable} />
      <TicketSettingsSection editable={editable} />
      <AcsSettingsSection />
      <OnlinePaymentSection />
      <PortalSettingsSection editable={editable} />
      <ModulesSection />
      <TwoFactorSection />
      <ModeSection />
    </Stack>
  )
}
