/** Indonesian texts of pesan: riwayat, template, broadcast. */
export const idMessaging = {
  messaging: {},
}
