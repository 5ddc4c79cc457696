import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import {
  IconArrowLeft,
  IconBan,
  IconCash,
  IconPrinter,
  IconRefresh,
  IconSend,
} from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatShortDate, formatInstant, type CalendarDate } from '@shared/dates'
import { formatRupiah } from '@shared/money'
import { formatValidity, quotaText, type VoucherPaper } from '@shared/schemas'
import { whoText } from '@shared/who'
import { trpc, trpcClient } from '../../api/client'
import { errorMessage } from '../../api/errors'
import { PageLoader, QueryError } from '../../components/query-state'
import { openPdf } from '../../files/base64-files'
import { currentLanguage } from '../../i18n'
import { useSession } from '../../session/session'
import { ConfirmDialog } from '../billing/confirm-dialog'
import { useFileAction } from '../billing/use-file-action'
import { PushBadge } from './batches-tab'
import { SellModal } from './sell-modal'
import { refreshHotspot, type LiveVoucher } from './types'
import { VouchersTable } from './vouchers-table'

/** One batch: its vouchers with what the router says of each, print, disable and sell. */
export function BatchDetailView({
  id,
  canManage,
  onBack,
}: {
  id: number
  canManage: boolean
  onBack: () => void
}) {
  const { t } = useTranslation()
  const { me } = useSession()
  // While the host's worker is still sending the batch, look again every few seconds.
  const detail = useQuery(
    trpc.hotspot.batch.queryOptions(
      { id },
      { refetchInterval: (q) => (q.state.data?.batch.push === 'menunggu' ? 2000 : false) },
    ),
  )
  const pushed = detail.data?.batch.push === 'terkirim'
  const status = useQuery(
    trpc.hotspot.status.queryOptions({ batchId: id }, { enabled: pushed, retry: false }),
  )
  const [selected, setSelected] = useState<Set<number>>(new Set())
  const [confirm, setConfirm] = useState<'some' | 'all' | null>(null)
  const [selling, setSelling] = useState(false)
  const files = useFileAction()
  const disable = useMutation(
    trpc.hotspot.disable.mutationOptions({
      onSuccess: (r) => {
        notifications.show({
          color: 'teal',
          message: t('hotspot.disable.done', { count: r.disabled }),
        })
        setConfirm(null)
        setSelected(new Set())
        refreshHotspot()
      },
    }),
  )

  const pushNow = useMutation(
    trpc.hotspot.pushNow.mutationOptions({
      onSettled: () => refreshHotspot(),
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
    }),
  )

  if (detail.isPending) return <PageLoader />
  if (detail.isError)
    return <QueryError error={detail.error} onRetry={() => void detail.refetch()} />
  const { batch, vouchers, sales } = detail.data
  // A failed check shows no older figures as if they were now: the table says the router is silent.
  const live = new Map<number, LiveVoucher>(
    (status.isError ? [] : (status.data?.vouchers ?? [])).map((s) => [s.id, s]),
  )
  const usable = vouchers.filter((v) => !v.disabled)
  const unsold = usable.filter((v) => !v.sold).length
  const print = (paper: VoucherPaper) =>
    void files.run(paper, () => trpcClient.hotspot.printPdf.query({ batchId: id, paper }), openPdf)
  const toggle = (voucherId: number, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s)
      if (on) next.add(voucherId)
      else next.delete(voucherId)
      return next
    })

  return (
    <Stack gap="md">
      <Anchor component="button" onClick={onBack} fz="sm">
        <Group gap={4}>
          <IconArrowLeft size={16} />
          {t('hotspot.back')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} fz="h2">
            {t('hotspot.detail.title', { id: batch.id, profile: batch.profileName })}
          </Title>
          <Text c="dimmed">
            {t('hotspot.detail.summary', {
              count: batch.count,
              price: formatRupiah(batch.price),
              validity: formatValidity(batch.validity, currentLanguage()),
              router: batch.routerName,
            })}
          </Text>
          <Text c="dimmed" fz="sm" data-testid="hotspot-batch-quota">
            {batch.quotaBytes
              ? t('hotspot.detail.quota', { quota: quotaText(batch.quotaBytes) })
              : t('hotspot.detail.noQuota')}
          </Text>
        </div>
        <PushBadge batch={batch} />
      </Group>
      {batch.push === 'gagal' && (
        <Alert color="red" variant="light">
          {t('hotspot.detail.pushError', { error: batch.pushError ?? '' })}
        </Alert>
      )}
      {batch.push === 'menunggu' && (
        <Alert color="yellow" variant="light">
          {t('hotspot.detail.pushPending')}
        </Alert>
      )}
      <Group gap="sm">
        {canManage && !pushed && (
          <Button
            leftSection={<IconSend size={16} />}
            loading={pushNow.isPending}
            onClick={() => pushNow.mutate({ batchId: id })}
          >
            {t('hotspot.detail.pushNow')}
          </Button>
        )}
        {canManage && (
          <>
            <Button
              variant="default"
              leftSection={<IconPrinter size={16} />}
              loading={files.loading === 'a4'}
              onClick={() => print('a4')}
            >
              {t('hotspot.detail.printA4')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconPrinter size={16} />}
              loading={files.loading === '58mm'}
              onClick={() => print('58mm')}
            >
              {t('hotspot.detail.print58')}
            </Button>
          </>
        )}
        <Button
          variant="default"
          leftSection={<IconRefresh size={16} />}
          disabled={!pushed}
          loading={status.isFetching}
          onClick={() => void status.refetch()}
        >
          {t('hotspot.detail.refresh')}
        </Button>
        {canManage && (
          <>
            <Button
              leftSection={<IconCash size={16} />}
              disabled={unsold === 0}
              onClick={() => setSelling(true)}
            >
              {t('hotspot.detail.sell')}
            </Button>
            <Button
              color="red"
              variant="light"
              leftSection={<IconBan size={16} />}
              disabled={selected.size === 0}
              onClick={() => setConfirm('some')}
            >
              {t('hotspot.detail.disableSelected', { count: selected.size })}
            </Button>
            <Button
              color="red"
              variant="subtle"
              disabled={usable.length === 0}
              onClick={() => setConfirm('all')}
            >
              {t('hotspot.detail.disableAll')}
            </Button>
          </>
        )}
      </Group>
      {status.isError && (
        <Alert color="red" variant="light" title={t('hotspot.detail.statusFailed')} role="alert">
          {errorMessage(t, status.error)}
        </Alert>
      )}
      {status.data && !status.isError && (
        <Text fz="xs" c="dimmed">
          {t('hotspot.detail.checkedAt', {
            time: formatInstant(status.data.checkedAt, me.company.timeZone),
          })}
        </Text>
      )}
      {!canManage && (
        <Text fz="sm" c="dimmed" data-testid="hotspot-codes-hidden">
          {t('hotspot.detail.codesHidden')}
        </Text>
      )}
      <VouchersTable
        vouchers={vouchers}
        live={live}
        mode={batch.mode}
        canManage={canManage}
        selected={selected}
        toggle={toggle}
        unreadable={status.isError}
      />
      <Paper withBorder radius="md" p="md">
        <Stack gap="xs">
          <Title order={2} fz="h4">
            {t('hotspot.detail.sales')}
          </Title>
          {sales.length === 0 ? (
            <Text c="dimmed" fz="sm">
              {t('hotspot.detail.salesEmpty')}
            </Text>
          ) : (
            sales.map((s) => (
              <Text key={s.id} fz="sm" data-testid="hotspot-sale">
                {t('hotspot.detail.saleLine', {
                  date: formatShortDate(s.date as CalendarDate),
                  count: s.count,
                  amount: formatRupiah(s.amount),
                  cashier: whoText(t, s.cashier),
                })}
              </Text>
            ))
          )}
        </Stack>
      </Paper>
      {confirm && (
        <ConfirmDialog
          title={t('hotspot.disable.title')}
          body={
            confirm === 'all'
              ? t('hotspot.disable.bodyAll', { id: batch.id })
              : t('hotspot.disable.bodySome', { count: selected.size })
          }
          confirmLabel={t('hotspot.disable.confirm')}
          loading={disable.isPending}
          error={disable.error}
          onConfirm={() =>
            disable.mutate(
              confirm === 'all' ? { batchId: id } : { batchId: id, voucherIds: [...selected] },
            )
          }
          onClose={() => {
            setConfirm(null)
            disable.reset()
          }}
        />
      )}
      {selling && (
        <SellModal
          batchId={id}
          price={batch.price}
          available={unsold}
          onClose={() => setSelling(false)}
        />
      )}
    </Stack>
  )
}
