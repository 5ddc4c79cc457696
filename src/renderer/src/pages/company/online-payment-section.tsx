import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  PasswordInput,
  Radio,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconInfoCircle, IconPlugConnected, IconRefresh } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatInstant } from '@shared/dates'
import { formatRupiah } from '@shared/money'
import type { GatewayTxState } from '@shared/schemas'
import { queryClient, trpc } from '../../api/client'
import { validationIssues, validationMessage } from '../../api/errors'
import { FormAlert } from '../../components/form-alert'
import { intlLocale } from '../../i18n'
import { useSession, type RouterOutputs } from '../../session/session'
import { ConfirmDialog } from '../billing/confirm-dialog'
import { SettingsSection } from './settings-section'

type GatewayView = RouterOutputs['gateways']['settings'][number]
type TxView = RouterOutputs['gateways']['transactions'][number]

/** Pengaturan Perusahaan → Pembayaran online: the gateway's settings and the online transactions. */
export function OnlinePaymentSection() {
  const { t } = useTranslation()
  const { can } = useSession()
  const manage = can('gateways.manage')
  const review = can('payments.gateway_review')
  const settings = useQuery(trpc.gateways.settings.queryOptions(undefined, { enabled: manage }))
  if (!manage && !review) return null
  return (
    <>
      {manage && (
        <SettingsSection
          testId="online-payment"
          title={t('gateways.title')}
          intro={t('gateways.intro')}
          query={settings}
        >
          {(list) => <GatewayForm list={list} />}
        </SettingsSection>
      )}
      <TransactionsSection review={review} manage={manage} />
    </>
  )
}

function GatewayForm({ list }: { list: GatewayView[] }) {
  const { t } = useTranslation()
  const [gateway, setGateway] = useState(
    () => (list.find((g) => g.enabled) ?? list[0]!).gateway as GatewayView['gateway'],
  )
  const view = list.find((g) => g.gateway === gateway)!
  return (
    <Stack gap="md">
      <SegmentedControl
        value={gateway}
        onChange={(v) => setGateway(v as GatewayView['gateway'])}
        data={list.map((g) => ({
          value: g.gateway,
          label: `${g.gateway[0]!.toUpperCase()}${g.gateway.slice(1)}${g.enabled ? ' ✓' : ''}`,
        }))}
        aria-label={t('gateways.gateway')}
        w="fit-content"
      />
      <GatewayFields key={`${gateway}:${view.updatedAt ?? ''}`} view={view} />
    </Stack>
  )
}

