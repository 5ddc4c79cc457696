import type { Selectable } from 'kysely'
import type { JobName, JobRunStatus, JobTrigger } from '@shared/schemas'
import type { JobRunsTable } from '../db'
import type { JobCounts } from '../deps'

/** One recorded run as the page, the API and the CLI show it. */
export interface JobRunView {
  id: number
  job: JobName
  asOf: string
  trigger: JobTrigger
  status: JobRunStatus
  counts: JobCounts
  error: string | null
  username: string | null
  startedAt: string
  finishedAt: string | null
}

function parseCounts(text: string): JobCounts {
  try {
    const value: unknown = JSON.parse(text)
    if (!value || typeof value !== 'object') return {}
    return Object.fromEntries(
      Object.entries(value).filter((e): e is [string, number] => typeof e[1] === 'number'),
    )
  } catch {
    return {}
  }
}

export function toRunView(row: Selectable<JobRunsTable>): JobRunView {
  return {
    id: row.id,
    job: row.job as JobName,
    asOf: row.as_of,
    trigger: row.trigger,
    status: row.status,
    counts: parseCounts(row.counts_json),
    error: row.error,
    username: row.username,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  }
}
