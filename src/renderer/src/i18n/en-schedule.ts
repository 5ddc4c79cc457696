import type { idSchedule } from './id-schedule'

/** English texts of the schedule pages. */
export const enSchedule: typeof idSchedule = {
  schedule: {},
}
