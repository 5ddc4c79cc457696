import { Button, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core'
import {
  IconBuildingBroadcastTower,
  IconFileImport,
  IconMap2,
  IconPackage,
  IconReceipt2,
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { useSession } from '../../session/session'
import { AreasTab } from './areas-tab'
import { PopsTab } from './pops-tab'
import { PriceListsTab } from './price-lists-tab'
import { ProductsTab } from './products-tab'

const TABS = [
  { value: 'products', icon: IconPackage },
  { value: 'areas', icon: IconMap2 },
  { value: 'pops', icon: IconBuildingBroadcastTower },
  { value: 'priceLists', icon: IconReceipt2 },
] as const
type Tab = (typeof TABS)[number]['value']

/** Packages, areas, POPs and price lists; the open tab is in the URL (`?tab=areas`). */
export function CatalogPage() {
  const { t } = useTranslation()
  const { can } = useSession()
  const canManage = can('catalog.manage')
  const [params, setParams] = useSearchParams()
  const tab: Tab = TABS.find((x) => x.value === params.get('tab'))?.value ?? 'products'

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} fz="h2">
            {t('catalog.title')}
          </Title>
          <Text c="dimmed">{t('catalog.intro')}</Text>
        </div>
        {/* Areas and packages come from the same wizard as customers, opened for their kind. */}
        {can('customers.import') && (tab === 'products' || tab === 'areas') && (
          <Button
            component={Link}
            to={`/customers/import?kind=${tab}`}
            variant="default"
            leftSection={<IconFileImport size={18} />}
          >
            {t('importWizard.open')}
          </Button>
        )}
      </Group>
      <Tabs
        value={tab}
        onChange={(value) => setParams(value && value !== 'products' ? { tab: value } : {})}
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.map(({ value, icon: Icon }) => (
            <Tabs.Tab key={value} value={value} leftSection={<Icon size={16} />}>
              {t(`catalog.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Paper withBorder radius="md" p="md" mt="md">
          <Tabs.Panel value="products">
            <ProductsTab canManage={canManage} />
          </Tabs.Panel>
          <Tabs.Panel value="areas">
            <AreasTab canManage={canManage} />
          </Tabs.Panel>
          <Tabs.Panel value="pops">
            <PopsTab canManage={canManage} />
          </Tabs.Panel>
          <Tabs.Panel value="priceLists">
            <PriceListsTab canManage={canManage} />
          </Tabs.Panel>
        </Paper>
      </Tabs>
    </Stack>
  )
}
