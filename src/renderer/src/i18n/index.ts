import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { formatCount } from '@shared/numbers'
import { MIN_PASSWORD_LENGTH } from '@shared/password-policy'
import { en } from './en'
import { id } from './id'
import { countFormatter, localeOf } from './interpolation'

export const LANGUAGES = ['id', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

const STORAGE_KEY = 'loket.language'

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY)
    return value === 'en' ? 'en' : 'id'
  } catch {
    return 'id'
  }
}

/** Indonesian first: every visitor starts in `id` until they pick English themselves. */
export const i18n = i18next.createInstance()

void i18n
  .use(initReactI18next)
  .use(countFormatter)
  .init({
    resources: { id: { translation: id }, en: { translation: en } },
    lng: storedLanguage(),
    fallbackLng: 'id',
    supportedLngs: [...LANGUAGES],
    // React escapes output already.
    interpolation: {
      escapeValue: false,
      // Every number put into a text goes through countFormatter: "1.775 tagihan".
      alwaysFormat: true,
      // The password rule and the zod message `validation.password_too_short` both need it.
      defaultVariables: { min: MIN_PASSWORD_LENGTH },
    },
    returnNull: false,
    initAsync: false,
  })

document.documentElement.lang = i18n.language

export function setLanguage(language: Language): void {
  void i18n.changeLanguage(language)
  document.documentElement.lang = language
  try {
    localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'id'
}

/** The locale for Intl formatting of dates and numbers in the chosen language. */
export function intlLocale(): string {
  return localeOf(currentLanguage())
}

/** A count as the chosen language writes it: 1775 → "1.775" (or "1,775" in English). */
export function countText(value: number): string {
  return formatCount(value, intlLocale())
}
