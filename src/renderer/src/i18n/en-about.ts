import type { idAbout } from './id-about'

/** English texts of "About Loket"; the same keys as `id-about.ts`. */
export const enAbout: typeof idAbout = {
  about: {
    menu: 'About Loket',
    title: 'About Loket',
    intro: 'The app version, the database it runs on, and what changed in each version.',
    details: 'App and database',
    version: 'Version',
    engine: 'Database engine',
    schema: 'Schema version',
    schemaNone: 'No migration yet',
    dataDir: 'Data folder',
    dataDirNone: 'Unknown',
    notes: 'Release notes',
    notesEmpty: 'This version carries no release notes (CHANGELOG.md is missing).',
    update: {
      title: 'Updates',
      lanOnly:
        'Updates are installed from the desktop app. A new version is published on the host with "updates publish"; every desktop checks it at start and daily.',
      current: 'Loket is up to date.',
      checking: 'Checking the host for a new version…',
      downloading: 'Version {{version}} is being downloaded from the host.',
      failed: 'The host could not be checked yet. Loket tries again tomorrow. ({{reason}})',
      available: 'A new version is available: {{version}}',
      readyIntro: 'Version {{version}} is downloaded. Install it now or when Loket opens next.',
      agreed: 'Version {{version}} will be installed when Loket is closed and opened again.',
      waiting: 'Waiting for the work in progress to finish before restarting…',
      agree: 'Install when Loket opens next',
      restart: 'Restart and install now',
      restartTitle: 'Restart Loket now?',
      restartIntro:
        'Loket waits for payments and changes being saved to finish, then closes, installs version {{version}} and opens again. Other PCs on the network lose the host for a moment while it restarts.',
      restartConfirm: 'Restart',
      banner: 'A new version is available: Loket {{version}}.',
      bannerLink: 'See the release notes',
    },
  },
}
