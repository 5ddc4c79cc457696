export {
  dataDirSecretBox,
  isBound,
  isSealed,
  loadSecretKey,
  openLogin,
  sealLogin,
  secretBox,
  SecretDestinationError,
} from './secret-box'
export type { SecretBox } from './secret-box'
export { bindStoredSecrets, sealStoredLogins, sealStoredVouchers } from './seal-stored'
