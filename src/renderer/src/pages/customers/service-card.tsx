import { Badge, Button, Card, DataList, Group, Text, Tooltip } from '@mantine/core'
import {
  IconAlertTriangle,
  IconArrowsExchange,
  IconClockHour4,
  IconLock,
  IconLockOpen,
  IconRouter,
  IconToggleLeft,
} from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { dateInZone, formatShortDate, isCalendarDate } from '@shared/dates'
import { formatRupiah } from '@shared/money'
import { intlLocale } from '../../i18n'
import { useSession } from '../../session/session'
import { ServicePassword } from './service-password'
import { StatusBadge } from './status-badge'
import type { ServiceDetail } from './types'

function Item({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children ?? t('common.empty')}</DataList.ItemValue>
    </DataList.Item>
  )
}

const dateText = (date: string | null) =>
  date && isCalendarDate(date) ? formatShortDate(date) : date

/** Where the monthly price comes from, in the office's words. */
export function priceNote(t: TFunction, s: ServiceDetail): string {
  if (s.priceOverride === null) return t(`service.priceSource.${s.priceSource}`)
  const override = s.priceReason
    ? t('service.overrideReason', { reason: s.priceReason })
    : t('service.priceSource.override')
  return `${override}; ${t('service.listPrice', { price: formatRupiah(s.listPrice) })}`
}

function speedText(t: TFunction, s: ServiceDetail): string | null {
  if (s.downloadMbps === null && s.uploadMbps === null) return null
  const number = new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: 3 })
  const part = (v: number | null) => (v === null ? t('common.empty') : number.format(v))
  return t('service.speedValue', { down: part(s.downloadMbps), up: part(s.uploadMbps) })
}

interface Props {
  service: ServiceDetail
  /** Whether the scheduled package costs more than the current one (null: unknown). */
  pendingIsUpgrade: boolean | null
  canManage: boolean
  canIsolir: boolean
  onChangePackage: () => void
  onChangeStatus: () => void
  onNetwork: () => void
  onIsolir: (action: 'isolir' | 'restore') => void
}

/** "Menunggu router" until the router has what Loket says; red when the router refused. */
function DeviceBadge({ device }: { device: ServiceDetail['device'] }) {
  const { t } = useTranslation()
  if (!device) return null
  const failed = device.state === 'failed'
  return (
    <Badge
      color={failed ? 'red' : 'yellow'}
      variant="light"
      tt="none"
      leftSection={failed ? <IconAlertTriangle size={14} /> : <IconClockHour4 size={14} />}
      title={
        failed
          ? `${device.error ?? ''} — ${t('serviceNetwork.failedHint')}`
          : (device.error ?? undefined)
      }
      data-testid="device-state"
      data-state={device.state}
    >
      {t(failed ? 'serviceNetwork.failed' : 'serviceNetwork.waiting')}
    </Badge>
  )
}

