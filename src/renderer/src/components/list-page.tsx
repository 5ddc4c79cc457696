import { Button, EmptyState, Group, Stack, Text, TextInput, type StackProps } from '@mantine/core'
import { IconPlus, IconSearch } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { ClearFiltersButton } from './clear-filters-button'
import { PageLoader, QueryError } from './query-state'

/** What the frame needs of a list's query; TanStack Query's results fit it as they are. */
export interface ListQuery<T> {
  data: T | undefined
  isPending: boolean
  isError: boolean
  error: unknown
  refetch: () => unknown
}

/** A list's empty state in its own words: "no customers yet" differs from "none match". */
export interface ListEmpty {
  icon: ReactNode
  title: string
  description?: string
  testId?: string
}

/**
 * The frame every list page shares: its filter bar and "Hapus filter" (shown while a filter is
 * set), whatever sits above the rows (counts, a view switch) or its add button, then the rows —
 * or the loader, the error with its retry, or the empty state. Dialogs stay with the page.
 */
export function ListPage<T>({
  query,
  filters,
  clearFilters,
  toolbar,
  add,
  empty,
  children,
  ...stack
}: {
  query: ListQuery<T>
  filters?: ReactNode
  clearFilters?: { shown: boolean; label: string; onClear: () => void }
  toolbar?: ReactNode
  /** "Tambah …" at the right above the rows; leave it out for who may not add. */
  add?: { label: string; onAdd: () => void } | false
  /** The empty state for this answer, or null when it has rows. */
  empty: (data: T) => ListEmpty | null
  /** The rows (a table) and what follows them, once there are some. */
  children: (data: T) => ReactNode
} & Omit<StackProps, 'children'>) {
  const body = () => {
    if (query.isPending) return <PageLoader />
    if (query.isError)
      return <QueryError error={query.error} onRetry={() => void query.refetch()} />
    const data = query.data as T
    const none = empty(data)
    if (!none) return children(data)
    return (
      <EmptyState
        icon={none.icon}
        title={none.title}
        description={none.description}
        size="sm"
        data-testid={none.testId}
      />
    )
  }
  return (
    <Stack gap="sm" {...stack}>
      {filters}
      {clearFilters && <ClearFiltersButton {...clearFilters} />}
      {toolbar}
      {add && (
        <Group justify="flex-end">
          <Button leftSection={<IconPlus size={16} />} onClick={add.onAdd}>
            {add.label}
          </Button>
        </Group>
      )}
      {body()}
    </Stack>
  )
}

/** A list's search box: searched as the person types (the page debounces it). */
export function SearchField(props: {
  label: string
  placeholder: string
  value: string
  onSearch: (text: string) => void
  w?: number
}) {
  return (
    <TextInput
      label={props.label}
      placeholder={props.placeholder}
      leftSection={<IconSearch size={16} />}
      value={props.value}
      onChange={(e) => props.onSearch(e.currentTarget.value)}
      type="search"
      w={props.w}
    />
  )
}

/** Under a list that loads in pages: how many rows are shown of how many, and "load more". */
export function ListFooter(props: {
  shown: string
  testId?: string
  more?: { label: string; loading: boolean; onMore: () => void } | null
}) {
  return (
    <Group justify="space-between">
      <Text fz="sm" c="dimmed" data-testid={props.testId}>
        {props.shown}
      </Text>
      {props.more && (
        <Button variant="default" loading={props.more.loading} onClick={props.more.onMore}>
          {props.more.label}
        </Button>
      )}
    </Group>
  )
}
