import { Group, Text, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'

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
  const type = kind === 'period' ? 'month' : 'date'
  return (
    <Group align="flex-end">
      <TextInput
        type={type}
        label={kind === 'period' ? t('reports.fromPeriod') : t('reports.from')}
        value={value.from}
        onChange={(e) => onChange({ ...value, from: e.currentTarget.value })}
      />
      <TextInput
        type={type}
        label={kind === 'period' ? t('reports.toPeriod') : t('reports.to')}
        value={value.to}
        onChange={(e) => onChange({ ...value, to: e.currentTarget.value })}
      />
      {!valid && (
        <Text c="red" size="sm" mb={8} role="alert">
          {t('reports.rangeInvalid')}
        </Text>
      )}
    </Group>
  )
}
