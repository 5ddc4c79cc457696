import type { idModules } from './id-modules'

/** English texts of the module switches; the same keys as `id-modules.ts`. */
export const enModules: typeof idModules = {
  modules: {
    title: 'Modules',
    intro:
      'Switch on only what your office uses. A module that is off disappears from the menus; its data is kept.',
    on: 'On',
    off: 'Off',
    ownerOnly: 'Only the owner (superadmin) can switch modules on or off.',
    offTitle: 'Switch off the {{name}} module?',
    offBody: 'Its data is kept; its menus and features are hidden for every user.',
    offHint: 'Switch it on again at any time: all of its data comes back.',
    offConfirm: 'Switch off',
    savedOn: 'The {{name}} module is on.',
    savedOff: 'The {{name}} module is off.',
    disabledTitle: 'The {{name}} module is off',
    disabledBody: 'Your company does not use this feature at the moment. Its data is kept.',
    disabledHintOwner: 'You can switch it on again in Settings → Modules.',
    disabledHint: 'Ask the owner to switch it on in Settings → Modules if you need it.',
    openSettings: 'Open Settings → Modules',
    reportsHidden:
      'The analysis reports (trend, revenue by package, customer counts, invoice list) belong to the Advanced reports module, which is switched off.',
    ticketReportsHidden: 'The ticket report belongs to the Tickets module, which is switched off.',
  },
}
