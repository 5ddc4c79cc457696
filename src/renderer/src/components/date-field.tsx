import { DateInput, MonthPickerInput, type DateInputProps } from '@mantine/dates'
import { useTranslation } from 'react-i18next'
import { isCalendarDate, parseDisplayDate } from '@shared/dates'
import { intlLocale } from '../i18n'

/**
 * The date and month inputs of every page. The browser's own `type="date"` follows the
 * computer's locale (mm/dd/yyyy on most office PCs); these read and write dd/mm/yyyy and
 * "Desember 2026" in the UI's language (DatesProvider in dates-provider.tsx), while the value a
 * form or URL filter holds stays `YYYY-MM-DD` / `YYYY-MM` ('' when empty), so nothing else changes.
 */
type Shared = Omit<
  DateInputProps,
  'value' | 'defaultValue' | 'onChange' | 'valueFormat' | 'dateParser' | 'minDate' | 'maxDate'
>

export interface DateFieldProps extends Shared {
  /** `YYYY-MM-DD`, or '' for none. */
  value: string
  onChange: (value: string) => void
  /** Earliest and latest day that can be picked, `YYYY-MM-DD`. */
  min?: string
  max?: string
}

/** A day, typed as dd/mm/yyyy or picked from the calendar; an optional one can be emptied. */
export function DateField({ value, onChange, min, max, ...rest }: DateFieldProps) {
  const { t } = useTranslation()
  return (
    <DateInput
      clearable={!rest.required}
      valueFormat="DD/MM/YYYY"
      dateParser={parseDisplayDate}
      placeholder={t('dateField.placeholder')}
      previousLabel={t('dateField.previous')}
      nextLabel={t('dateField.next')}
      value={isCalendarDate(value) ? value : null}
      onChange={(picked) => onChange(picked ?? '')}
      minDate={min && isCalendarDate(min) ? min : undefined}
      maxDate={max && isCalendarDate(max) ? max : undefined}
      {...rest}
    />
  )
}

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/

export interface MonthFieldProps {
  label: string
  /** `YYYY-MM`, or '' for none. */
  value: string
  onChange: (value: string) => void
  description?: string
  placeholder?: string
  error?: string
  required?: boolean
  clearable?: boolean
  w?: number | string
  'data-autofocus'?: boolean
  'data-testid'?: string
}

/** A billing period, picked as "Desember 2026" from the year's months. */
export function MonthField({ value, onChange, placeholder, ...rest }: MonthFieldProps) {
  const { t } = useTranslation()
  const monthName = new Intl.DateTimeFormat(intlLocale(), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
  return (
    <MonthPickerInput
      valueFormat="MMMM YYYY"
      placeholder={placeholder ?? t('dateField.monthPlaceholder')}
      previousLabel={t('dateField.previousYear')}
      nextLabel={t('dateField.nextYear')}
      // Each month button is named in full ("Desember 2026"), for screen readers and tests.
      getMonthControlProps={(month) => ({
        'aria-label': monthName.format(new Date(`${month.slice(0, 10)}T00:00:00Z`)),
      })}
      value={PERIOD.test(value) ? `${value}-01` : null}
      onChange={(picked) => onChange(picked ? picked.slice(0, 7) : '')}
      {...rest}
    />
  )
}
