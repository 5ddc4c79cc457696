export {
  dataDirSecretBox,
  isSealed,
  loadSecretKey,
  openLogin,
  sealLogin,
  secretBox,
} from './secret-box'
export type { SecretBox } from './secret-box'
export { sealStoredLogins } from './seal-stored'
