/** Indonesian texts of jadwal & riwayat tugas. */
export const idSchedule = {
  schedule: {},
}
