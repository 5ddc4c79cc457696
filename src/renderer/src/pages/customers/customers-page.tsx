import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { IconFileImport, IconUserPlus, IconUsers } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { ListPage } from '../../components/list-page'
import { countText } from '../../i18n'
import { useSession } from '../../session/session'
import { CustomerFilters } from './customer-filters'
import { CustomerFormModal } from './customer-form-modal'
import { CustomersTable } from './customers-table'
import { effectiveSort, hasFilters, type CustomerSort } from './list-params'
import { useFirstPage } from './use-customer-pages'
import { useListParams } from './use-list-params'

/** The list fills the window below the header, so its own scrollbar is the one that moves. */
const PAGE_HEIGHT =
  'calc(100dvh - var(--app-shell-header-height, 60px) - 2 * var(--mantine-spacing-lg))'

export function CustomersPage() {
  const { t } = useTranslation()
  const { can } = useSession()
  const navigate = useNavigate()
  const list = useListParams()
  const { filters } = list
  const first = useFirstPage(filters)
  const [creating, setCreating] = useState(false)
  const total = first.data?.total ?? 0
  const filtered = hasFilters(filters)

  const sortBy = (sort: CustomerSort) =>
    list.setFilters(
      effectiveSort(filters) === sort
        ? { sort, dir: filters.dir === 'asc' ? 'desc' : 'asc' }
        : { sort, dir: 'asc' },
    )

  return (
    <Stack gap="md" h={PAGE_HEIGHT} mih={620}>
      <Group justify="space-between" align="center">
        <Group gap="sm" align="baseline">
          <Title order={1} fz="h2">
            {t('customers.title')}
          </Title>
          {first.data && (
            <Text c="dimmed" fw={600} data-testid="customers-count">
              {t('customers.count', { total: countText(total) })}
            </Text>
          )}
        </Group>
        <Group gap="xs">
          {can('customers.import') && (
            <Button
              component={Link}
              to="/customers/import"
              variant="default"
              leftSection={<IconFileImport size={18} />}
            >
              {t('importWizard.open')}
            </Button>
          )}
          {can('customers.manage') && (
            <Button leftSection={<IconUserPlus size={18} />} onClick={() => setCreating(true)}>
              {t('customers.add')}
            </Button>
          )}
        </Group>
      </Group>
      <Paper withBorder radius="md" p="md" style={{ flex: 1, minHeight: 0, display: 'flex' }}>
        <ListPage
          style={{ flex: 1, minHeight: 0, minWidth: 0 }}
          query={first}
          filters={
            // Hidden under the dialog, whose "Area" and "Kategori" are then the only fields so named.
            !creating && <CustomerFilters {...list.bar} />
          }
          clearFilters={list.clearButton(filtered, t('customers.clearFilters'))}
          empty={(data) =>
            data.total > 0
              ? null
              : {
                  icon: <IconUsers size={28} />,
                  title: filtered ? t('customers.empty') : t('customers.none'),
                  description: filtered ? t('customers.emptyHint') : t('customers.noneHint'),
                  testId: 'customers-empty',
                }
          }
        >
          {() => <CustomersTable filters={filters} first={first} onSort={sortBy} />}
        </ListPage>
      </Paper>
      {creating && (
        <CustomerFormModal
          customer={null}
          onClose={() => setCreating(false)}
          onSaved={(saved) => void navigate(`/customers/${saved.id}`)}
        />
      )}
    </Stack>
  )
}
