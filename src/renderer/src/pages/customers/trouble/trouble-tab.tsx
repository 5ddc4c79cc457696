import { Button, Grid, Group, Stack, Text } from '@mantine/core'
import { IconRefresh } from '@tabler/icons-react'
import { useIsFetching } from '@tanstack/react-query'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { dateInZone, formatShortDate, type CalendarDate } from '@shared/dates'
import { queryClient, trpc } from '../../../api/client'
import { useSession, type RouterOutputs } from '../../../session/session'
import { CustomerCpeCard } from '../../acs/customer-cpe-card'
import { CustomerOnuCard } from '../../olt/customer-onu-card'
import { CustomerTicketsSection } from '../../tickets/customer-tickets-section'
import { BillingCard, billingSummary, type BillingState } from './billing-card'
import { SessionCard, type CustomerSessionRow } from './session-card'

const TICKETS_SHOWN = 5

type Customer = { id: number; code: string; name: string }

/** Every source of this screen, refetched at once by "Cek ulang semua". */
function refreshSources(customerId: number) {
  const input = { customerId }
  void queryClient.invalidateQueries(trpc.collections.customerBillingState.queryFilter(input))
  void queryClient.invalidateQueries(trpc.monitor.customerSessions.queryFilter(input))
  void queryClient.invalidateQueries(trpc.olt.customerOnu.queryFilter(input))
  void queryClient.invalidateQueries(trpc.acs.customerCpe.queryFilter(input))
  void queryClient.invalidateQueries(
    trpc.tickets.list.queryFilter({ customerId, limit: TICKETS_SHOWN + 1 }),
  )
}

function sessionText(t: TFunction, s: CustomerSessionRow): string {
  if (s.state === 'online')
    return `${t('trouble.session.online')} ${s.session?.address ?? ''} (${t('trouble.session.uptime')} ${s.session?.uptime ?? ''})`
  if (s.state === 'offline')
    return [
      t('trouble.session.offline'),
      s.lastLoggedOut && `${t('trouble.session.lastOut')} ${s.lastLoggedOut}`,
      s.lastDisconnectReason,
    ]
      .filter(Boolean)
      .join(', ')
  if (s.state === 'error') return `${t('trouble.session.error')} (${s.error.code})`
  return t('trouble.session.notConfigured')
}

/**
 * What the sources have answered so far, for the new ticket's description (seed 000, step 5:
 * "hasil pengecekan awal"). Read from the query cache: a source still loading or failed is
 * written as not read.
 */
function ticketPrefill(t: TFunction, customer: Customer, today: string) {
  const id = customer.id
  const billing = queryClient.getQueryData<BillingState>(
    trpc.collections.customerBillingState.queryKey({ customerId: id }),
  )
  const sessions = queryClient.getQueryData<CustomerSessionRow[]>(
    trpc.monitor.customerSessions.queryKey({ customerId: id }),
  )
  const onu = queryClient.getQueryData<RouterOutputs['olt']['customerOnu']>(
    trpc.olt.customerOnu.queryKey({ customerId: id }),
  )
  const cpe = queryClient.getQueryData<RouterOutputs['acs']['customerCpe']>(
    trpc.acs.customerCpe.queryKey({ customerId: id }),
  )
  const notRead = t('trouble.ticket.notRead')
  const lines = [
    t('trouble.ticket.checks', { date: formatShortDate(today as CalendarDate) }),
    `- ${t('trouble.ticket.billing', { text: billing ? billingSummary(t, billing) : notRead })}`,
    ...(sessions ?? []).map(
      (s) =>
        `- ${t('trouble.ticket.session', { login: s.login ?? s.sid, text: sessionText(t, s) })}`,
    ),
    ...(onu?.onus ?? []).map(
      (o) =>
        `- ${t('trouble.ticket.onu', {
          serial: o.serial,
          status: t(`olt.statuses.${o.status}`, { defaultValue: o.status }),
          rx: o.rxDbm === null ? '—' : `${o.rxDbm.toFixed(2)} dBm`,
        })}`,
    ),
    ...(cpe?.devices ?? []).map(
      (d) =>
        `- ${t('trouble.ticket.cpe', {
          model: d.model ?? d.deviceId,
          text: `${t(d.online ? 'acs.card.online' : 'acs.card.offline')}${d.ssid ? `, SSID ${d.ssid}` : ''}`,
        })}`,
    ),
    '',
    t('trouble.ticket.symptom'),
  ]
  // The service in question when there is only one to choose from.
  const only = sessions?.length === 1 ? String(sessions[0]!.serviceId) : ''
  return {
    serviceId: only,
    category: 'gangguan',
    title: t('trouble.ticket.title', { name: customer.name }),
    description: lines.join('\n'),
  }
}

/**
 * "Penanganan gangguan" (seed 000's routine on one screen): bills and isolation, the PPPoE
 * session live from the router, the ONU, the CPE and the recent tickets, each on its own query
 * so one source that does not answer says why and the others carry on; kick, CPE reboot and a
 * prefilled ticket without leaving the page.
 */
export function TroubleTab({ customer }: { customer: Customer }) {
  const { t } = useTranslation()
  const { can, me } = useSession()
  const fetching = useIsFetching({
    predicate: (q) => JSON.stringify(q.queryKey).includes(`"customerId":${customer.id}`),
  })
  return (
    <Stack gap="md" data-testid="trouble-tab">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text fz="sm" c="dimmed" maw={820}>
          {t('trouble.intro')}
        </Text>
        <Button
          variant="default"
          leftSection={<IconRefresh size={16} />}
          loading={fetching > 0}
          onClick={() => refreshSources(customer.id)}
          style={{ flexShrink: 0 }}
        >
          {t('trouble.refreshAll')}
        </Button>
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap="md">
            <BillingCard customerId={customer.id} />
            {can('network.view') && <SessionCard customerId={customer.id} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap="md">
            {can('olt.view') && <CustomerOnuCard customerId={customer.id} />}
            {can('network.acs') && <CustomerCpeCard customerId={customer.id} />}
          </Stack>
        </Grid.Col>
      </Grid>
      {can('tickets.view') && (
        <CustomerTicketsSection
          customer={customer}
          shown={TICKETS_SHOWN}
          prefill={() => ticketPrefill(t, customer, dateInZone(new Date(), me.company.timeZone))}
        />
      )}
    </Stack>
  )
}
