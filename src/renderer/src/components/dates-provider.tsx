import { DatesProvider } from '@mantine/dates'
import 'dayjs/locale/id'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * Month and weekday names of every date input in the UI's language ("Desember", "Sen"), weeks
 * from Monday as an Indonesian calendar has them; follows the language switch.
 */
export function LocalizedDates({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation()
  const locale = i18n.language === 'en' ? 'en' : 'id'
  return (
    <DatesProvider settings={{ locale, firstDayOfWeek: 1, weekendDays: [0] }}>
      {children}
    </DatesProvider>
  )
}
