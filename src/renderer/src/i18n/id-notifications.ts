/** Indonesian texts of pusat notifikasi. */
export const idNotifications = {
  notifications: {},
}
