import type { UseQueryResult } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { PageLoader, QueryError } from '../../components/query-state'

/** A query's data, or its loader, or its error with a retry. */
export function Loaded<T>({
  query,
  children,
}: {
  query: UseQueryResult<T, unknown>
  children: (data: T) => ReactNode
}) {
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />
  if (query.data === undefined) return <PageLoader />
  return <>{children(query.data)}</>
}
