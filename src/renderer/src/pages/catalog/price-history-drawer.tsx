import { Drawer, EmptyState, Table } from '@mantine/core'
import { IconHistory } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { formatShortDate, formatInstant, isCalendarDate } from '@shared/dates'
import { formatRupiah } from '@shared/money'
import { whoText } from '@shared/who'
import { trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import { intlLocale } from '../../i18n'
import { useSession } from '../../session/session'
import type { ProductRow } from './types'

/** Every price a package has had, newest first, with the date it applied from and why. */
export function PriceHistoryDrawer({
  product,
  onClose,
}: {
  product: ProductRow
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { me } = useSession()
  const locale = intlLocale()
  const history = useQuery(trpc.catalog.priceHistory.queryOptions({ productId: product.id }))
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="lg"
      title={t('products.priceHistoryTitle', { name: product.name })}
    >
      {history.isPending ? (
        <PageLoader />
      ) : history.isError ? (
        <QueryError error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data.length === 0 ? (
        <EmptyState icon={<IconHistory size={28} />} title={t('products.noHistory')} size="sm" />
      ) : (
        <Table verticalSpacing="xs" fz="sm" data-testid="price-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('products.colEffective')}</Table.Th>
              <Table.Th>{t('products.colPrice')}</Table.Th>
              <Table.Th>{t('products.colReason')}</Table.Th>
              <Table.Th>{t('products.colBy')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.data.map((row, i) => (
              <Table.Tr key={`${row.at}-${i}`}>
                <Table.Td>
                  {isCalendarDate(row.effectiveFrom)
                    ? formatShortDate(row.effectiveFrom)
                    : row.effectiveFrom}
                </Table.Td>
                <Table.Td fw={600}>{formatRupiah(row.price)}</Table.Td>
                <Table.Td>
                  {row.reason === 'initial'
                    ? t('products.initial')
                    : (row.reason ?? t('common.empty'))}
                </Table.Td>
                <Table.Td title={formatInstant(row.at, me.company.timeZone, locale)}>
                  {whoText(t, row.username)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Drawer>
  )
}
