import { ActionIcon, Alert, Card, Group, Loader, Stack, Text, Title, Tooltip } from '@mantine/core'
import { IconInfoCircle, IconRefresh, IconRouter } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { trpc } from '../../api/client'
import { errorCodeOf } from '../../api/errors'
import { QueryError } from '../../components/query-state'
import { useSession } from '../../session/session'
import { CpeActionsList } from './cpe-actions-list'
import { CpeDevice } from './cpe-device'
import { CpeSerialForm } from './cpe-serial-form'

/**
 * The customer's modem(s) as GenieACS sees them: status, last inform, model, firmware, SSID and
 * the actions. On its own query, so an ACS that does not answer fails this card only — the
 * customer page and the troubleshooting screen keep every other source.
 */
export function CustomerCpeCard({ customerId }: { customerId: number }) {
  const { t } = useTranslation()
  const { can } = useSession()
  const cpe = useQuery(trpc.acs.customerCpe.queryOptions({ customerId }, { retry: false }))
  const actions = useQuery(trpc.acs.actions.queryOptions({ customerId }))
  const canAct = can('network.acs')

  const body = () => {
    if (cpe.isPending) return <Loader size="sm" />
    if (cpe.isError) {
      if (errorCodeOf(cpe.error) === 'ACS_NOT_SET')
        return (
          <Alert color="gray" icon={<IconInfoCircle size={18} />} data-testid="cpe-not-set">
            {t('acs.card.notSet')}
          </Alert>
        )
      return <QueryError error={cpe.error} onRetry={() => void cpe.refetch()} />
    }
    const { devices, searched, services } = cpe.data
    const terms = [
      ...searched.pppoeUsernames.map((u) => `PPPoE ${u}`),
      ...searched.serials.map((s) => `serial ${s}`),
    ]
    return (
      <Stack gap="md">
        {devices.length === 0 && (
          <Alert color="yellow" icon={<IconInfoCircle size={18} />} data-testid="cpe-none">
            {terms.length
              ? t('acs.card.notFound', { searched: terms.join(', ') })
              : t('acs.card.nothingToSearch')}
          </Alert>
        )}
        {devices.map((d) => (
          <CpeDevice key={d.deviceId} customerId={customerId} device={d} canAct={canAct} />
        ))}
        {devices.length === 0 && canAct && services.length > 0 && (
          <CpeSerialForm customerId={customerId} services={services} />
        )}
      </Stack>
    )
  }

  return (
    <Card withBorder radius="md" padding="md" data-testid="cpe-card">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <IconRouter size={20} aria-hidden />
          <Title order={2} fz="h5">
            {t('acs.card.title')}
          </Title>
        </Group>
        <Tooltip label={t('common.retry')}>
          <ActionIcon
            variant="subtle"
            aria-label={t('common.retry')}
            loading={cpe.isFetching}
            onClick={() => void cpe.refetch()}
          >
            <IconRefresh size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
      {body()}
      {actions.data && actions.data.length > 0 && (
        <Stack gap={4} mt="md">
          <Text fz="sm" fw={600}>
            {t('acs.card.recent')}
          </Text>
          <CpeActionsList actions={actions.data.slice(0, 5)} />
        </Stack>
      )}
    </Card>
  )
}
