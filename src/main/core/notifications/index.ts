export { notify } from './notify'
export type { NotificationInput } from './notify'
