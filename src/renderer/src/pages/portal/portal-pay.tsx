import {
  Alert,
  Badge,
  Button,
  Checkbox,
  CopyButton,
  Group,
  List,
  Paper,
  Radio,
  Stack,
  Text,
} from '@mantine/core'
import { IconCircleCheck, IconExternalLink } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { portalTrpc } from '../../api/portal-client'
import { errorMessage } from '../../api/errors'
import { PageLoader, QueryError } from '../../components/query-state'
import { ddmmyyyy, rp, whenLocal } from './format'
import { Muted, PortalPage } from './portal-app'

const GROUPS = ['virtual_account', 'qris', 'ewallet', 'retail', 'other'] as const

interface Started {
  reference: string
  checkoutUrl: string | null
  payCode: string | null
  amount: number
  fee: number
  expiresAt: string
  channelName: string
  instructions: { title: string; steps: string[] }[]
}

/**
 * Bayar: pick one or more unpaid invoices (all of them at first), a channel of the company's
 * gateway grouped as the customer knows them, with the fee and the total; then the gateway's
 * checkout page or the pay code with its expiry and instructions. The page asks for the
 * payment's state every few seconds and shows Lunas when it arrives.
 */
export function PortalPay() {
  const { t } = useTranslation()
  const invoices = useQuery(portalTrpc.portal.invoices.queryOptions({ filter: 'unpaid' }))
  const me = useQuery(portalTrpc.portal.me.queryOptions())
  const [picked, setPicked] = useState<number[] | null>(null)
  const [channel, setChannel] = useState<string | null>(null)
  const [started, setStarted] = useState<Started | null>(null)
  const rows = invoices.data?.rows ?? []
  const chosen = picked ?? rows.map((r) => r.id)
  const channels = useQuery({
    ...portalTrpc.portal.channels.queryOptions({ invoiceIds: chosen }),
    enabled: chosen.length > 0 && !started,
  })
  const pay = useMutation(portalTrpc.portal.pay.mutationOptions({ onSuccess: setStarted }))

  if (started) return <Waiting started={started} onAgain={() => setStarted(null)} />
  if (invoices.isPending) return <PageLoader />
  if (invoices.isError)
    return <QueryError error={invoices.error} onRetry={() => void invoices.refetch()} />
  const amount = rows.filter((r) => chosen.includes(r.id)).reduce((s, r) => s + r.balance, 0)
  const current = channels.data?.channels.find((c) => c.code === channel) ?? null
  return (
    <PortalPage title={t('portal.pay.title')}>
      {rows.length === 0 ? (
        <Muted>{t('portal.pay.nothing')}</Muted>
      ) : (
        <>
          <Paper withBorder p="md">
            <Text fw={600} mb="xs">
              {t('portal.pay.pick')}
            </Text>
            <Stack gap="xs">
              {rows.map((r) => (
                <Checkbox
                  key={r.id}
                  checked={chosen.includes(r.id)}
                  onChange={(e) =>
                    setPicked(
                      e.currentTarget.checked
                        ? [...chosen, r.id]
                        : chosen.filter((id) => id !== r.id),
                    )
                  }
                  label={
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm">
                        {r.number} · {t('portal.invoices.due', { date: ddmmyyyy(r.dueDate) })}
                      </Text>
                      <Text size="sm" fw={700}>
                        {rp(r.balance)}
                      </Text>
                    </Group>
                  }
                />
              ))}
            </Stack>
            <Group justify="space-between" mt="sm">
              <Muted>{t('portal.pay.amount')}</Muted>
              <Text fw={700}>{rp(amount)}</Text>
            </Group>
          </Paper>
          {chosen.length > 0 && (
            <Paper withBorder p="md">
              <Text fw={600} mb="xs">
                {t('portal.pay.channel')}
              </Text>
              {channels.isPending ? (
                <PageLoader />
              ) : channels.isError ? (
                <QueryError error={channels.error} onRetry={() => void channels.refetch()} />
              ) : !channels.data.gateway || channels.data.channels.length === 0 ? (
                <Alert color="gray">{t('portal.pay.notAvailable')}</Alert>
              ) : (
                <Radio.Group value={channel} onChange={setChannel}>
                  <Stack gap="md">
                    {GROUPS.map((g) => {
                      const list = channels.data.channels.filter((c) => c.group === g)
                      if (!list.length) return null
                      return (
                        <Stack key={g} gap={6}>
                          <Text size="sm" fw={700} c="dimmed">
                            {t(`portal.pay.groups.${g}`)}
                          </Text>
                          {list.map((c) => (
                            <Radio
                              key={c.code}
                              value={c.code}
                              label={c.name}
                              description={t('portal.pay.feeLine', {
                                fee: rp(c.fee),
                                total: rp(c.total),
                              })}
                            />
                          ))}
                        </Stack>
                      )
                    })}
                  </Stack>
                </Radio.Group>
              )}
            </Paper>
          )}
          {pay.error && <Alert color="red">{errorMessage(t, pay.error)}</Alert>}
          <Button
            size="md"
            disabled={!current || chosen.length === 0 || me.data?.readOnly}
            loading={pay.isPending}
            onClick={() => current && pay.mutate({ invoiceIds: chosen, channel: current.code })}
          >
            {current
              ? t('portal.pay.start', { total: rp(current.total) })
              : t('portal.invoices.pay')}
          </Button>
        </>
      )}
    </PortalPage>
  )
}

