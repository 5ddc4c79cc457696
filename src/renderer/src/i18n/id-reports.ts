/** Indonesian texts of the reports pages. */
export const idReports = {
  reports: { title: 'reports' },
}
