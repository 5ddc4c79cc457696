import { Select } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { trpc } from '../api/client'

interface CatalogSelectProps {
  label: string
  placeholder: string
  value: number | null
  onChange: (id: number | null) => void
}

const idOrNull = (value: string | null) => (value ? Number(value) : null)

/** A list's area filter, "CBG01 — Cibinong"; cleared, it means every area. */
export function AreaSelect({ label, placeholder, value, onChange }: CatalogSelectProps) {
  const areas = useQuery(trpc.catalog.areas.queryOptions())
  return (
    <Select
      label={label}
      placeholder={placeholder}
      data={(areas.data ?? []).map((a) => ({
        value: String(a.id),
        label: `${a.code} — ${a.name}`,
      }))}
      value={value ? String(value) : null}
      onChange={(v) => onChange(idOrNull(v))}
      clearable
      searchable
    />
  )
}

/** A list's package filter; cleared, it means every package. */
export function ProductSelect({ label, placeholder, value, onChange }: CatalogSelectProps) {
  const products = useQuery(trpc.catalog.products.queryOptions())
  return (
    <Select
      label={label}
      placeholder={placeholder}
      data={(products.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
      value={value ? String(value) : null}
      onChange={(v) => onChange(idOrNull(v))}
      clearable
      searchable
    />
  )
}
