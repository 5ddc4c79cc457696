import { queryClient, trpc } from '../../api/client'
import type { RouterOutputs } from '../../session/session'

export type MessageList = RouterOutputs['messaging']['list']
export type MessageRow = MessageList['rows'][number]
export type MessageDetail = RouterOutputs['messaging']['get']
export type TemplateRow = RouterOutputs['messaging']['templates'][number]
export type TemplatePreview = RouterOutputs['messaging']['previewTemplate']
export type BroadcastPreview = RouterOutputs['messaging']['broadcastPreview']
export type BroadcastResult = RouterOutputs['messaging']['broadcast']

/** After a retry, cancel or broadcast: the history and its counts. */
export function refreshMessages(): void {
  void queryClient.invalidateQueries(trpc.messaging.list.pathFilter())
  void queryClient.invalidateQueries(trpc.messaging.get.pathFilter())
}
