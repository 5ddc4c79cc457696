import type { idAcs } from './id-acs'

/** English texts of the ACS settings and the CPE card; the same keys as `id-acs.ts`. */
export const enAcs: typeof idAcs = {
  acs: {
    settings: {
      title: 'ACS (GenieACS)',
      intro:
        "The GenieACS NBI address (usually port 7557) for seeing and managing customers' modems. Fill in a login when the NBI sits behind a proxy with a password.",
      url: 'NBI address',
      urlPlaceholder: 'http://10.0.0.5:7557',
      username: 'User name (optional)',
      password: 'Password',
      passwordKeep: 'Leave empty to keep the saved password',
      test: 'Test connection',
      testOk: 'The ACS answered: {{count}} devices registered.',
      saved: 'ACS settings saved.',
      readOnly: 'Only users who may manage the network can change the ACS settings.',
    },
    card: {
      title: 'Modem / CPE (ACS)',
      notSet: 'The ACS is not set up. Enter the GenieACS NBI address in Settings → ACS (GenieACS).',
      nothingToSearch:
        "This customer's services have neither a PPPoE user name nor a CPE serial, so the CPE cannot be looked up on the ACS.",
      notFound: 'No CPE on the ACS for {{searched}}.',
      online: 'Online',
      offline: 'Offline',
      neverInformed: 'Never informed',
      lastInform: 'Last inform',
      ago: '{{duration}} ago',
      onlineRule:
        'Online when the last inform is no older than the inform interval ({{interval}}{{from}}) + {{grace}}.',
      intervalDefault: ', the default because the CPE does not report one',
      model: 'Model',
      firmware: 'Firmware',
      serial: 'Serial',
      ssid: 'WiFi SSID',
      dataModel: 'Data model',
      foundBy: 'Found by',
      byPppoe: 'PPPoE {{login}} ({{sid}})',
      bySerial: 'CPE serial ({{sid}})',
      reboot: 'Reboot',
      refresh: 'Refresh',
      wifi: 'Change WiFi',
      rebootTitle: 'Reboot modem {{device}}?',
      rebootBody:
        "The customer's internet and WiFi drop for 1–3 minutes while the modem restarts. Make sure the customer knows.",
      refreshTitle: 'Ask the modem for fresh data?',
      refreshBody:
        'The ACS asks the modem to send all its parameters again. A modem that does not answer does it at its next inform.',
      confirm: 'Yes, go ahead',
      wifiTitle: 'Change WiFi of {{device}}',
      wifiIntro:
        'Devices on the WiFi will drop and must join again with the new name and password.',
      wifiSsid: 'WiFi name (SSID)',
      wifiPassword: 'New WiFi password',
      wifiPasswordHint: 'WPA2: 8–63 letters, digits or plain punctuation.',
      wifiSubmit: 'Send to the modem',
      recent: 'Recent commands',
      serialTitle: 'CPE serial per service',
      serialHint:
        'For a modem that does not report the PPPoE user name (a bridged ONT, for example), save its serial so it can be found.',
      serialSave: 'Save serial',
      serialSaved: 'CPE serial saved.',
      outcome: {
        pending: 'Waiting for the ACS',
        done: 'Done: the modem carried it out',
        queued: 'Queued: the modem did not answer, it runs at its next inform',
        fault: 'Refused by the modem (fault)',
        not_found: 'The device is not on the ACS',
        unreachable: 'The ACS did not answer; nothing was queued',
      },
      outcomeShort: {
        pending: 'Waiting',
        done: 'Done',
        queued: 'Queued',
        fault: 'Fault',
        not_found: 'Not on the ACS',
        unreachable: 'ACS not answering',
      },
      action: { reboot: 'Reboot', refresh: 'Refresh', wifi: 'Change WiFi' },
    },
  },
}
