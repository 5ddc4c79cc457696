import type { idMessaging } from './id-messaging'

/** English texts of the messages pages. */
export const enMessaging: typeof idMessaging = {
  messaging: {},
}
