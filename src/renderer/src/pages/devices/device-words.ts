import type { TFunction } from 'i18next'
import { formatInstant } from '@shared/dates'
import { describeUserAgent } from '@shared/user-agent'
import { intlLocale } from '../../i18n'

/** "Chrome di Windows": the browser and system of a session, never the raw user agent. */
export function deviceLabel(t: TFunction, userAgent: string): string {
  const { browser, os } = describeUserAgent(userAgent)
  return os ? t('devices.deviceOn', { browser, os }) : browser
}

/** An instant as dd/mm/yyyy hh.mm in the company's zone. */
export function when(iso: string, timeZone: string): string {
  return formatInstant(iso, timeZone, intlLocale())
}
