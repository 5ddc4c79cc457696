import type { idReports } from './id-reports'

/** English texts of the reports pages; same keys as `id-reports.ts`. */
export const enReports: typeof idReports = {
  reports: { title: 'reports' },
}
