import { Badge, Checkbox, Paper, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { quotaText, type VoucherState } from '@shared/schemas'
import { formatBytes, formatSeconds, type LiveVoucher, type VoucherRow } from './types'

const STATE_COLOR: Record<VoucherState, string> = {
  belum_dipakai: 'blue',
  aktif: 'teal',
  terpakai: 'grape',
  kadaluarsa: 'orange',
  nonaktif: 'gray',
  tidak_ada: 'red',
}

/**
 * The vouchers of a batch with what the router said of each at the last check. The codes come
 * only to those who sell or manage vouchers; for others each voucher is its number in the batch.
 */
export function VouchersTable({
  vouchers,
  live,
  mode,
  canManage,
  selected,
  toggle,
  unreadable = false,
}: {
  vouchers: VoucherRow[]
  live: Map<number, LiveVoucher>
  /** The router did not answer the last check: say so in the router's columns. */
  unreadable?: boolean
  mode: string
  canManage: boolean
  selected: Set<number>
  toggle: (voucherId: number, on: boolean) => void
}) {
  const { t } = useTranslation()
  const codes = vouchers.some((v) => v.username !== null)
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={760}>
        <Table striped verticalSpacing="xs" data-testid="hotspot-vouchers">
          <Table.Thead>
            <Table.Tr>
              {canManage && <Table.Th w={40} />}
              {codes ? (
                <Table.Th>{t('hotspot.detail.colCode')}</Table.Th>
              ) : (
                <Table.Th w={60}>{t('hotspot.detail.colNumber')}</Table.Th>
              )}
              {codes && mode === 'userpass' && (
                <Table.Th>{t('hotspot.detail.colPassword')}</Table.Th>
              )}
              <Table.Th>{t('hotspot.detail.colState')}</Table.Th>
              <Table.Th>{t('hotspot.detail.colUptime')}</Table.Th>
              <Table.Th>{t('hotspot.detail.colBytes')}</Table.Th>
              <Table.Th>{t('hotspot.detail.colSold')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {vouchers.map((v, i) => {
              const s = live.get(v.id)
              const state: VoucherState | null = v.disabled ? 'nonaktif' : (s?.state ?? null)
              return (
                <Table.Tr key={v.id} data-testid="hotspot-voucher">
                  {canManage && (
                    <Table.Td>
                      <Checkbox
                        aria-label={v.username ?? String(i + 1)}
                        disabled={v.disabled}
                        checked={selected.has(v.id)}
                        onChange={(e) => toggle(v.id, e.currentTarget.checked)}
                      />
                    </Table.Td>
                  )}
                  {codes ? (
                    <Table.Td ff="monospace" fw={600}>
                      {v.username}
                    </Table.Td>
                  ) : (
                    <Table.Td c="dimmed">{i + 1}</Table.Td>
                  )}
                  {codes && mode === 'userpass' && <Table.Td ff="monospace">{v.password}</Table.Td>}
                  <Table.Td>
                    <Badge variant="light" color={state ? STATE_COLOR[state] : 'gray'}>
                      {t(`hotspot.state.${state ?? 'unknown'}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {s
                      ? s.limitSeconds
                        ? t('hotspot.detail.of', {
                            used: formatSeconds(s.uptimeSeconds),
                            limit: formatSeconds(s.limitSeconds),
                          })
                        : formatSeconds(s.uptimeSeconds)
                      : t('common.empty')}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="hotspot-voucher-usage">
                    {s ? (
                      <DataUsed voucher={s} />
                    ) : unreadable ? (
                      <Text span fz="sm" c="red">
                        {t('hotspot.detail.unreadable')}
                      </Text>
                    ) : (
                      t('common.empty')
                    )}
                  </Table.Td>
                  <Table.Td>
                    {v.sold ? t('hotspot.detail.sold') : t('hotspot.detail.unsold')}
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  )
}

/**
 * Bytes in and out together against the voucher's limit-bytes-total, as the router counts them
 * ("1,2 GB / 5 GB"); download and upload on hover. Red once the quota is used up.
 */
function DataUsed({ voucher: s }: { voucher: LiveVoucher }) {
  const { t } = useTranslation()
  const used = s.bytesIn + s.bytesOut
  const full = s.quotaBytes !== null && used >= s.quotaBytes
  return (
    <Text
      span
      fz="sm"
      c={full ? 'red' : undefined}
      title={t('hotspot.detail.bytesDetail', {
        down: formatBytes(s.bytesOut),
        up: formatBytes(s.bytesIn),
      })}
    >
      {s.quotaBytes !== null
        ? `${formatBytes(used)} / ${quotaText(s.quotaBytes)}`
        : formatBytes(used)}
    </Text>
  )
}
