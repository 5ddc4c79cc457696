import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { IsolirAction } from '@shared/schemas'
import { trpc } from '../../api/client'
import { FormAlert } from '../../components/form-alert'
import { PageLoader, QueryError } from '../../components/query-state'
import { refreshNetwork } from './jobs-tab'

/** The batch's preview (who changes, who is skipped and why), then the reason and apply. */
export function IsolirPreviewModal({
  action,
  serviceIds,
  onClose,
  onDone,
}: {
  action: IsolirAction
  serviceIds: number[]
  onClose: () => void
  onDone: () => void
}) {
  const { t } = useTranslation()
  const [reason, setReason] = useState(
    t(action === 'isolir' ? 'isolir.reasonIsolir' : 'isolir.reasonRestore'),
  )
  const preview = useQuery(
    trpc.network.isolirPreview.queryOptions({ action, serviceIds }, { staleTime: 0 }),
  )
  // Unset until the operator touches it: the box shows the company's policy meanwhile.
  const [notify, setNotify] = useState<boolean | null>(null)
  const apply = useMutation(
    trpc.network.isolir.mutationOptions({
      onSuccess: (r) => {
        const notices = r.notices > 0 ? ` ${t('isolir.noticesQueued', { count: r.notices })}` : ''
        notifications.show({ color: 'teal', message: t('isolir.done', r) + notices })
        refreshNetwork()
        onDone()
      },
    }),
  )
  const label = t(action === 'isolir' ? 'isolir.isolate' : 'isolir.restore')
  return (
    <Modal opened onClose={onClose} size="xl" title={t('isolir.previewTitle', { action: label })}>
      {preview.isPending ? (
        <PageLoader />
      ) : preview.isError ? (
        <QueryError error={preview.error} />
      ) : (
        <Stack>
          <Group>
            <Badge size="lg" color="red" variant="light" tt="none" data-testid="preview-changes">
              {t('isolir.willChange', { count: preview.data.changes })}
            </Badge>
            <Badge size="lg" color="gray" variant="light" tt="none">
              {t('isolir.willSkip', { count: preview.data.skipped })}
            </Badge>
          </Group>
          <Table.ScrollContainer minWidth={640} mah={360}>
            <Table striped verticalSpacing={4} fz="sm" data-testid="isolir-preview">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('isolir.colCustomer')}</Table.Th>
                  <Table.Th>{t('isolir.colService')}</Table.Th>
                  <Table.Th>{t('isolir.router')}</Table.Th>
                  <Table.Th>{t('isolir.colWill')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.data.rows.slice(0, 500).map((r) => (
                  <Table.Tr key={r.serviceId}>
                    <Table.Td>
                      {r.customerCode} — {r.customerName}
                    </Table.Td>
                    <Table.Td ff="monospace">
                      {r.sid} · {r.product}
                    </Table.Td>
                    <Table.Td>{r.router ?? t('serviceNetwork.noRouter')}</Table.Td>
                    <Table.Td>{r.will === 'skip' ? t(`isolir.skip.${r.skip}`) : label}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {preview.data.rows.length > 500 && (
            <Text fz="sm" c="dimmed">
              +{preview.data.rows.length - 500}
            </Text>
          )}
          {preview.data.rows.some((r) => r.noRouter && r.will !== 'skip') && (
            <Alert color="yellow">{t('isolir.noRouter')}</Alert>
          )}
          <Textarea
            label={t('isolir.reason')}
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={reason.trim() ? undefined : t('validation.required')}
          />
          {action === 'isolir' && (
            <Checkbox
              label={t('isolir.notify')}
              description={t('isolir.notifyHint')}
              checked={notify ?? preview.data.notify}
              onChange={(e) => setNotify(e.currentTarget.checked)}
              data-testid="isolir-notify"
            />
          )}
          <FormAlert error={apply.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              color={action === 'isolir' ? 'red' : 'teal'}
              disabled={preview.data.changes === 0 || !reason.trim()}
              loading={apply.isPending}
              onClick={() =>
                apply.mutate({
                  action,
                  serviceIds,
                  reason,
                  ...(action === 'isolir' ? { notify: notify ?? preview.data.notify } : {}),
                })
              }
              data-testid="isolir-apply"
            >
              {t('isolir.apply', { count: preview.data.changes })}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}
