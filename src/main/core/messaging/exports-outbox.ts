// History, templates editing and broadcast: exported from here.
export { getMessage, listMessages } from './history'
export type { MessageDetail, MessageList, MessageListRow } from './history'
export { cancelMessages, retryMessages } from './history-actions'
export {
  assertKnownVariables,
  companyTemplateValues,
  listTemplates,
  previewCustomer,
  renderPreview,
  resetTemplate,
  saveTemplate,
} from './template-edit'
export type { PreviewCustomer, RenderedPreview, TemplateView } from './template-edit'
export { broadcastPreview, sendBroadcast, DEFAULT_BROADCAST_SUBJECT } from './broadcast'
export type { AudienceSample, BroadcastPreview, BroadcastResult } from './broadcast'
