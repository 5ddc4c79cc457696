import { Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { AreaSelect, ProductSelect } from '../../components/catalog-selects'
import { useSession } from '../../session/session'

/** What a report is narrowed to; an absent key means every area or package. */
export interface Filters {
  areaId?: number
  productId?: number
}

/** The API's optional inputs: a cleared select leaves the key out. */
export const filterInput = (f: Filters): Filters => ({
  ...(f.areaId ? { areaId: f.areaId } : {}),
  ...(f.productId ? { productId: f.productId } : {}),
})

/** Area (cabang) and package filters; shown to users who may read the catalog lists. */
export function ReportFilters({
  value,
  onChange,
}: {
  value: Filters
  onChange: (next: Filters) => void
}) {
  const { t } = useTranslation()
  const { can } = useSession()
  if (!(can('catalog.view') || can('customers.view'))) return null
  return (
    <Group align="flex-end" gap="sm">
      <AreaSelect
        label={t('reports.filters.area')}
        placeholder={t('reports.filters.allAreas')}
        value={value.areaId ?? null}
        onChange={(areaId) => onChange({ ...value, areaId: areaId ?? undefined })}
      />
      <ProductSelect
        label={t('reports.filters.product')}
        placeholder={t('reports.filters.allProducts')}
        value={value.productId ?? null}
        onChange={(productId) => onChange({ ...value, productId: productId ?? undefined })}
      />
    </Group>
  )
}
