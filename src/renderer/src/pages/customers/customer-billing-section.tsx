import { Button, Card, Group, Stack, Text, Title } from '@mantine/core'
import { IconCash, IconPlus } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatRupiah } from '@shared/money'
import { trpc } from '../../api/client'
import { FigureGrid } from '../../components/figure-grid'
import { PageLoader, QueryError } from '../../components/query-state'
import { useSession } from '../../session/session'
import { Figure } from '../billing/figure'
import { PendingCharges } from './customer-billing-charges'
import { ChargeModal } from './customer-billing-charge-modal'
import { StatementTable } from './customer-billing-statement'
import type { CustomerDetail } from './types'

/** "Tagihan & pembayaran" on the customer page: what they owe and how it came to be. */
export function CustomerBillingSection({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation()
  const { can } = useSession()
  const visible = can('billing.view')
  const statement = useQuery(
    trpc.billing.statement.queryOptions({ customerId: customer.id }, { enabled: visible }),
  )
  const [adding, setAdding] = useState(false)
  if (!visible) return null
  const canManage = can('billing.manage')

  return (
    <Card withBorder radius="md" padding="md" data-testid="customer-billing">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} fz="h4">
            {t('billing.statement.title')}
          </Title>
          <Group gap="xs">
            {canManage && (
              <Button
                variant="default"
                size="xs"
                leftSection={<IconPlus size={14} />}
                onClick={() => setAdding(true)}
              >
                {t('billing.statement.addCharge')}
              </Button>
            )}
            {can('payments.record') && (
              <Button
                component={Link}
                to={`/cashier?customer=${customer.id}`}
                size="xs"
                leftSection={<IconCash size={14} />}
              >
                {t('billing.statement.receive')}
              </Button>
            )}
          </Group>
        </Group>
        {statement.isPending ? (
          <PageLoader />
        ) : statement.isError ? (
          <QueryError error={statement.error} onRetry={() => void statement.refetch()} />
        ) : (
          <>
            <FigureGrid>
              <Figure
                label={t('billing.statement.balance')}
                value={formatRupiah(statement.data.balance)}
                testId="statement-balance"
              />
              <Figure
                label={t('billing.statement.credit')}
                value={formatRupiah(statement.data.credit)}
                testId="statement-credit"
              />
            </FigureGrid>
            {statement.data.entries.length === 0 ? (
              <Text fz="sm" c="dimmed">
                {t('billing.statement.empty')}
              </Text>
            ) : (
              <StatementTable entries={statement.data.entries} />
            )}
          </>
        )}
        <PendingCharges customerId={customer.id} canManage={canManage} />
      </Stack>
      {adding && <ChargeModal customer={customer} onClose={() => setAdding(false)} />}
    </Card>
  )
}
