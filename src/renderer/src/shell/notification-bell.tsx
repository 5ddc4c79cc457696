import {
  ActionIcon,
  Box,
  Button,
  EmptyState,
  Group,
  Indicator,
  Loader,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core'
import { notifications as toasts } from '@mantine/notifications'
import { IconBell, IconBellOff, IconChecks } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { formatInstant } from '@shared/dates'
import { errorMessage } from '../api/errors'
import { queryClient, trpc } from '../api/client'
import { intlLocale } from '../i18n'
import { useSession } from '../session/session'
import type { RouterOutputs } from '../session/session'

type Notice = RouterOutputs['notifications']['list'][number]

/** The badge is polled; the list only while it is open. */
const POLL_MS = 30_000

/** The translated title, with the job's own name when the notice is about a job. */
function title(t: TFunction, n: Notice): string {
  const job = typeof n.params.job === 'string' ? n.params.job : null
  return t(`notifications.kinds.${n.kind}`, {
    ...n.params,
    jobName: job ? t(`schedule.jobs.${job}`, { defaultValue: job }) : '',
    // A failed backup names its error code; the notice shows that error's own sentence.
    problemText: typeof n.params.code === 'string' ? t(`errors.${n.params.code}`) : '',
    defaultValue: t('notifications.unknownKind'),
  })
}

/** "5 menit yang lalu"; after a week, the date and time. */
function timeAgo(t: TFunction, iso: string, timeZone: string): string {
  const seconds = Math.round((Date.now() - Date.parse(iso)) / 1000)
  if (seconds < 60) return t('notifications.justNow')
  const format = new Intl.RelativeTimeFormat(intlLocale(), { numeric: 'auto' })
  if (seconds < 3600) return format.format(-Math.floor(seconds / 60), 'minute')
  if (seconds < 86_400) return format.format(-Math.floor(seconds / 3600), 'hour')
  if (seconds < 7 * 86_400) return format.format(-Math.floor(seconds / 86_400), 'day')
  return formatInstant(iso, timeZone, intlLocale())
}

function refreshNotifications() {
  void queryClient.invalidateQueries(trpc.notifications.pathFilter())
}

/** The bell in the header: unread count, and the list that opens the record of each notice. */
export function NotificationBell() {
  const { t } = useTranslation()
  const { me } = useSession()
  const navigate = useNavigate()
  const [opened, setOpened] = useState(false)
  const unread = useQuery(
    trpc.notifications.unreadCount.queryOptions(undefined, { refetchInterval: POLL_MS }),
  )
  const list = useQuery({
    ...trpc.notifications.list.queryOptions({ limit: 30 }),
    enabled: opened,
    refetchInterval: opened ? POLL_MS : false,
  })
  const onError = (error: unknown) => toasts.show({ color: 'red', message: errorMessage(t, error) })
  const markRead = useMutation(
    trpc.notifications.markRead.mutationOptions({ onSuccess: refreshNotifications, onError }),
  )
  const markAll = useMutation(
    trpc.notifications.markAllRead.mutationOptions({ onSuccess: refreshNotifications, onError }),
  )
  const count = unread.data?.count ?? 0

  const open = (n: Notice) => {
    if (!n.read) markRead.mutate({ ids: [n.id] })
    setOpened(false)
    if (n.link) void navigate(n.link)
  }

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={380}
      shadow="md"
      withinPortal
    >
      <Popover.Target>
        <Indicator
          label={count > 99 ? '99+' : count}
          disabled={count === 0}
          size={18}
          color="red"
          offset={4}
          data-testid="notification-count"
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={() => setOpened((o) => !o)}
            aria-label={count ? t('notifications.bellUnread', { count }) : t('notifications.bell')}
            data-testid="notification-bell"
          >
            <IconBell size={20} stroke={1.6} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} data-testid="notification-list">
        <Group justify="space-between" px="md" py="xs">
          <Text fw={700}>{t('notifications.title')}</Text>
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconChecks size={14} />}
            disabled={count === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate()}
          >
            {t('notifications.markAll')}
          </Button>
        </Group>
        {list.isPending ? (
          <Group justify="center" p="md">
            <Loader size="sm" aria-label={t('common.loading')} />
          </Group>
        ) : list.isError ? (
          <Text c="red" fz="sm" px="md" pb="md" role="alert">
            {t('notifications.loadFailed')}
          </Text>
        ) : list.data.length === 0 ? (
          <EmptyState
            icon={<IconBellOff size={24} />}
            title={t('notifications.empty')}
            description={t('notifications.emptyHint')}
            size="sm"
            pb="md"
          />
        ) : (
          <ScrollArea.Autosize mah={420}>
            <Stack gap={0}>
              {list.data.map((n) => (
                <UnstyledButton
                  key={n.id}
                  onClick={() => open(n)}
                  px="md"
                  py="xs"
                  data-testid="notification-item"
                  data-read={n.read ? 'true' : 'false'}
                  style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
                  bg={n.read ? undefined : 'var(--mantine-color-teal-0)'}
                >
                  <Group gap="sm" wrap="nowrap" align="flex-start">
                    <Box
                      mt={6}
                      w={8}
                      h={8}
                      style={{ borderRadius: 8, flex: 'none' }}
                      bg={n.read ? 'transparent' : 'teal'}
                    />
                    <div>
                      <Text fz="sm" fw={n.read ? 400 : 600}>
                        {title(t, n)}
                      </Text>
                      <Text fz="xs" c="dimmed">
                        {timeAgo(t, n.createdAt, me.company.timeZone)}
                      </Text>
                    </div>
                  </Group>
                </UnstyledButton>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  )
}
