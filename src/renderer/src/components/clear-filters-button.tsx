import { Button, Group } from '@mantine/core'
import { IconFilterOff } from '@tabler/icons-react'

/** "Hapus filter" above a filtered list, shown only while a filter is set. */
export function ClearFiltersButton(props: { shown: boolean; label: string; onClear: () => void }) {
  if (!props.shown) return null
  return (
    <Group justify="flex-end">
      <Button
        variant="subtle"
        size="compact-sm"
        leftSection={<IconFilterOff size={14} />}
        onClick={props.onClear}
      >
        {props.label}
      </Button>
    </Group>
  )
}
