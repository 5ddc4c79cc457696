import type { idChannels } from './id-channels'

/** English texts of the channels pages. */
export const enChannels: typeof idChannels = {
  channels: {
    intro:
      'Channels are how Loket’s messages go out: billing reminders, isolation notices, payment receipts and broadcasts are sent over the WhatsApp or e-mail set up here.',
    emptyTitle: 'No message channel yet',
    emptyHint:
      'Without a channel, reminders and notices cannot go out: they are recorded as skipped (no channel) in the history. Start with WhatsApp (Fonnte, Wablas, another gateway or WhatsApp Web), then send a test message.',
    readOnly:
      'You can view the channel settings only. Changing them needs the manage-messages permission.',
    kind: { whatsapp: 'WhatsApp', email: 'E-mail' },
    kindHint: {
      whatsapp: 'The main channel: most customers only have a WhatsApp number.',
      email: 'Used when a customer has no valid WhatsApp number.',
    },
    provider: {
      label: 'Provider',
      fonnte: 'Fonnte',
      wablas: 'Wablas',
      url: 'Other gateway (URL template)',
      baileys: 'WhatsApp Web (scan a QR)',
      smtp: 'SMTP server',
    },
    providerHint: {
      fonnte: 'The device token from the Fonnte dashboard (Devices menu).',
      wablas:
        'Token and server address from the Wablas dashboard; each account has its own server.',
      url: 'For gateways that take an address with {phone} and {message}. Put the API key as {token} so it is stored encrypted.',
      baileys:
        'No paid provider: Loket links to WhatsApp on your phone like WhatsApp Web. The phone must stay online.',
      smtp: 'The company’s or a provider’s mail server (Gmail, Zoho, hosting).',
    },
    status: {
      not_set: 'Not set up',
      disabled: 'Off',
      unknown: 'Not tried yet',
      ok: 'Working',
      error: 'Failing',
    },
    checkedAt: 'Last tried {{when}}',
    lastError: 'Last error from the provider',
    unreadable:
      'The stored settings cannot be opened (different data key). Enter the token or password again and save.',
    field: {
      token: 'Token',
      tokenStored: 'stored — leave empty to keep',
      tokenMoved: 'The destination changed: enter the token again.',
      baseUrl: 'Server address (base URL)',
      baseUrlHint: 'Change only for a self-hosted server or another server of the provider.',
      templateUrl: 'URL template',
      templateUrlHint: 'Example: https://gateway.id/send?key={token}&to={phone}&text={message}',
      method: 'Method',
      bodyTemplate: 'POST body',
      bodyTemplateHint: 'Example: phone={phone}&message={message}',
      bodyType: 'Body format',
      bodyTypes: { form: 'Form (urlencoded)', json: 'JSON', text: 'Plain text' },
      host: 'SMTP host',
      port: 'Port',
      secure: 'Implicit TLS (port 465)',
      user: 'User name',
      password: 'Password',
      passwordStored: 'stored — leave empty to keep',
      passwordMoved: 'The destination changed: enter the password again.',
      from: 'Sender (From)',
      fromHint: 'Example: Net Jaya <billing@netjaya.id>',
      rate: 'Messages per minute',
      rateHint: 'Gateways block numbers that send too fast. Default 20 a minute.',
      enabled: 'On: send messages over this channel',
    },
    sealedNote:
      'Tokens and passwords are stored encrypted, never shown again, and only sent to the address they were saved for: change the address, port or URL and enter them again.',
    save: 'Save channel',
    saved: '{{kind}} channel saved.',
    test: {
      button: 'Send test message',
      title: 'Send a test message over {{kind}}',
      intro: 'Loket sends one message right now and records it in the history as a test.',
      toWhatsapp: 'WhatsApp number',
      toEmail: 'E-mail address',
      send: 'Send',
      sending: 'Sending…',
      ok: 'Test message sent to {{to}}. Check the phone or inbox.',
      saveFirst: 'Save the channel before sending a test message.',
    },
    baileys: {
      title: 'WhatsApp Web',
      status: {
        tidak_tertaut: 'Not linked',
        menghubungkan: 'Connecting…',
        pindai_qr: 'Scan the QR code',
        tersambung: 'Connected',
      },
      detail: {
        logged_out: 'Unlinked from the phone. Press Link to link again.',
        qr_expired: 'The QR code expired without a scan. Press Link for a new one.',
        host_only: 'WhatsApp Web runs only in the Loket app while it is running.',
      },
      phone: 'Linked number: {{phone}}',
      scan: 'On the phone: open WhatsApp → Linked devices → Link a device, then scan this code. The code changes every few seconds.',
      qrAlt: 'QR code to link WhatsApp',
      waitingQr: 'Waiting for the QR code from WhatsApp…',
      link: 'Link',
      unlink: 'Unlink',
      unlinkTitle: 'Unlink WhatsApp?',
      unlinkBody:
        'Loket logs out of WhatsApp on this phone and deletes the saved session. Further messages wait until it is linked again by scanning a QR.',
      unlinked: 'WhatsApp unlinked.',
      saveFirst: 'Save the channel with the WhatsApp Web provider, then press Link.',
    },
  },
}
