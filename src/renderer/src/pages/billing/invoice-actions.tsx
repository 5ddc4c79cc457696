import { Button, Group } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import {
  IconCash,
  IconFileMinus,
  IconPrinter,
  IconSend,
  IconTrash,
  IconX,
} from '@tabler/icons-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { trpc } from '../../api/client'
import { errorMessage } from '../../api/errors'
import { openPdf } from '../../files/base64-files'
import { useSession } from '../../session/session'
import { ConfirmDialog } from './confirm-dialog'
import { CreditNoteDialog } from './credit-note-dialog'
import { refreshBilling } from './refresh-billing'
import type { InvoiceDetail } from './types'
import { useFileAction } from './use-file-action'
import { VoidDialog } from './void-dialog'

type Dialog = 'void' | 'credit' | 'delete' | null

/** What can be done with the invoice; each button shows only where it applies and is allowed. */
export function InvoiceActions({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation()
  const { can } = useSession()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const file = useFileAction()
  const [dialog, setDialog] = useState<Dialog>(null)
  const close = () => setDialog(null)
  const manage = can('billing.manage')
  const issued = invoice.status === 'issued'
  const draft = invoice.status === 'draft'

  const issue = useMutation(
    trpc.billing.issueDraft.mutationOptions({
      onSuccess: (r) => {
        notifications.show({
          color: 'teal',
          message: t('billing.invoice.issued', { number: r.number }),
        })
        refreshBilling()
      },
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
    }),
  )
  const remove = useMutation(
    trpc.billing.deleteDraft.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('billing.invoice.deleted') })
        refreshBilling()
        void navigate('/billing', { replace: true })
      },
    }),
  )

  return (
    <>
      <Group gap="xs">
        <Button
          variant="default"
          leftSection={<IconPrinter size={16} />}
          loading={file.loading === 'invoice'}
          onClick={() =>
            void file.run(
              'invoice',
              () =>
                queryClient.fetchQuery(
                  trpc.billing.invoicePdf.queryOptions({ id: invoice.id }, { staleTime: 0 }),
                ),
              openPdf,
            )
          }
        >
          {t('billing.invoice.print')}
        </Button>
        {can('payments.record') && issued && invoice.balance > 0 && (
          <Button
            component={Link}
            to={`/cashier?customer=${invoice.customerId}`}
            leftSection={<IconCash size={16} />}
          >
            {t('billing.invoice.receive')}
          </Button>
        )}
        {manage && issued && (
          <Button
            variant="light"
            leftSection={<IconFileMinus size={16} />}
            onClick={() => setDialog('credit')}
          >
            {t('billing.invoice.creditNote')}
          </Button>
        )}
        {manage && issued && invoice.paid === 0 && (
          <Button
            variant="light"
            color="red"
            leftSection={<IconX size={16} />}
            onClick={() => setDialog('void')}
          >
            {t('billing.invoice.void')}
          </Button>
        )}
        {manage && draft && (
          <Button
            leftSection={<IconSend size={16} />}
            loading={issue.isPending}
            onClick={() => issue.mutate({ invoiceId: invoice.id })}
          >
            {t('billing.invoice.issue')}
          </Button>
        )}
        {manage && draft && (
          <Button
            variant="light"
            color="red"
            leftSection={<IconTrash size={16} />}
            onClick={() => setDialog('delete')}
          >
            {t('billing.invoice.deleteDraft')}
          </Button>
        )}
      </Group>
      {dialog === 'void' && <VoidDialog invoice={invoice} onClose={close} />}
      {dialog === 'credit' && <CreditNoteDialog invoice={invoice} onClose={close} />}
      {dialog === 'delete' && (
        <ConfirmDialog
          title={t('billing.deleteDialog.title')}
          body={t('billing.deleteDialog.body', { name: invoice.customer.name })}
          confirmLabel={t('billing.deleteDialog.submit')}
          loading={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate({ invoiceId: invoice.id })}
          onClose={close}
        />
      )}
    </>
  )
}
