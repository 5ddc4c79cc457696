import { Badge, type MantineColor } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { MessageStatus } from '@shared/messaging'
import { formatContact } from '@shared/phone'

/** Queued blue, sent green, failed red, skipped grey: the eye finds the failures first. */
export const STATUS_COLORS: Record<MessageStatus, MantineColor> = {
  antri: 'blue',
  terkirim: 'teal',
  gagal: 'red',
  dilewati: 'gray',
}

export function MessageStatusBadge({ status }: { status: MessageStatus }) {
  const { t } = useTranslation()
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant="light"
      tt="none"
      miw={80}
      data-testid="message-status"
      data-status={status}
    >
      {t(`messaging.status.${status}`)}
    </Badge>
  )
}

/** A WhatsApp number the way people write it (0812-…); an address as it is. */
export function formatRecipient(channel: string, recipient: string): string {
  if (!recipient) return ''
  return channel === 'whatsapp' ? formatContact(recipient) : recipient
}

/**
 * The browser's id for a request that must not run twice. `crypto.randomUUID` exists only on
 * https or localhost; a LAN browser on plain http still has `getRandomValues`.
 */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const b = crypto.getRandomValues(new Uint8Array(16))
  b[6] = (b[6]! & 0x0f) | 0x40
  b[8] = (b[8]! & 0x3f) | 0x80
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
