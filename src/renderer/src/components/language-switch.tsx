import { SegmentedControl } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { currentLanguage, setLanguage, type Language } from '../i18n'

/** Bahasa Indonesia / English, remembered in localStorage; shown on every screen. */
export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation()
  // Re-read on every render: useTranslation re-renders this when the language changes.
  void i18n.language
  return (
    <SegmentedControl
      size={size}
      aria-label={t('language.label')}
      value={currentLanguage()}
      onChange={(value) => setLanguage(value as Language)}
      data={[
        { value: 'id', label: t('language.id') },
        { value: 'en', label: t('language.en') },
      ]}
      data-testid="language-switch"
    />
  )
}
