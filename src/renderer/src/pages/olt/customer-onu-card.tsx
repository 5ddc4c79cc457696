import { Alert, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { formatInstant } from '@shared/dates'
import { trpc } from '../../api/client'
import { intlLocale } from '../../i18n'
import { useSession } from '../../session/session'
import { Loaded } from './loaded'
import { OnuStatusBadge, RxText } from './rx'

/**
 * A customer's ONU as the last OLT reading saw it: status and RX with its colour. Made for the
 * customer page and the troubleshooting screen (olt.customerOnu); a failure shows why and
 * leaves the rest of the screen alone.
 */
export function CustomerOnuCard({ customerId }: { customerId: number }) {
  const { t } = useTranslation()
  const { me } = useSession()
  const onu = useQuery(trpc.olt.customerOnu.queryOptions({ customerId }))
  return (
    <Paper withBorder p="sm" data-testid="customer-onu">
      <Title order={3} fz="h5" mb={6}>
        {t('olt.card.title')}
      </Title>
      <Loaded query={onu}>
        {(d) =>
          d.onus.length === 0 ? (
            <Text c="dimmed" fz="sm">
              {t('olt.card.none')}
            </Text>
          ) : (
            <Stack gap={6}>
              {[...new Map(d.onus.filter((o) => o.oltError).map((o) => [o.oltId, o])).values()].map(
                (o) => (
                  <Alert
                    key={`olt-${o.oltId}`}
                    color="orange"
                    p="xs"
                    icon={<IconAlertTriangle size={16} />}
                    data-testid="onu-olt-down"
                  >
                    <Text fz="sm">
                      {t('olt.card.oltDown', {
                        name: o.oltName,
                        reason: t(`errors.${o.oltError}`, {
                          host: o.oltHost,
                          port: o.oltPort,
                          defaultValue: o.oltError ?? '',
                        }),
                      })}
                    </Text>
                  </Alert>
                ),
              )}
              {d.onus.map((o) => (
                <Group key={o.id} gap="sm" wrap="wrap">
                  <OnuStatusBadge status={o.status} />
                  <RxText dbm={o.rxDbm} level={o.rxLevel} />
                  <Text fz="xs" c="dimmed">
                    {o.oltName} {o.pon}:{o.onuIndex} · {o.serial} ·{' '}
                    {t('olt.card.seen', {
                      at: formatInstant(o.seenAt, me.company.timeZone, intlLocale()),
                    })}
                  </Text>
                </Group>
              ))}
            </Stack>
          )
        }
      </Loaded>
    </Paper>
  )
}
