import { Alert, Badge, Group, Paper, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { portalTrpc } from '../../api/portal-client'
import { PageLoader, QueryError } from '../../components/query-state'
import { ddmmyyyy } from './format'
import { Muted, PortalPage } from './portal-app'

const COLOR: Record<string, string> = { aktif: 'teal', isolir: 'red', putus: 'gray' }

/** Mbps from kbps, as the package is sold ("10 Mbps"). */
const mbps = (kbps: number | null) => (kbps === null ? '–' : `${Math.round(kbps / 100) / 10}`)

/**
 * Layanan: each service's status, package and speed. Loket records no usage figures yet, so
 * there is no usage line (rather than a line of zeros).
 */
export function PortalServices() {
  const { t } = useTranslation()
  const services = useQuery(portalTrpc.portal.services.queryOptions())
  return (
    <PortalPage title={t('portal.services.title')}>
      {services.isPending ? (
        <PageLoader />
      ) : services.isError ? (
        <QueryError error={services.error} onRetry={() => void services.refetch()} />
      ) : services.data.length === 0 ? (
        <Muted>{t('portal.services.empty')}</Muted>
      ) : (
        <Stack gap="sm">
          {services.data.map((s) => (
            <Paper key={s.id} withBorder p="md">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div>
                  <Text fw={700}>{s.packageName}</Text>
                  <Muted>{s.sid}</Muted>
                </div>
                <Badge color={COLOR[s.status] ?? 'blue'} variant="light">
                  {t(`portal.services.status.${s.status}`, { defaultValue: s.status })}
                </Badge>
              </Group>
              <Stack gap={2} mt="xs">
                {(s.downloadKbps !== null || s.uploadKbps !== null) && (
                  <Text size="sm">
                    {t('portal.services.speed')}: {mbps(s.downloadKbps)}/{mbps(s.uploadKbps)} Mbps
                  </Text>
                )}
                {s.activationDate && (
                  <Text size="sm">
                    {t('portal.services.since')}: {ddmmyyyy(s.activationDate)}
                  </Text>
                )}
                {s.installationAddress && (
                  <Text size="sm">
                    {t('portal.services.address')}: {s.installationAddress}
                  </Text>
                )}
              </Stack>
              {s.status === 'isolir' && (
                <Alert color="red" mt="sm">
                  {t('portal.services.isolirNote')}
                </Alert>
              )}
            </Paper>
          ))}
        </Stack>
      )}
    </PortalPage>
  )
}
