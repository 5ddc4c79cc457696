import { Anchor, Button, Card, DataList, Group, Text, Title } from '@mantine/core'
import { IconBrandWhatsapp, IconMapPin } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { dateInZone, formatShortDate } from '@shared/dates'
import { formatPhone, whatsappLink } from '@shared/phone'
import { useSession } from '../../session/session'
import type { CustomerDetail } from './types'

function Item({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children ?? t('common.empty')}</DataList.ItemValue>
    </DataList.Item>
  )
}

export function mapsLink(latitude: number, longitude: number): string {
  return `https://www.google.com/maps?q=${latitude},${longitude}`
}

export function IdentityCard({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation()
  const { me } = useSession()
  const { latitude, longitude } = customer
  const registered = formatShortDate(dateInZone(new Date(customer.createdAt), me.company.timeZone))
  return (
    <Card withBorder radius="md" padding="md" data-testid="customer-identity">
      <Title order={2} fz="h5" mb="sm">
        {t('customer.identity')}
      </Title>
      <DataList size="sm" labelWidth={120}>
        <Item label={t('customerFields.category')}>
          {t(`customerCategory.${customer.category}`, { defaultValue: customer.category })}
        </Item>
        <Item label={t('customerFields.nik')}>{customer.nik}</Item>
        <Item label={t('customerFields.npwp')}>{customer.npwp}</Item>
        <Item
          label={t('customerFields.area')}
        >{`${customer.area.code} — ${customer.area.name}`}</Item>
        <Item label={t('customerFields.address')}>{customer.address || null}</Item>
        <Item label={t('customer.coordinates')}>
          {latitude !== null && longitude !== null ? (
            <Group gap={6}>
              <Text span fz="sm">{`${latitude}, ${longitude}`}</Text>
              <Anchor
                href={mapsLink(latitude, longitude)}
                target="_blank"
                rel="noreferrer"
                fz="sm"
                display="inline-flex"
                style={{ alignItems: 'center', gap: 2 }}
              >
                <IconMapPin size={14} aria-hidden />
                {t('customer.openMap')}
              </Anchor>
            </Group>
          ) : null}
        </Item>
        <Item label={t('customerFields.marketer')}>{customer.marketer}</Item>
        <Item label={t('customerFields.accountManager')}>{customer.accountManagerName}</Item>
        <Item label={t('customer.registered')}>{registered}</Item>
      </DataList>
    </Card>
  )
}

export function ContactsCard({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation()
  const whatsapp = customer.whatsapp ?? customer.phone
  return (
    <Card withBorder radius="md" padding="md" data-testid="customer-contacts">
      <Title order={2} fz="h5" mb="sm">
        {t('customer.contacts')}
      </Title>
      <DataList size="sm" labelWidth={120}>
        <Item label={t('customerFields.phone')}>
          {customer.phone ? (
            <Anchor href={`tel:${customer.phone}`} fz="sm">
              {formatPhone(customer.phone)}
            </Anchor>
          ) : null}
        </Item>
        <Item label={t('customerFields.whatsapp')}>
          {whatsapp ? (
            <Group gap="xs">
              <Text span fz="sm" style={{ whiteSpace: 'nowrap' }}>
                {formatPhone(whatsapp)}
              </Text>
              <Button
                component="a"
                href={whatsappLink(whatsapp)}
                target="_blank"
                rel="noreferrer"
                size="compact-sm"
                variant="light"
                color="green"
                leftSection={<IconBrandWhatsapp size={16} aria-hidden />}
              >
                {t('customer.whatsapp')}
              </Button>
            </Group>
          ) : null}
        </Item>
        <Item label={t('customerFields.email')}>
          {customer.email ? (
            <Anchor href={`mailto:${customer.email}`} fz="sm">
              {customer.email}
            </Anchor>
          ) : null}
        </Item>
      </DataList>
    </Card>
  )
}
