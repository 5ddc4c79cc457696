import { Badge, Button, Group, Table, Text, Tooltip } from '@mantine/core'
import { IconHistory, IconPackage } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatRupiah } from '@shared/money'
import { trpc } from '../../api/client'
import { ListPage } from '../../components/list-page'
import { intlLocale } from '../../i18n'
import { PriceHistoryDrawer } from './price-history-drawer'
import { ProductFormModal } from './product-form-modal'
import { ActiveBadge } from './active-badge'
import type { EditDialog, ProductRow } from './types'

export function ProductsTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation()
  const products = useQuery(trpc.catalog.products.queryOptions())
  const [editing, setEditing] = useState<EditDialog<ProductRow>>(null)
  const [history, setHistory] = useState<ProductRow | null>(null)
  const mbps = new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: 3 })
  const speed = (p: ProductRow) =>
    p.downloadMbps === null && p.uploadMbps === null
      ? t('common.empty')
      : t('products.speed', {
          down: p.downloadMbps === null ? t('common.empty') : mbps.format(p.downloadMbps),
          up: p.uploadMbps === null ? t('common.empty') : mbps.format(p.uploadMbps),
        })
  /** Quota with its FUP speed, and the usage price: short lines; none for an unlimited package. */
  const usage = (p: ProductRow) => {
    const parts: string[] = []
    if (p.dataCapGb)
      parts.push(
        p.fupDownloadMbps !== null && p.fupUploadMbps !== null
          ? t('products.quotaFup', {
              gb: p.dataCapGb,
              down: mbps.format(p.fupDownloadMbps),
              up: mbps.format(p.fupUploadMbps),
            })
          : t('products.quota', { gb: p.dataCapGb }),
      )
    if (p.extraGbPrice !== null)
      parts.push(t('products.extraGb', { price: formatRupiah(p.extraGbPrice) }))
    if (p.usageGbPrice !== null)
      parts.push(t('products.usageGb', { price: formatRupiah(p.usageGbPrice) }))
    return parts
  }

  return (
    <>
      <ListPage
        query={products}
        add={canManage && { label: t('products.add'), onAdd: () => setEditing({ record: null }) }}
        empty={(rows) =>
          rows.length > 0 ? null : { icon: <IconPackage size={28} />, title: t('products.empty') }
        }
      >
        {(rows) => (
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover verticalSpacing="sm" data-testid="products-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('products.colName')}</Table.Th>
                  <Table.Th>{t('products.colType')}</Table.Th>
                  <Table.Th ta="right">{t('products.colPrice')}</Table.Th>
                  <Table.Th>{t('products.colMode')}</Table.Th>
                  <Table.Th>{t('products.colSpeed')}</Table.Th>
                  <Table.Th>{t('products.colTax')}</Table.Th>
                  <Table.Th>{t('catalog.colStatus')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((p) => (
                  <Table.Tr
                    key={p.id}
                    data-testid="product-row"
                    c={p.active ? undefined : 'dimmed'}
                  >
                    <Table.Td fw={600}>
                      {p.name}
                      {p.fupNote && (
                        <Text fz="xs" c="dimmed">
                          {p.fupNote}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="outline" color="gray" tt="none">
                        {t(`serviceType.${p.serviceType}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right" fw={600} style={{ whiteSpace: 'nowrap' }}>
                      {formatRupiah(p.monthlyPrice)}
                    </Table.Td>
                    <Table.Td>{t(`billingMode.${p.billingMode}`)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {speed(p)}
                      {p.rateLimit && (
                        <Tooltip label={t('products.onRouterTitle', { value: p.rateLimit })}>
                          <Badge
                            display="block"
                            mt={2}
                            size="xs"
                            variant="light"
                            color="teal"
                            tt="none"
                            data-testid="speed-on-router"
                          >
                            {t('products.onRouter')} · {p.routerProfile ?? p.rateLimit}
                          </Badge>
                        </Tooltip>
                      )}
                      {usage(p).map((line) => (
                        <Text key={line} fz="xs" c="dimmed" data-testid="product-usage">
                          {line}
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td>{p.taxable ? t('common.yes') : t('common.no')}</Table.Td>
                    <Table.Td>
                      <ActiveBadge active={p.active} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          leftSection={<IconHistory size={14} />}
                          onClick={() => setHistory(p)}
                        >
                          {t('products.priceHistory')}
                        </Button>
                        {canManage && (
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            onClick={() => setEditing({ record: p })}
                          >
                            {t('common.edit')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListPage>
      {editing && <ProductFormModal product={editing.record} onClose={() => setEditing(null)} />}
      {history && <PriceHistoryDrawer product={history} onClose={() => setHistory(null)} />}
    </>
  )
}
