import type { idSettings } from './id-settings'

/** English texts of the service numbering settings; same keys as `id-settings.ts`. */
export const enSettings: typeof idSettings = {
  customerSettings: {
    title: 'Service numbers and PPPoE accounts',
    intro: 'How Loket makes the SID, PPPoE username and password of a new service.',
    kept: 'Existing services keep their SID and PPPoE username. Changes apply to new services only.',
    sidPattern: 'SID pattern',
    sidPatternHint:
      'Write the running number as zeros in curly braces; the number of zeros is the number of digits. For example SID{000000}.',
    sidExample: 'Example SID: {{example}}',
    usernameRule: 'PPPoE username rule',
    usernameRuleHint:
      '{kode} = customer code, {nama} = customer name (lower case, spaces become dots), {sid} = service number. Must contain {kode} or {sid}.',
    usernameExample: 'Example for {{code}} — {{name}}: {{example}}',
    passwordLength: 'PPPoE password length',
    passwordLengthHint: 'Passwords are random, 6 to 32 characters.',
    passwordRange: 'Enter a number from 6 to 32.',
    saved: 'Service number and PPPoE account settings saved.',
  },
}
