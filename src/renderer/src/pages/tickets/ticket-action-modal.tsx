import { Alert, Select, Text, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconInfoCircle } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { updateTicketInput } from '@shared/schemas'
import type { TicketStatus } from '@shared/tickets'
import { queryClient, trpc } from '../../api/client'
import { FormModal } from '../../components/form-modal'
import { useFormState } from '../../forms/use-form-state'
import type { TicketDetail } from './ticket-labels'

/** What a button on the ticket page asks for: each is one `tickets.update`. */
export type TicketAction =
  | { kind: 'move'; to: TicketStatus }
  | { kind: 'assign' }
  | { kind: 'note' }
  | { kind: 'reopen' }
  | { kind: 'cancel' }

interface Values {
  note: string
  assigneeId: string
}

/**
 * One change to a ticket in a small form: a status change with its note, an assignment, a note,
 * a reopening with its required reason, or a cancellation behind a red confirmation.
 */
export function TicketActionModal({
  ticket,
  action,
  onClose,
}: {
  ticket: TicketDetail
  action: TicketAction
  onClose: () => void
}) {
  const { t } = useTranslation()
  const assignees = useQuery(
    trpc.tickets.assignees.queryOptions(undefined, { enabled: action.kind === 'assign' }),
  )
  const form = useFormState<Values>({
    note: '',
    assigneeId: ticket.assigneeId ? String(ticket.assigneeId) : '',
  })
  const update = useMutation(
    trpc.tickets.update.mutationOptions({
      onSuccess: (changed) => {
        notifications.show({
          color: 'teal',
          message:
            t('tickets.actions.saved', { number: changed.number }) +
            (changed.messages.queued > 0 ? ` ${t('tickets.actions.resolvedMessage')}` : ''),
        })
        void queryClient.invalidateQueries(trpc.tickets.get.queryFilter({ id: ticket.id }))
        void queryClient.invalidateQueries(trpc.tickets.list.pathFilter())
        onClose()
      },
      onError: (error) =>
        form.showServerError(
          error,
          { TICKET_REOPEN_REASON_REQUIRED: 'note', TICKET_ASSIGNEE_INVALID: 'assigneeId' },
          (path) => (path === 'reason' || path === 'note' ? 'note' : path),
        ),
    }),
  )

  const status = (s: string) => t(`tickets.statuses.${s}`)
  const v = form.values
  const submit = () => {
    const note = v.note.trim()
    let input: Record<string, unknown>
    switch (action.kind) {
      case 'move':
        input = { id: ticket.id, status: action.to, note }
        break
      case 'cancel':
        input = { id: ticket.id, status: 'dibatalkan', note }
        break
      case 'reopen':
        if (!note) {
          form.setFieldError('note', 'validation.required')
          return
        }
        input = { id: ticket.id, status: 'dalam_proses', reason: note }
        break
      case 'assign':
        input = { id: ticket.id, assigneeId: v.assigneeId ? Number(v.assigneeId) : null, note }
        break
      case 'note':
        if (!note) {
          form.setFieldError('note', 'validation.required')
          return
        }
        input = { id: ticket.id, note }
        break
    }
    if (!form.validate(updateTicketInput, input, (p) => (p === 'reason' ? 'note' : p))) return
    update.mutate(input as z.input<typeof updateTicketInput>)
  }

  const title =
    action.kind === 'move'
      ? t('tickets.actions.moveTitle', { status: status(action.to) })
      : action.kind === 'assign'
        ? t('tickets.actions.assignTitle')
        : action.kind === 'note'
          ? t('tickets.actions.addNote')
          : action.kind === 'reopen'
            ? t('tickets.actions.reopenTitle')
            : t('tickets.actions.cancelTitle', { number: ticket.number })
  const hint =
    action.kind === 'move'
      ? [
          t('tickets.actions.moveHint', { from: status(ticket.status), to: status(action.to) }),
          action.to === 'selesai' && ticket.customerId ? t('tickets.actions.resolveHint') : '',
        ]
          .filter(Boolean)
          .join(' ')
      : action.kind === 'reopen'
        ? t('tickets.actions.reopenHint')
        : action.kind === 'cancel'
          ? t('tickets.actions.cancelHint')
          : null
  const submitLabel =
    action.kind === 'move'
      ? t(`tickets.actions.moveTo.${action.to}`, { defaultValue: status(action.to) })
      : action.kind === 'assign'
        ? t('tickets.actions.assign')
        : action.kind === 'reopen'
          ? t('tickets.actions.reopen')
          : action.kind === 'cancel'
            ? t('tickets.actions.cancelConfirm')
            : t('common.save')
  return (
    <FormModal
      title={title}
      onClose={onClose}
      onSubmit={submit}
      error={form.serverError}
      saving={update.isPending}
      submitLabel={submitLabel}
      submitColor={action.kind === 'cancel' ? 'red' : undefined}
    >
      {hint && (
        <Alert
          color={action.kind === 'cancel' ? 'red' : 'blue'}
          variant="light"
          icon={<IconInfoCircle size={18} />}
        >
          <Text fz="sm">{hint}</Text>
        </Alert>
      )}
      {action.kind === 'assign' && (
        <Select
          label={t('tickets.actions.assignee')}
          placeholder={t('tickets.unassigned')}
          searchable
          clearable
          data-autofocus
          data={(assignees.data ?? []).map((a) => ({ value: String(a.id), label: a.name }))}
          {...form.select('assigneeId')}
        />
      )}
      <Textarea
        label={action.kind === 'reopen' ? t('tickets.actions.reason') : t('tickets.actions.note')}
        placeholder={action.kind === 'reopen' ? undefined : t('tickets.actions.notePlaceholder')}
        required={action.kind === 'reopen' || action.kind === 'note'}
        autosize
        minRows={3}
        maxRows={8}
        data-autofocus={action.kind !== 'assign' ? true : undefined}
        {...form.text('note')}
      />
    </FormModal>
  )
}