function Waiting({ started, onAgain }: { started: Started; onAgain: () => void }) {
  const { t } = useTranslation()
  const state = useQuery({
    ...portalTrpc.portal.paymentState.queryOptions({ reference: started.reference }),
    refetchInterval: (q) => (!q.state.data || q.state.data.state === 'unpaid' ? 5_000 : false),
  })
  const s = state.data?.state ?? 'unpaid'
  return (
    <PortalPage title={t('portal.pay.title')}>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group justify="space-between">
            <Text fw={700}>{started.channelName}</Text>
            {s === 'paid' && (
              <Badge color="teal" size="lg" leftSection={<IconCircleCheck size={14} />}>
                {t('portal.pay.paid')}
              </Badge>
            )}
          </Group>
          <Muted>
            {t('portal.pay.reference')}: {started.reference}
          </Muted>
          <Text>
            {t('portal.pay.feeLine', {
              fee: rp(started.fee),
              total: rp(started.amount + started.fee),
            })}
          </Text>
          {s === 'paid' ? (
            <Alert color="teal" icon={<IconCircleCheck size={18} />} data-testid="portal-paid">
              {t('portal.pay.paidText')}
            </Alert>
          ) : s === 'unpaid' ? (
            <>
              {started.payCode && (
                <Paper bg="gray.0" p="sm">
                  <Muted>{t('portal.pay.payCode')}</Muted>
                  <Group justify="space-between" wrap="nowrap">
                    <Text fw={700} fz={22} ff="monospace" style={{ wordBreak: 'break-all' }}>
                      {started.payCode}
                    </Text>
                    <CopyButton value={started.payCode}>
                      {({ copied, copy }) => (
                        <Button size="compact-sm" variant="light" onClick={copy}>
                          {copied ? t('portal.pay.copied') : t('portal.pay.copy')}
                        </Button>
                      )}
                    </CopyButton>
                  </Group>
                </Paper>
              )}
              <Text size="sm" fw={600}>
                {t('portal.pay.expires', { when: whenLocal(started.expiresAt) })}
              </Text>
              {started.checkoutUrl && (
                <Button
                  component="a"
                  href={started.checkoutUrl}
                  target="_blank"
                  rel="noreferrer"
                  rightSection={<IconExternalLink size={16} />}
                >
                  {t('portal.pay.openCheckout')}
                </Button>
              )}
              {started.instructions.length > 0 && (
                <Stack gap={6}>
                  <Text size="sm" fw={700}>
                    {t('portal.pay.instructions')}
                  </Text>
                  {started.instructions.map((ins) => (
                    <div key={ins.title}>
                      <Text size="sm" fw={600}>
                        {ins.title}
                      </Text>
                      <List size="sm" type="ordered">
                        {ins.steps.map((step, i) => (
                          <List.Item key={i}>{step}</List.Item>
                        ))}
                      </List>
                    </div>
                  ))}
                </Stack>
              )}
              <Alert color="blue">{t('portal.pay.waiting')}</Alert>
            </>
          ) : (
            <Alert color={s === 'held' ? 'yellow' : 'red'}>
              {t(`portal.pay.${s === 'refund' ? 'failed' : s}`)}
            </Alert>
          )}
          {s !== 'unpaid' && (
            <Button variant="light" onClick={onAgain}>
              {t('portal.pay.again')}
            </Button>
          )}
        </Stack>
      </Paper>
    </PortalPage>
  )
}
