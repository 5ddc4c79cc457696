/**
 * The app-update.yml electron-updater reads: electron-builder writes one only for a `publish`
 * setting, and without it the download stops (it names the cache folder). The desktop writes its
 * own in the user-data folder instead, pointing at the host's feed, so the installer needs no
 * fixed update address.
 */
export const UPDATER_CACHE_DIR = 'loket-updater'

export function updaterConfigYaml(feedUrl: string): string {
  return [
    'provider: generic',
    `url: ${JSON.stringify(feedUrl)}`,
    'useMultipleRangeRequest: false',
    `updaterCacheDirName: ${UPDATER_CACHE_DIR}`,
    '',
  ].join('\n')
}
