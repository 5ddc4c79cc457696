// Channels, their transports, the sender and the WhatsApp Web sessions.
export {
  channelTransport,
  listChannels,
  loadChannel,
  loadChannelTransport,
  setChannel,
} from './channels'
export type { ChannelList, LoadedChannel } from './channels'
export type { ChannelConfig, ChannelSettings, ChannelView } from './channel-config'
export { sendDueMessages } from './sender'
export type { SendCounts } from './sender'
export { startMessageSender } from './sender-loop'
export type { MessageSender, MessageSenderOptions } from './sender-loop'
export { sendTestMessage } from './test-message'
export type { TestMessageResult } from './test-message'
export { linkWhatsapp, unlinkWhatsapp, whatsappLinkStatus } from './whatsapp-link'
export { createWhatsappSessions, whatsappSessionFolder } from './baileys-session'
export type {
  WaAuth,
  WaConnectionUpdate,
  WaSocket,
  WaSocketFactory,
  WhatsappSessionOptions,
  WhatsappSessions,
  WhatsappSessionView,
} from './baileys-session'
export { MAX_ATTEMPTS, RATE_WINDOW_MS, retryDelayMs } from './rate-limit'
export { SendError } from './transports/types'
export { fonnteTransport } from './transports/fonnte'
export { wablasTransport } from './transports/wablas'
export { urlTemplateTransport } from './transports/url-template'
export { smtpTransport } from './transports/smtp'
export type { OutgoingText, SendFailureKind, Transport } from './transports/types'