function GatewayFields({ view }: { view: GatewayView }) {
  const { t } = useTranslation()
  const [enabled, setEnabled] = useState(view.saved ? view.enabled : true)
  const [mode, setMode] = useState(view.mode)
  const [baseUrl, setBaseUrl] = useState(view.baseUrl ?? '')
  const [keys, setKeys] = useState<Record<string, string>>({})
  const [feePolicy, setFeePolicy] = useState(view.feePolicy)
  const [expiryHours, setExpiryHours] = useState<number | string>(view.expiryHours)
  const [pollMinutes, setPollMinutes] = useState<number | string>(view.pollMinutes)
  const save = useMutation(
    trpc.gateways.save.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.gateways.settings.queryKey() })
        notifications.show({ color: 'teal', message: t('gateways.saved') })
      },
    }),
  )
  const test = useMutation(trpc.gateways.test.mutationOptions())
  const issues = validationIssues(save.error)
  /** The problem of one field, translated (null: none). */
  const fieldError = (...path: string[]) => {
    const issue = issues.find((i) => i.path.join('.') === path.join('.'))
    return issue ? validationMessage(t, issue.message) : null
  }
  const callbackUrl = `${window.location.origin.startsWith('http') ? window.location.origin : 'https://…'}/api/pay/${view.gateway}`
  const submit = (e: React.FormEvent) => {
    e.preventDefault()
    save.mutate({
      gateway: view.gateway,
      enabled,
      mode,
      baseUrl: baseUrl.trim() || null,
      keys,
      feePolicy,
      expiryHours: Number(expiryHours),
      pollMinutes: Number(pollMinutes),
      channels: view.channels,
    })
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {!view.available && (
          <Alert color="yellow" icon={<IconInfoCircle size={18} />}>
            {t('gateways.notAvailable')}
          </Alert>
        )}
        <Switch
          label={t('gateways.enabled')}
          checked={enabled}
          onChange={(e) => setEnabled(e.currentTarget.checked)}
        />
        <Group grow align="flex-start">
          <Select
            label={t('gateways.mode')}
            value={mode}
            onChange={(v) => v && setMode(v as typeof mode)}
            data={[
              { value: 'sandbox', label: t('gateways.sandbox') },
              { value: 'production', label: t('gateways.production') },
            ]}
            allowDeselect={false}
          />
          <TextInput
            label={t('gateways.baseUrl')}
            placeholder={view.effectiveBaseUrl}
            value={baseUrl}
            onChange={(e) => setBaseUrl(e.currentTarget.value)}
            error={fieldError('baseUrl')}
          />
        </Group>
        <Group grow align="flex-start">
          {view.keyNames.map((k) => (
            <PasswordInput
              key={k.name}
              label={t(`gateways.keys.${k.name}`)}
              placeholder={
                view.keysSaved.includes(k.name) ? t('gateways.keySaved') : t('gateways.keyEmpty')
              }
              value={keys[k.name] ?? ''}
              onChange={(e) => setKeys({ ...keys, [k.name]: e.currentTarget.value })}
              autoComplete="off"
              error={fieldError('keys', k.name)}
              data-testid={`gateway-key-${k.name}`}
            />
          ))}
        </Group>
        <Text fz="xs" c="dimmed" mt={-4}>
          {t('gateways.keysHint')}
        </Text>
        <Radio.Group
          label={t('gateways.feePolicy')}
          value={feePolicy}
          onChange={(v) => setFeePolicy(v as typeof feePolicy)}
        >
          <Group gap="lg" mt={4}>
            <Radio value="customer" label={t('gateways.feeCustomer')} />
            <Radio value="company" label={t('gateways.feeCompany')} />
          </Group>
        </Radio.Group>
        <Group grow align="flex-start">
          <NumberInput
            label={t('gateways.expiryHours')}
            min={1}
            max={72}
            allowDecimal={false}
            value={expiryHours}
            onChange={setExpiryHours}
          />
          <NumberInput
            label={t('gateways.pollMinutes')}
            min={5}
            max={60}
            allowDecimal={false}
            value={pollMinutes}
            onChange={setPollMinutes}
          />
        </Group>
        <Text fz="xs" c="dimmed">
          {t('gateways.callbackHint', { url: callbackUrl })}
        </Text>
        <FormAlert error={issues.length > 0 ? test.error : (save.error ?? test.error)} />
        {test.data && (
          <Alert color="teal" icon={<IconPlugConnected size={18} />} data-testid="gateway-test">
            <Text fz="sm">{t('gateways.testOk', { count: test.data.channels.length })}</Text>
            <Group gap={6} mt={6}>
              {test.data.channels.map((c) => (
                <Badge key={c.code} variant="light" color={c.active ? 'teal' : 'gray'} tt="none">
                  {c.name} · {t('gateways.feeFor100k', { fee: formatRupiah(c.feeFor100k) })}
                  {c.active ? '' : ` · ${t('gateways.inactive')}`}
                </Badge>
              ))}
            </Group>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button
            variant="default"
            leftSection={<IconPlugConnected size={16} />}
            disabled={!view.saved || !view.available}
            loading={test.isPending}
            onClick={() => test.mutate({ gateway: view.gateway })}
          >
            {t('gateways.test')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

const STATE_COLORS: Record<GatewayTxState, string> = {
  unpaid: 'blue',
  paid: 'teal',
  expired: 'gray',
  failed: 'red',
  held: 'orange',
  refund: 'grape',
}

function TransactionsSection({ review, manage }: { review: boolean; manage: boolean }) {
  const { t } = useTranslation()
  const { me } = useSession()
  const locale = intlLocale()
  const [state, setState] = useState<GatewayTxState | 'all'>('all')
  const [asking, setAsking] = useState<{ tx: TxView; action: 'approve' | 'reject' } | null>(null)
  const query = useQuery(
    trpc.gateways.transactions.queryOptions({ state: state === 'all' ? null : state, limit: 100 }),
  )
  const refresh = () =>
    void queryClient.invalidateQueries({ queryKey: trpc.gateways.transactions.queryKey() })
  const poll = useMutation(
    trpc.gateways.poll.mutationOptions({
      onSuccess: (r) => {
        refresh()
        notifications.show({ message: t('gateways.polled', { count: r.counts.polled ?? 0 }) })
      },
    }),
  )
  return (
    <SettingsSection
      testId="online-transactions"
      title={t('gateways.transactions')}
      intro={t('gateways.transactionsIntro')}
      query={query}
    >
      {(rows) => (
        <Stack gap="sm">
          <Group justify="space-between">
            <SegmentedControl
              size="xs"
              value={state}
              onChange={(v) => setState(v as typeof state)}
              data={[
                { value: 'all', label: t('gateways.filterAll') },
                ...(['held', 'unpaid', 'paid', 'expired', 'failed'] as const).map((s) => ({
                  value: s,
                  label: t(`gateways.states.${s}`),
                })),
              ]}
            />
            {manage && (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconRefresh size={14} />}
                loading={poll.isPending}
                onClick={() => poll.mutate()}
              >
                {t('gateways.pollNow')}
              </Button>
            )}
          </Group>
          <FormAlert error={poll.error} />
          {rows.length === 0 ? (
            <Text c="dimmed" fz="sm" ta="center" py="md">
              {state === 'held' ? t('gateways.emptyHeld') : t('gateways.empty')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={700}>
              <Table verticalSpacing={4} fz="sm" data-testid="gateway-transactions">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('gateways.col.created')}</Table.Th>
                    <Table.Th>{t('gateways.col.customer')}</Table.Th>
                    <Table.Th>{t('gateways.col.invoices')}</Table.Th>
                    <Table.Th>{t('gateways.col.channel')}</Table.Th>
                    <Table.Th ta="right">{t('gateways.col.total')}</Table.Th>
                    <Table.Th>{t('gateways.col.state')}</Table.Th>
                    {review && <Table.Th>{t('gateways.col.actions')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={row.id}>
                      <Table.Td>
                        {formatInstant(row.createdAt, me.company.timeZone, locale)}
                      </Table.Td>
                      <Table.Td>
                        {row.customerCode} · {row.customerName}
                      </Table.Td>
                      <Table.Td>{row.invoiceNumbers.join(', ')}</Table.Td>
                      <Table.Td>{row.channelName}</Table.Td>
                      <Table.Td ta="right">
                        {formatRupiah(row.total)}
                        {row.paidAmount !== null && row.paidAmount !== row.total && (
                          <Text fz="xs" c="orange">
                            {t('gateways.paidDiffers', { paid: formatRupiah(row.paidAmount) })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={STATE_COLORS[row.state]} variant="light">
                          {t(`gateways.states.${row.state}`)}
                        </Badge>
                      </Table.Td>
                      {review && (
                        <Table.Td>
                          {row.state === 'held' && (
                            <Group gap={4} wrap="nowrap">
                              <Button
                                size="compact-xs"
                                onClick={() => setAsking({ tx: row, action: 'approve' })}
                              >
                                {t('gateways.approve')}
                              </Button>
                              <Button
                                size="compact-xs"
                                color="red"
                                variant="light"
                                onClick={() => setAsking({ tx: row, action: 'reject' })}
                              >
                                {t('gateways.reject')}
                              </Button>
                            </Group>
                          )}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {asking && (
            <ReviewDialog
              tx={asking.tx}
              action={asking.action}
              onDone={() => {
                setAsking(null)
                refresh()
              }}
              onClose={() => setAsking(null)}
            />
          )}
        </Stack>
      )}
    </SettingsSection>
  )
}

function ReviewDialog(p: {
  tx: TxView
  action: 'approve' | 'reject'
  onDone: () => void
  onClose: () => void
}) {
  const { t } = useTranslation()
  const [reason, setReason] = useState('')
  const done = (key: 'gateways.approved' | 'gateways.rejected') => () => {
    notifications.show({ color: 'teal', message: t(key, { reference: p.tx.reference }) })
    p.onDone()
  }
  const approve = useMutation(
    trpc.gateways.approve.mutationOptions({ onSuccess: done('gateways.approved') }),
  )
  const reject = useMutation(
    trpc.gateways.reject.mutationOptions({ onSuccess: done('gateways.rejected') }),
  )
  const mutation = p.action === 'approve' ? approve : reject
  const paid = p.tx.paidAmount ?? 0
  const values = {
    reference: p.tx.reference,
    customer: `${p.tx.customerCode} ${p.tx.customerName}`,
    paid: formatRupiah(paid),
    asked: formatRupiah(p.tx.total),
    applied: formatRupiah(Math.max(0, paid - p.tx.fee)),
    fee: formatRupiah(p.tx.fee),
  }
  return (
    <ConfirmDialog
      title={t(p.action === 'approve' ? 'gateways.approveTitle' : 'gateways.rejectTitle', values)}
      body={
        <Stack gap="sm" component="span">
          <span>
            {t(p.action === 'approve' ? 'gateways.approveBody' : 'gateways.rejectBody', values)}
          </span>
          <Textarea
            label={t('gateways.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required={p.action === 'reject'}
            autosize
            minRows={2}
          />
        </Stack>
      }
      confirmLabel={t(p.action === 'approve' ? 'gateways.approve' : 'gateways.reject')}
      loading={mutation.isPending}
      error={mutation.error}
      onConfirm={() => mutation.mutate({ id: p.tx.id, reason })}
      onClose={p.onClose}
    />
  )
}
