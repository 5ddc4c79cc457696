import { Alert, Anchor, Card, Grid, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { IconArrowLeft, IconBan } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { periodLabel } from '@shared/billing'
import { formatShortDate, type CalendarDate } from '@shared/dates'
import { trpc } from '../../api/client'
import { errorCodeOf } from '../../api/errors'
import { PageLoader, QueryError } from '../../components/query-state'
import { intlLocale } from '../../i18n'
import { NotFoundPage } from '../no-access-page'
import { InvoiceActions } from './invoice-actions'
import { InvoiceLines } from './invoice-lines'
import { InvoiceAllocations, InvoiceCreditNotes } from './invoice-payments'
import { InvoiceStatusBadge, UpcomingBadge } from './invoice-status-badge'
import type { InvoiceDetail } from './types'

export function InvoicePage() {
  const { id } = useParams()
  const invoiceId = /^\d+$/.test(id ?? '') ? Number(id) : 0
  const invoice = useQuery(
    trpc.billing.invoice.queryOptions({ id: invoiceId }, { enabled: invoiceId > 0 }),
  )
  if (invoiceId <= 0) return <NotFoundPage />
  if (invoice.isPending) return <PageLoader />
  if (invoice.isError) {
    if (errorCodeOf(invoice.error) === 'NOT_FOUND') return <NotFoundPage />
    return <QueryError error={invoice.error} onRetry={() => void invoice.refetch()} />
  }
  return <InvoiceView invoice={invoice.data} />
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz="sm" component="div">
        {children}
      </Text>
    </div>
  )
}

function InvoiceView({ invoice: inv }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation()
  const locale = intlLocale()
  const date = (d: string) => formatShortDate(d as CalendarDate)
  return (
    <Stack gap="lg">
      <Anchor
        component={Link}
        to="/billing"
        fz="sm"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={16} aria-hidden />
        {t('billing.invoice.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Group gap="sm">
          <Title order={1} fz="h2" ff="monospace" data-testid="invoice-number">
            {inv.number ?? t('billing.invoice.draft')}
          </Title>
          {inv.upcoming && <UpcomingBadge issueDate={inv.issueDate} size="lg" />}
          <InvoiceStatusBadge invoice={inv} size="lg" />
        </Group>
        <InvoiceActions invoice={inv} />
      </Group>
      {inv.status === 'void' && (
        <Alert color="gray" icon={<IconBan size={18} />} title={t('billing.invoice.voided')}>
          {t('billing.invoice.voidedBy', {
            name: inv.voidedBy ?? t('common.empty'),
            date: inv.voidedAt ? date(inv.voidedAt.slice(0, 10)) : t('common.empty'),
            reason: inv.voidReason ?? t('common.empty'),
          })}
        </Alert>
      )}
      <Card withBorder radius="md" padding="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
          <Fact label={t('billing.invoice.customer')}>
            <Anchor component={Link} to={`/customers/${inv.customerId}`} fz="sm">
              <Text span ff="monospace" fz="sm">
                {inv.customer.code}
              </Text>{' '}
              {inv.customer.name}
            </Anchor>
            {inv.customer.address && (
              <Text fz="xs" c="dimmed">
                {inv.customer.address}
              </Text>
            )}
          </Fact>
          <Fact label={t('billing.invoice.period')}>
            {inv.period ? periodLabel(inv.period, locale) : t('billing.list.oneTime')}
          </Fact>
          <Fact label={t('billing.invoice.issueDate')}>{date(inv.issueDate)}</Fact>
          <Fact label={t('billing.invoice.dueDate')}>{date(inv.dueDate)}</Fact>
        </SimpleGrid>
      </Card>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Card withBorder radius="md" padding="md">
            <Title order={2} fz="h5" mb="sm">
              {t('billing.invoice.lines')}
            </Title>
            <InvoiceLines invoice={inv} />
            {inv.notes && (
              <Text fz="sm" c="dimmed" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {inv.notes}
              </Text>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <InvoiceAllocations invoice={inv} />
            <InvoiceCreditNotes invoice={inv} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  )
}
