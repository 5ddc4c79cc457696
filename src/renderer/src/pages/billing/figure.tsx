import { Paper, Text } from '@mantine/core'

/** One headline number with its caption (run preview counts, a customer's balance). */
export function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz="lg" fw={700} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  )
}
