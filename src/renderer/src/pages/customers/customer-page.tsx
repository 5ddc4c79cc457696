import {
  Anchor,
  Button,
  Card,
  EmptyState,
  Grid,
  Group,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core'
import { OpenPortalButton } from './open-portal-button'
import {
  IconArrowLeft,
  IconLayoutDashboard,
  IconPencil,
  IconPlugConnected,
  IconPlus,
  IconStethoscope,
  IconUserOff,
} from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useParams, useSearchParams } from 'react-router'
import { trpc } from '../../api/client'
import { errorCodeOf } from '../../api/errors'
import { PageLoader, QueryError } from '../../components/query-state'
import { dateInZone } from '@shared/dates'
import { useSession } from '../../session/session'
import { NotFoundPage } from '../no-access-page'
import { AttachmentsSection } from './attachments-section'
import { CustomerBillingSection } from './customer-billing-section'
import { CustomerPaymentHistory } from './customer-payment-history'
import { CustomerCollectionsCard } from './customer-collections-card'
import { CustomerUsageCard } from './customer-usage-card'
import { CustomerFormModal } from './customer-form-modal'
import { CustomerHistory } from './customer-history'
import { ContactsCard, IdentityCard } from './customer-identity'
import { PackageChangeModal } from './package-change-modal'
import { ServiceCard } from './service-card'
import { CustomerPortCard } from '../topology/customer-port-card'
import { ServiceNetworkModal } from './service-network-modal'
import { refreshCustomers } from './refresh-customers'
import { IsolirPreviewModal } from '../network/isolir-preview-modal'
import { ServiceFormModal } from './service-form-modal'
import { StatusBadge } from './status-badge'
import { StatusChangeModal } from './status-change-modal'
import { TerminateModal } from './terminate-modal'
import { CustomerTicketsSection } from '../tickets/customer-tickets-section'
import { CustomerCpeCard } from '../acs/customer-cpe-card'
import { TroubleTab } from './trouble/trouble-tab'
import type { CustomerDetail, CustomerDialog, ServiceDetail } from './types'

/** The list this page was opened from (its filters), so "back" returns to the same rows. */
function listUrl(state: unknown): string {
  const search = (state as { list?: unknown } | null)?.list
  return typeof search === 'string' ? `/customers${search}` : '/customers'
}

export function CustomerPage() {
  const { id } = useParams()
  const customerId = /^\d+$/.test(id ?? '') ? Number(id) : 0
  const detail = useQuery(
    trpc.customers.get.queryOptions({ id: customerId }, { enabled: customerId > 0 }),
  )
  if (customerId <= 0) return <NotFoundPage />
  if (detail.isPending) return <PageLoader />
  if (detail.isError) {
    if (errorCodeOf(detail.error) === 'NOT_FOUND') return <NotFoundPage />
    return <QueryError error={detail.error} onRetry={() => void detail.refetch()} />
  }
  return <CustomerView customer={detail.data} />
}

