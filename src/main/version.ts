import packageJson from '../../package.json'

/** The app version, from package.json (bundled in, so it is right in every runtime). */
export const APP_VERSION: string = packageJson.version
