import type { idChannels } from './id-channels'

/** English texts of the channels pages. */
export const enChannels: typeof idChannels = {
  channels: {},
}
