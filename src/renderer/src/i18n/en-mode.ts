import type { idMode } from './id-mode'

/** English texts of Pengaturan → Mode and the client's status bar (same keys as id-mode.ts). */
export const enMode: typeof idMode = {
  mode: {
    title: 'Mode: host or client',
    intro:
      'One PC (the host) keeps the data and serves the office network. Other PCs can be clients: they keep no data of their own and show Loket from the host.',
    lanTitle: "This host's address on the office network",
    lanIntro:
      "Open this address from a client PC, a technician's phone or another browser on the same network. Scan the QR code with a phone camera.",
    lanNone:
      'This host serves this PC only (port {{port}}). For other PCs and phones to open it, run Loket on the desktop, or npm run serve with --host 0.0.0.0.',
    qrAlt: 'QR code to open {{url}}',
    choice: 'Mode of this PC',
    host: 'Host — this PC keeps the data',
    client: 'Client — show Loket from another host',
    hostUrl: 'Host address',
    hostUrlHint: 'For example http://192.168.1.10:8080 (see this section on the host PC).',
    discover: 'Find hosts on the network',
    discovering: 'Looking for Loket hosts on the office network (3 seconds)…',
    discoverNone:
      'No Loket host was found. Type its address; the network or a firewall may block the search.',
    test: 'Test connection',
    testOk: 'Connected to Loket version {{version}} ({{ms}} ms).',
    testSameVersion: 'Same version as this PC.',
    testOtherVersion:
      "The host's version ({{version}}) differs from this PC's ({{own}}). Make them the same before using client mode.",
    testFailed: {
      unreachable:
        'The host cannot be reached. Check the address, the cable/Wi-Fi, and that Loket is running on the host.',
      timeout:
        'The host did not answer within 4 seconds. Check the network and the firewall on the host PC.',
      not_loket: 'That address answers, but it is not a Loket host.',
    },
    nextStart: 'A mode change takes effect when Loket is restarted on this PC.',
    savedAs: {
      host: 'Saved: this PC is a host. Takes effect when Loket restarts.',
      client: 'Saved: this PC is a client of {{url}}. Takes effect when Loket restarts.',
    },
    pending: 'Mode saved for the next start: client of {{url}}. For now this PC is still the host.',
    problem: 'The mode file could not be read, so this PC runs as a host. Save the mode again.',
    onlyOwner: 'Only the owner (superadmin) can change the mode.',
    confirmTitle: 'Make this PC a client?',
    confirmBody:
      "This PC holds the company's data. From the next start of Loket it no longer opens its own data and shows the data of host {{url}}. The data on this PC is not deleted and can be used again by switching back to host.",
    confirm: 'Make it a client',
  },
  hostStatus: {
    client: 'Client mode · host {{host}}',
    unreachable:
      'The host cannot be reached. What you typed stays on screen; nothing is saved until the host is back.',
    checking: 'Checking the connection to the host…',
    retry: 'Reconnect',
  },
}
