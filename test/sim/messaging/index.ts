/**
 * Messaging simulators (see /work/shared/INTEGRATIONS.md, "WhatsApp and other messages"): a
 * Fonnte/Wablas/URL-template gateway over HTTP and an SMTP server, both on 127.0.0.1 only.
 *
 *   const wa = await startMessageSim()          // base URL wa.url, tokens wa.tokens
 *   const mail = await startSmtpSim()           // host 127.0.0.1, port mail.port
 *   wa.failNext(2, 'down'); mail.failNext(1, 'reject')
 *   ...; wa.received / mail.received; await wa.close(); await mail.close()
 */
export { DEFAULT_TOKENS, startMessageSim } from './gateway'
export type {
  GatewayFailure,
  GatewayProvider,
  MessageSim,
  MessageSimOptions,
  ReceivedMessage,
} from './gateway'
export { parseMail, startSmtpSim } from './smtp'
export type { ReceivedMail, SmtpFailure, SmtpSim, SmtpSimOptions } from './smtp'
