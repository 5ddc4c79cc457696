import { Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { DateField, MonthField } from '../../components/date-field'

export interface Range {
  from: string
  to: string
}

/** Two month (`YYYY-MM`) or date (`YYYY-MM-DD`) inputs; says so when the range is backwards. */
export function RangeInputs({
  kind,
  value,
  onChange,
  valid,
}: {
  kind: 'period' | 'date'
  value: Range
  onChange: (next: Range) => void
  valid: boolean
}) {
  const { t } = useTranslation()
  return (
    <Group align="flex-end">
      {kind === 'period' ? (
        <>
          <MonthField
            label={t('reports.fromPeriod')}
            w={180}
            value={value.from}
            onChange={(from) => onChange({ ...value, from })}
          />
          <MonthField
            label={t('reports.toPeriod')}
            w={180}
            value={value.to}
            onChange={(to) => onChange({ ...value, to })}
          />
        </>
      ) : (
        <>
          <DateField
            label={t('reports.from')}
            value={value.from}
            onChange={(from) => onChange({ ...value, from })}
          />
          <DateField
            label={t('reports.to')}
            value={value.to}
            onChange={(to) => onChange({ ...value, to })}
          />
        </>
      )}
      {!valid && (
        <Text c="red" size="sm" mb={8} role="alert">
          {t('reports.rangeInvalid')}
        </Text>
      )}
    </Group>
  )
}
