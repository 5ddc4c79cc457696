import { Button, Group, Paper, Text, Title } from '@mantine/core'
import { IconBrandWhatsapp, IconMapPin, IconPhone } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { formatPhone, whatsappLink } from '@shared/phone'
import type { FieldTask } from './types'

/** One block of a task page on the phone (ticket or visit): a bordered card with its title. */
export function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Title order={2} size="h5" mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  )
}

/**
 * The customer as a ticket and a visit show them: name and code, address, and the buttons a
 * technician on the road uses (call, WhatsApp to the WhatsApp number or else the phone, map).
 */
export function CustomerContact({ customer: c }: { customer: NonNullable<FieldTask['customer']> }) {
  const { t } = useTranslation()
  const chat = c.whatsapp ?? c.phone
  return (
    <>
      <Text fw={600}>
        {c.name}{' '}
        <Text span size="xs" c="dimmed">
          {c.code}
        </Text>
      </Text>
      {c.address && <Text size="sm">{c.address}</Text>}
      <Group gap="xs">
        {c.phone && (
          <Button
            component="a"
            href={`tel:+${c.phone}`}
            size="sm"
            variant="light"
            leftSection={<IconPhone size={16} />}
          >
            {t('field.contact.call')} {formatPhone(c.phone)}
          </Button>
        )}
        {chat && (
          <Button
            component="a"
            href={whatsappLink(chat)}
            target="_blank"
            rel="noreferrer"
            size="sm"
            variant="light"
            color="teal"
            leftSection={<IconBrandWhatsapp size={16} />}
          >
            {t('field.contact.whatsapp')}
          </Button>
        )}
        {c.mapUrl && (
          <Button
            component="a"
            href={c.mapUrl}
            target="_blank"
            rel="noreferrer"
            size="sm"
            variant="light"
            color="grape"
            leftSection={<IconMapPin size={16} />}
          >
            {t('field.contact.map')}
          </Button>
        )}
      </Group>
    </>
  )
}
