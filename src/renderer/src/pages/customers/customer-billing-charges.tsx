import { ActionIcon, Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconX } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatShortDate, type CalendarDate } from '@shared/dates'
import { formatRupiah } from '@shared/money'
import { trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import type { RouterOutputs } from '../../session/session'
import { ConfirmDialog } from '../billing/confirm-dialog'
import { refreshBilling } from '../billing/refresh-billing'

type Charge = RouterOutputs['billing']['charges'][number]

/** One-time charges still waiting for the next invoice; billed or cancelled ones are history. */
export function PendingCharges({
  customerId,
  canManage,
}: {
  customerId: number
  canManage: boolean
}) {
  const { t } = useTranslation()
  const charges = useQuery(trpc.billing.charges.queryOptions({ customerId }))
  const [cancelling, setCancelling] = useState<Charge | null>(null)
  const cancel = useMutation(
    trpc.billing.cancelCharge.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('billing.statement.cancelled') })
        refreshBilling()
        setCancelling(null)
      },
    }),
  )
  const pending = (charges.data ?? []).filter((c) => c.status === 'pending')

  return (
    <Stack gap="xs" data-testid="pending-charges">
      <Title order={3} fz="h6">
        {t('billing.statement.charges')}
      </Title>
      {charges.isPending ? (
        <PageLoader />
      ) : charges.isError ? (
        <QueryError error={charges.error} onRetry={() => void charges.refetch()} />
      ) : pending.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('billing.statement.chargesEmpty')}
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={4}>
          <Table.Tbody>
            {pending.map((c) => (
              <Table.Tr key={c.id} data-testid="pending-charge">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatShortDate(c.chargeDate as CalendarDate)}
                </Table.Td>
                <Table.Td>{c.description}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatRupiah(c.amount)}
                </Table.Td>
                <Table.Td w={40}>
                  {canManage && (
                    <Group justify="flex-end">
                      <Tooltip
                        label={t('billing.statement.cancelCharge', { description: c.description })}
                      >
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('billing.statement.cancelCharge', {
                            description: c.description,
                          })}
                          onClick={() => {
                            cancel.reset()
                            setCancelling(c)
                          }}
                        >
                          <IconX size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {cancelling && (
        <ConfirmDialog
          title={t('billing.statement.cancelTitle')}
          body={t('billing.statement.cancelBody', {
            description: cancelling.description,
            amount: formatRupiah(cancelling.amount),
          })}
          confirmLabel={t('billing.statement.cancelSubmit')}
          loading={cancel.isPending}
          error={cancel.error}
          onConfirm={() => cancel.mutate({ chargeId: cancelling.id })}
          onClose={() => setCancelling(null)}
        />
      )}
    </Stack>
  )
}
