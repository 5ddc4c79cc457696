import { Select, SimpleGrid, TextInput, Textarea } from '@mantine/core'
import type { ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { COMPANY_TIME_ZONES, DEFAULT_TIME_ZONE } from '@shared/dates'
import { formatPhone } from '@shared/phone'

export interface CompanyFormValues {
  name: string
  address: string
  phone: string
  email: string
  npwp: string
  timeZone: string
}

export const EMPTY_COMPANY: CompanyFormValues = {
  name: '',
  address: '',
  phone: '',
  email: '',
  npwp: '',
  timeZone: DEFAULT_TIME_ZONE,
}

/** The stored company as form text (phone shown the local way: 0812-…). */
export function companyToForm(company: {
  name: string
  address: string
  phone: string | null
  email: string | null
  npwp: string | null
  timeZone: string
}): CompanyFormValues {
  return {
    name: company.name,
    address: company.address,
    phone: company.phone ? formatPhone(company.phone) : '',
    email: company.email ?? '',
    npwp: company.npwp ?? '',
    timeZone: company.timeZone,
  }
}

type FieldProps = {
  value: string
  onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => void
  error: string | undefined
}

type SelectProps = {
  value: string | null
  onChange: (value: string | null) => void
  error: string | undefined
}

/** Company profile fields, shared by the setup wizard and the company settings page. */
export function CompanyFields({
  field,
  select,
  readOnly = false,
}: {
  field: (key: keyof CompanyFormValues) => FieldProps
  select: (key: keyof CompanyFormValues) => SelectProps
  readOnly?: boolean
}) {
  const { t } = useTranslation()
  const zones = COMPANY_TIME_ZONES.map((zone) => ({
    value: zone.id,
    label: `${t(`timeZones.${zone.label}`)} (${zone.id})`,
  }))
  return (
    <>
      <TextInput
        label={t('fields.companyName')}
        required={!readOnly}
        readOnly={readOnly}
        {...field('name')}
      />
      <Textarea
        label={t('fields.address')}
        autosize
        minRows={2}
        readOnly={readOnly}
        {...field('address')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('fields.companyPhone')}
          required={!readOnly}
          inputMode="tel"
          readOnly={readOnly}
          {...field('phone')}
        />
        <TextInput label={t('fields.email')} type="email" readOnly={readOnly} {...field('email')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('fields.npwp')}
          description={t('setup.npwpHint')}
          inputMode="numeric"
          readOnly={readOnly}
          {...field('npwp')}
        />
        <Select
          label={t('fields.timeZone')}
          data={zones}
          allowDeselect={false}
          readOnly={readOnly}
          {...select('timeZone')}
        />
      </SimpleGrid>
    </>
  )
}
