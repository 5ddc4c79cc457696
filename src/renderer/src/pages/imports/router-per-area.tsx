import { Alert, Select, Stack, Table, Text, Title } from '@mantine/core'
import { IconRouter } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { intlLocale } from '../../i18n'
import type { ImportWizard } from './use-import-wizard'

/**
 * With two or more routers: which router serves each area's rows that name none in the file's
 * `router` column. Each working service (aktif, isolir) needs one before the import can run;
 * a router set up for the area is proposed.
 */
export function RouterPerArea({ wizard }: { wizard: ImportWizard }) {
  const { t } = useTranslation()
  const routers = wizard.summary?.routers
  if (!routers || routers.routers.length < 2 || routers.areas.length === 0) return null
  const number = new Intl.NumberFormat(intlLocale())
  const options = routers.routers.map((r) => ({ value: String(r.id), label: r.name }))
  const waiting = routers.areas.filter((a) => a.routerId === null && a.working > 0)
  return (
    <Stack gap="xs" data-testid="import-router-per-area">
      <Title order={3} fz="h5">
        <IconRouter size={18} style={{ verticalAlign: 'text-bottom' }} />{' '}
        {t('importWizard.routers.title')}
      </Title>
      <Text fz="sm" c="dimmed" maw={760}>
        {t('importWizard.routers.hint', { count: routers.routers.length })}
      </Text>
      {routers.missing > 0 && (
        <Alert color="orange" py="xs" data-testid="import-router-missing">
          {t('importWizard.routers.missing', {
            count: routers.missing,
            areas: waiting.map((a) => a.areaCode).join(', '),
          })}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={560}>
        <Table withTableBorder fz="sm" maw={760}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('importWizard.routers.area')}</Table.Th>
              <Table.Th>{t('importWizard.routers.services')}</Table.Th>
              <Table.Th>{t('importWizard.routers.router')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {routers.areas.map((a) => (
              <Table.Tr key={a.areaCode} data-testid="import-router-area">
                <Table.Td>
                  {a.areaCode} · {a.areaName}
                </Table.Td>
                <Table.Td>
                  {t('importWizard.routers.count', {
                    count: a.services,
                    total: number.format(a.services),
                    working: number.format(a.working),
                  })}
                </Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    w={220}
                    data={options}
                    value={a.routerId === null ? null : String(a.routerId)}
                    placeholder={t('importWizard.routers.pick')}
                    onChange={(v) => v && void wizard.setRouterFor(a.areaCode, Number(v))}
                    error={a.routerId === null && a.working > 0}
                    aria-label={t('importWizard.routers.routerFor', { area: a.areaCode })}
                    allowDeselect={false}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  )
}
