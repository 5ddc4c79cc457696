import { Alert, Group, List, Loader, Paper, Stack, Text, ThemeIcon } from '@mantine/core'
import { IconSend, IconUserOff, IconUsers } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { MessageChannel, MessageReason } from '@shared/messaging'
import { countText } from '../../i18n'
import type { BroadcastPreview } from './types'

function Figure(p: { icon: ReactNode; color: string; label: string; value: number; id: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <ThemeIcon variant="light" color={p.color} size="lg">
        {p.icon}
      </ThemeIcon>
      <div>
        <Text fz="xl" fw={700} lh={1.1} data-testid={p.id}>
          {countText(p.value)}
        </Text>
        <Text fz="xs" c="dimmed">
          {p.label}
        </Text>
      </div>
    </Group>
  )
}

/** Who the broadcast reaches, who not and why, with a few names of each to check the filter. */
export function AudienceSummary({
  preview,
  loading,
}: {
  preview: BroadcastPreview | undefined
  loading: boolean
}) {
  const { t } = useTranslation()
  if (!preview) return <Loader size="sm" />
  const reasons = Object.entries(preview.byReason) as [MessageReason, number][]
  const channels = Object.entries(preview.byChannel) as [MessageChannel, number][]
  return (
    <Paper withBorder radius="md" p="md" data-testid="audience-summary" opacity={loading ? 0.6 : 1}>
      <Stack gap="md">
        <Group gap="xl">
          <Figure
            id="audience-total"
            icon={<IconUsers size={18} />}
            color="blue"
            label={t('messaging.broadcast.total')}
            value={preview.total}
          />
          <Figure
            id="audience-sendable"
            icon={<IconSend size={18} />}
            color="teal"
            label={t('messaging.broadcast.sendable')}
            value={preview.sendable}
          />
          <Figure
            id="audience-skipped"
            icon={<IconUserOff size={18} />}
            color="gray"
            label={t('messaging.broadcast.skipped')}
            value={preview.skipped}
          />
        </Group>
        {channels.length > 0 && (
          <Text fz="sm" c="dimmed">
            {channels
              .map(([c, n]) =>
                t('messaging.broadcast.viaChannel', {
                  channel: t(`messaging.channel.${c}`),
                  count: n,
                }),
              )
              .join(' · ')}
          </Text>
        )}
        {reasons.length > 0 && (
          <div>
            <Text fz="sm" fw={600}>
              {t('messaging.broadcast.skippedWhy')}
            </Text>
            <List fz="sm" data-testid="audience-reasons">
              {reasons.map(([reason, n]) => (
                <List.Item key={reason}>
                  {t(`messaging.reason.${reason}`)}: {countText(n)}
                </List.Item>
              ))}
            </List>
            {preview.skippedSample.length > 0 && (
              <Text fz="xs" c="dimmed" mt={4}>
                {t('messaging.broadcast.forExample', {
                  names: preview.skippedSample.map((s) => `${s.name} (${s.code})`).join(', '),
                })}
              </Text>
            )}
          </div>
        )}
        {preview.byReason.no_channel ? (
          <Alert color="yellow" data-testid="audience-no-channel">
            {t('messaging.broadcast.noChannel')}
          </Alert>
        ) : null}
        {preview.total === 0 && (
          <Text fz="sm" c="dimmed">
            {t('messaging.broadcast.nobody')}
          </Text>
        )}
      </Stack>
    </Paper>
  )
}