/** One service: what it is, what it costs and why, its access details; ended ones greyed out. */
export function ServiceCard({
  service: s,
  pendingIsUpgrade,
  canManage,
  canIsolir,
  ...actions
}: Props) {
  const { t } = useTranslation()
  const { me, can } = useSession()
  const ended = s.status === 'putus'
  const pending = s.pendingChange
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      bg={ended ? 'gray.1' : undefined}
      c={ended ? 'dimmed' : undefined}
      data-testid="service-card"
      data-sid={s.sid}
      data-status={s.status}
    >
      <Group justify="space-between" align="flex-start" mb="sm">
        <div>
          <Group gap="xs">
            <Text fw={700}>{s.productName}</Text>
            <StatusBadge status={s.status} />
            <DeviceBadge device={s.device} />
            {s.fupUntil && (
              <Tooltip label={t('service.fupHint')}>
                <Badge color="orange" variant="light" tt="none" data-testid="fup-badge">
                  {t('service.fupUntil', { date: dateText(s.fupUntil) })}
                </Badge>
              </Tooltip>
            )}
          </Group>
          <Text fz="sm" c="dimmed" ff="monospace">
            {s.sid}
          </Text>
        </div>
        {(canManage || canIsolir) && !ended && (
          <Group gap="xs">
            {canIsolir && (s.status === 'aktif' || s.status === 'isolir') && (
              <Button
                size="compact-sm"
                variant="light"
                color={s.status === 'aktif' ? 'red' : 'teal'}
                leftSection={
                  s.status === 'aktif' ? <IconLock size={16} /> : <IconLockOpen size={16} />
                }
                onClick={() => actions.onIsolir(s.status === 'aktif' ? 'isolir' : 'restore')}
                data-testid={s.status === 'aktif' ? 'service-isolir' : 'service-restore'}
              >
                {t(s.status === 'aktif' ? 'isolir.isolate' : 'isolir.restore')}
              </Button>
            )}
            {canManage && (
              <Button
                size="compact-sm"
                variant="light"
                color="gray"
                leftSection={<IconRouter size={16} />}
                onClick={actions.onNetwork}
              >
                {t('serviceNetwork.button')}
              </Button>
            )}
          </Group>
        )}
        {canManage && !ended && (
          <Group gap="xs">
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconArrowsExchange size={16} />}
              onClick={actions.onChangePackage}
            >
              {t('customer.changePackage')}
            </Button>
            <Button
              size="compact-sm"
              variant="light"
              color="gray"
              leftSection={<IconToggleLeft size={16} />}
              onClick={actions.onChangeStatus}
            >
              {t('customer.changeStatus')}
            </Button>
          </Group>
        )}
      </Group>
      {pending && !ended && (
        <Badge
          color={pendingIsUpgrade ? 'blue' : 'yellow'}
          variant="light"
          tt="none"
          leftSection={<IconClockHour4 size={14} />}
          mb="sm"
          data-testid="pending-change"
        >
          {t(pendingIsUpgrade ? 'service.pendingUpgrade' : 'service.pendingDowngrade', {
            name: pending.productName,
            date: dateText(pending.effectiveDate),
          })}
        </Badge>
      )}
      <DataList size="sm" labelWidth={150}>
        <Item label={t('service.speed')}>{speedText(t, s)}</Item>
        <Item label={t('serviceNetwork.routerLabel')}>
          {s.routerName ?? t('serviceNetwork.noRouter')}
        </Item>
        <Item label={t('service.monthlyPrice')}>
          <Text span fz="sm" fw={600} data-testid="service-price">
            {formatRupiah(s.monthlyPrice)}
          </Text>{' '}
          <Text span fz="sm" c="dimmed">
            ({priceNote(t, s)})
          </Text>
        </Item>
        <Item label={t('service.activationDate')}>
          {dateText(s.activationDate) ?? t('service.notActivated')}
        </Item>
        <Item label={t('service.billingDay')}>
          {s.billingDay
            ? t('service.billingFixed', { day: s.billingDay })
            : t('service.billingAnniversary')}
        </Item>
        {s.pppoeUsername && (
          <Item label={t('service.pppoeUsername')}>
            <Text span ff="monospace" fz="sm">
              {s.pppoeUsername}
            </Text>
          </Item>
        )}
        {s.hasPppoePassword && !ended && can('customers.credentials') && (
          <Item label={t('service.pppoePassword')}>
            <ServicePassword serviceId={s.id} />
          </Item>
        )}
        {s.staticIp && (
          <Item label={t('service.staticIp')}>
            <Text span ff="monospace" fz="sm">
              {s.staticIp}
            </Text>
          </Item>
        )}
        {s.installationAddress && (
          <Item label={t('service.installationAddress')}>{s.installationAddress}</Item>
        )}
        {s.notes && <Item label={t('service.notes')}>{s.notes}</Item>}
        {ended && s.terminatedAt && (
          <Item label={t('service.terminatedAt')}>
            {dateText(dateInZone(new Date(s.terminatedAt), me.company.timeZone))}
          </Item>
        )}
      </DataList>
    </Card>
  )
}
