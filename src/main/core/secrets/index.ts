export { dataDirSecretBox, loadSecretKey, secretBox } from './secret-box'
export type { SecretBox } from './secret-box'