function CustomerView({ customer: c }: { customer: CustomerDetail }) {
  const { t } = useTranslation()
  const { can, me } = useSession()
  // The year the payment history opens on: this year in the company's zone.
  const thisYear = Number(dateInZone(new Date(), me.company.timeZone).slice(0, 4))
  const location = useLocation()
  const canManage = can('customers.manage')
  // Each package's price for this customer, from the server (the rule billing uses).
  const prices = useQuery(trpc.customers.prices.queryOptions({ customerId: c.id }))
  const [dialog, setDialog] = useState<CustomerDialog>(null)
  const close = () => setDialog(null)
  // "Penanganan gangguan" (`?tab=gangguan`), kept in the address so a reload stays on it.
  const [params, setParams] = useSearchParams()
  const troubleTab = params.get('tab') === 'gangguan'

  const pendingIsUpgrade = (s: ServiceDetail): boolean | null => {
    const next = prices.data?.find((p) => p.productId === s.pendingChange?.productId)
    return next ? next.price >= s.listPrice : null
  }

  return (
    <Stack gap="lg">
      <Anchor
        component={Link}
        to={listUrl(location.state)}
        fz="sm"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={16} aria-hidden />
        {t('customer.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={1} fz="h2" data-testid="customer-name">
              {c.name}
            </Title>
            <StatusBadge status={c.status} size="md" />
          </Group>
          <Text ff="monospace" c="dimmed" data-testid="customer-code">
            {c.code}
          </Text>
        </div>
        {(canManage || can('portal.impersonate')) && (
          <Group gap="xs">
            {can('portal.impersonate') && c.status !== 'putus' && (
              <OpenPortalButton customerId={c.id} />
            )}
            {canManage && (
              <>
                <Button
                  variant="default"
                  leftSection={<IconPencil size={16} />}
                  onClick={() => setDialog({ kind: 'edit' })}
                >
                  {t('customer.edit')}
                </Button>
                <Button
                  leftSection={<IconPlus size={16} />}
                  onClick={() => setDialog({ kind: 'addService' })}
                >
                  {t('customer.addService')}
                </Button>
                {c.status !== 'putus' && (
                  <Button
                    color="red"
                    variant="light"
                    leftSection={<IconUserOff size={16} />}
                    onClick={() => setDialog({ kind: 'terminate' })}
                  >
                    {t('customer.terminate')}
                  </Button>
                )}
              </>
            )}
          </Group>
        )}
      </Group>
      <Tabs
        value={troubleTab ? 'gangguan' : 'ringkasan'}
        onChange={(value) =>
          setParams(value === 'gangguan' ? { tab: value } : {}, {
            replace: true,
            state: location.state,
          })
        }
      >
        <Tabs.List>
          <Tabs.Tab value="ringkasan" leftSection={<IconLayoutDashboard size={16} />}>
            {t('trouble.tabs.overview')}
          </Tabs.Tab>
          <Tabs.Tab value="gangguan" leftSection={<IconStethoscope size={16} />}>
            {t('trouble.tabs.trouble')}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {troubleTab ? (
        <TroubleTab customer={c} />
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack gap="md">
              <Title order={2} fz="h4">
                {t('customer.services')}
              </Title>
              {c.services.length === 0 ? (
                <Card withBorder radius="md">
                  <EmptyState
                    icon={<IconPlugConnected size={28} />}
                    title={t('customer.noServices')}
                    description={canManage ? t('customer.noServicesHint') : undefined}
                    size="sm"
                  />
                </Card>
              ) : (
                c.services.map((s) => (
                  <ServiceCard
                    key={s.id}
                    service={s}
                    pendingIsUpgrade={s.pendingChange ? pendingIsUpgrade(s) : null}
                    canManage={canManage}
                    canIsolir={can('isolir.manage')}
                    onChangePackage={() => setDialog({ kind: 'package', service: s })}
                    onChangeStatus={() => setDialog({ kind: 'status', service: s })}
                    onNetwork={() => setDialog({ kind: 'network', service: s })}
                    onIsolir={(action) => setDialog({ kind: 'isolir', service: s, action })}
                  />
                ))
              )}
              <CustomerBillingSection customer={c} />
              <CustomerPaymentHistory customerId={c.id} thisYear={thisYear} />
              {can('tickets.view') && <CustomerTicketsSection customer={c} />}
              <AttachmentsSection customerId={c.id} canManage={canManage} />
              <CustomerHistory history={c.history} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="md">
              <IdentityCard customer={c} />
              <ContactsCard customer={c} />
              {can('network.acs') && <CustomerCpeCard customerId={c.id} />}
              {can('olt.view') && c.services.length > 0 && <CustomerPortCard customerId={c.id} />}
              {c.services.length > 0 && <CustomerUsageCard customerId={c.id} />}
              <CustomerCollectionsCard customerId={c.id} />
              <Card withBorder radius="md" padding="md">
                <Title order={2} fz="h5" mb="sm">
                  {t('customer.notes')}
                </Title>
                <Text fz="sm" c={c.notes ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
                  {c.notes ?? t('customer.noNotes')}
                </Text>
              </Card>
            </Stack>
          </Grid.Col>
        </Grid>
      )}
      {dialog?.kind === 'edit' && (
        <CustomerFormModal customer={c} onClose={close} onSaved={close} />
      )}
      {dialog?.kind === 'addService' && <ServiceFormModal customer={c} onClose={close} />}
      {dialog?.kind === 'package' && (
        <PackageChangeModal customer={c} service={dialog.service} onClose={close} />
      )}
      {dialog?.kind === 'status' && (
        <StatusChangeModal customerId={c.id} service={dialog.service} onClose={close} />
      )}
      {dialog?.kind === 'network' && (
        <ServiceNetworkModal customerId={c.id} service={dialog.service} onClose={close} />
      )}
      {dialog?.kind === 'isolir' && (
        <IsolirPreviewModal
          action={dialog.action}
          serviceIds={[dialog.service.id]}
          onClose={close}
          onDone={() => {
            refreshCustomers(c.id)
            close()
          }}
        />
      )}
      {dialog?.kind === 'terminate' && <TerminateModal customer={c} onClose={close} />}
    </Stack>
  )
}
