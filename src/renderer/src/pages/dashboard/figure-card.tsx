import { Card, Group, Stack, Text, UnstyledButton } from '@mantine/core'
import { IconChevronRight } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'

/** A figure and its label; a click opens the list behind it, filtered. */
export function Figure({
  label,
  value,
  to,
  testId,
  tone,
}: {
  label: string
  value: string
  to?: string
  testId: string
  tone?: 'red' | 'orange' | 'teal'
}) {
  const navigate = useNavigate()
  const body = (
    <Stack gap={0}>
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="lg" c={tone} data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
        {value}
      </Text>
    </Stack>
  )
  if (!to) return body
  // A button, not a link: the sidebar's links keep their names unique on the page.
  return (
    <UnstyledButton onClick={() => void navigate(to)} data-testid={`${testId}-open`}>
      {body}
    </UnstyledButton>
  )
}

/** One card of the dashboard: a title, a few figures, and the way to its list. */
export function FigureCard({
  title,
  to,
  testId,
  children,
}: {
  title: string
  to?: string
  testId: string
  children: ReactNode
}) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <Card withBorder radius="md" padding="md" data-testid={testId} h="100%">
      <Stack gap="xs" h="100%">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text fw={600} fz="sm" tt="uppercase" c="dimmed" lineClamp={1}>
            {title}
          </Text>
          {to && (
            <UnstyledButton
              onClick={() => void navigate(to)}
              aria-label={`${t('dashboardFigures.open')}: ${title}`}
              data-testid={`${testId}-list`}
            >
              <IconChevronRight size={18} />
            </UnstyledButton>
          )}
        </Group>
        {children}
      </Stack>
    </Card>
  )
}
