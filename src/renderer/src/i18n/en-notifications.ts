import type { idNotifications } from './id-notifications'

/** English texts of the notifications pages. */
export const enNotifications: typeof idNotifications = {
  notifications: {},
}
