/** The import messages live in shared: the UI shows them in the preview, the CLI prints them. */
export { importMessagesEn, importMessagesId } from '@shared/messages/import'
export type { ImportMessageKey } from '@shared/messages/import'
