import { SimpleGrid, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { periodLabel } from '@shared/billing'
import { formatRupiah } from '@shared/money'
import { countText, intlLocale } from '../../i18n'
import { useSession, type RouterOutputs } from '../../session/session'
import { Figure, FigureCard } from './figure-card'

type Summary = RouterOutputs['dashboard']['summary']

const percent = (rate: number | null) =>
  rate === null ? '–' : `${rate.toLocaleString(intlLocale(), { maximumFractionDigits: 1 })}%`

/**
 * The cards the API sent: a part the role may not see never arrives, so it is never drawn.
 * Each figure opens its list with the filter that shows the same rows.
 */
export function SummaryCards({ s }: { s: Summary }) {
  const { t } = useTranslation()
  const { can } = useSession()
  const k = (key: string) => `dashboardFigures.${key}`
  const cards = []
  if (s.customers) {
    const c = s.customers
    cards.push(
      <FigureCard
        key="customers"
        title={t(k('customers.title'))}
        to="/customers"
        testId="card-customers"
      >
        <SimpleGrid cols={2} spacing="xs">
          <Figure
            label={t(k('customers.aktif'))}
            value={countText(c.aktif)}
            to="/customers?status=aktif"
            testId="fig-aktif"
            tone="teal"
          />
          <Figure
            label={t(k('customers.isolir'))}
            value={countText(c.isolir)}
            to="/customers?status=isolir"
            testId="fig-isolir"
            tone="orange"
          />
          <Figure
            label={t(k('customers.putus'))}
            value={countText(c.putus)}
            to="/customers?status=putus"
            testId="fig-putus"
          />
          <Figure
            label={t(k('customers.newThisMonth'))}
            value={countText(c.newThisMonth)}
            to="/customers?sort=created&dir=desc"
            testId="fig-new"
          />
        </SimpleGrid>
      </FigureCard>,
    )
  }
  if (s.billing) {
    const b = s.billing
    const to = can('billing.view') ? `/billing?period=${s.period}` : '/reports?tab=collection'
    cards.push(
      <FigureCard
        key="billing"
        title={t(k('billing.title'), { period: periodLabel(s.period, intlLocale()) })}
        to={to}
        testId="card-billing"
      >
        <SimpleGrid cols={2} spacing="xs">
          <Figure
            label={t(k('billing.invoiced'))}
            value={formatRupiah(b.invoiced)}
            to={to}
            testId="fig-invoiced"
          />
          <Figure
            label={t(k('billing.collected'))}
            value={formatRupiah(b.collected)}
            to={to}
            testId="fig-collected"
          />
          <Figure
            label={t(k('billing.rate'))}
            value={percent(b.rate)}
            to={to}
            testId="fig-rate"
            tone="teal"
          />
        </SimpleGrid>
        <Text fz="xs" c="dimmed">
          {t(k('billing.invoices'), { n: countText(b.invoices) })}
        </Text>
      </FigureCard>,
    )
  }
  if (s.receivables) {
    const r = s.receivables
    const to = can('reports.view') ? '/reports?tab=receivables' : '/billing?status=belum_bayar'
    cards.push(
      <FigureCard
        key="receivables"
        title={t(k('receivables.title'))}
        to={to}
        testId="card-receivables"
      >
        <SimpleGrid cols={2} spacing="xs">
          <Figure
            label={t(k('receivables.total'))}
            value={formatRupiah(r.total)}
            to={to}
            testId="fig-receivables"
          />
          <Figure
            label={t(k('receivables.overdue'))}
            value={formatRupiah(r.overdueAmount)}
            to={to}
            testId="fig-overdue"
            tone="red"
          />
        </SimpleGrid>
        <Text fz="xs" c="dimmed" data-testid="fig-overdue-customers">
          {t(k('receivables.overdueCustomers'), { n: countText(r.overdueCustomers) })}
        </Text>
      </FigureCard>,
    )
  }
  if (s.takings) {
    const tk = s.takings
    const to =
      tk.scope === 'own'
        ? '/cashier'
        : can('billing.view')
          ? `/payments?from=${s.asOf}&to=${s.asOf}`
          : '/reports?tab=payments'
    cards.push(
      <FigureCard
        key="takings"
        title={t(k(tk.scope === 'own' ? 'takings.titleOwn' : 'takings.titleAll'))}
        to={to}
        testId="card-takings"
      >
        <Figure
          label={t(k('takings.payments'), { n: countText(tk.total.count) })}
          value={formatRupiah(tk.total.amount)}
          to={to}
          testId="fig-takings"
          tone="teal"
        />
        {tk.byMethod.length === 0 ? (
          <Text fz="xs" c="dimmed">
            {t(k('takings.none'))}
          </Text>
        ) : (
          <SimpleGrid cols={2} spacing="xs">
            {tk.byMethod.map((m) => (
              <Figure
                key={m.method}
                label={`${t(`cashier.methods.${m.method}`)} (${countText(m.count)})`}
                value={formatRupiah(m.amount)}
                to={tk.scope === 'all' && can('billing.view') ? `${to}&method=${m.method}` : to}
                testId={`fig-takings-${m.method}`}
              />
            ))}
          </SimpleGrid>
        )}
      </FigureCard>,
    )
  }
  if (s.collections) {
    const to = `/collections?tab=isolir&date=${s.asOf}`
    cards.push(
      <FigureCard
        key="collections"
        title={t(k('collections.title'))}
        to={to}
        testId="card-collections"
      >
        <SimpleGrid cols={2} spacing="xs">
          <Figure
            label={t(k('collections.isolated'))}
            value={countText(s.collections.isolatedToday)}
            to={to}
            testId="fig-isolated-today"
            tone="orange"
          />
          <Figure
            label={t(k('collections.restored'))}
            value={countText(s.collections.restoredToday)}
            to={to}
            testId="fig-restored-today"
            tone="teal"
          />
        </SimpleGrid>
      </FigureCard>,
    )
  }
  if (s.messages || s.routerJobs) {
    cards.push(
      <FigureCard key="problems" title={t(k('problems.title'))} testId="card-problems">
        <SimpleGrid cols={2} spacing="xs">
          {s.messages && (
            <>
              <Figure
                label={t(k('problems.messagesFailed'))}
                value={countText(s.messages.failed)}
                to="/messages?status=gagal"
                testId="fig-messages-failed"
                tone={s.messages.failed ? 'red' : undefined}
              />
              <Figure
                label={t(k('problems.messagesQueued'))}
                value={countText(s.messages.queued)}
                to="/messages?status=antri"
                testId="fig-messages-queued"
              />
            </>
          )}
          {s.routerJobs && (
            <>
              <Figure
                label={t(k('problems.jobsFailed'))}
                value={countText(s.routerJobs.failed)}
                to="/network?tab=jobs"
                testId="fig-jobs-failed"
                tone={s.routerJobs.failed ? 'red' : undefined}
              />
              <Figure
                label={t(k('problems.jobsPending'))}
                value={countText(s.routerJobs.pending)}
                to="/network?tab=jobs"
                testId="fig-jobs-pending"
              />
            </>
          )}
        </SimpleGrid>
      </FigureCard>,
    )
  }
  if (cards.length === 0) return null
  return <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>{cards}</SimpleGrid>
}
