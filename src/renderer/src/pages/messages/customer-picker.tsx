import { Select } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { trpc } from '../../api/client'

interface Picked {
  id: number
  code: string
  name: string
}

/**
 * Finds a customer by name, code or number (the customer list's search): the template preview's
 * customer, and the new ticket's (which brings its own label and error).
 */
export function CustomerPicker({
  value,
  onChange,
  label: fieldLabel,
  placeholder,
  description,
  nothingFound,
  error,
}: {
  value: Picked | null
  onChange: (customer: Picked | null) => void
  label?: string
  placeholder?: string
  description?: string
  nothingFound?: string
  error?: string
}) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const [q] = useDebouncedValue(search.trim(), 250)
  const label = (c: Picked) => `${c.code} — ${c.name}`
  const typing = q.length > 0 && (!value || q !== label(value))
  const found = useQuery(
    trpc.customers.list.queryOptions(
      { q, limit: 10 },
      { enabled: typing, placeholderData: keepPreviousData },
    ),
  )
  const options = [...(value ? [value] : []), ...(typing ? (found.data?.rows ?? []) : [])]
  const unique = [...new Map(options.map((c) => [c.id, c])).values()]
  return (
    <Select
      label={fieldLabel ?? t('messaging.templates.previewCustomer')}
      placeholder={placeholder ?? t('messaging.templates.previewCustomerPlaceholder')}
      description={description}
      error={error}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      // The server searched already; Mantine's own filter would hide numbers typed as 0812-….
      filter={({ options: all }) => all}
      data={unique.map((c) => ({ value: String(c.id), label: label(c) }))}
      value={value ? String(value.id) : null}
      onChange={(id) => onChange(unique.find((c) => String(c.id) === id) ?? null)}
      nothingFoundMessage={
        typing && found.isSuccess ? (nothingFound ?? t('messaging.templates.noCustomer')) : null
      }
    />
  )
}
