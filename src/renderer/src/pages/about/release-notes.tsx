import { List, Stack, Text, Title } from '@mantine/core'
import { useMemo } from 'react'
import { changelogBlocks } from './changelog-blocks'

/** CHANGELOG.md drawn as headings, lists and paragraphs (the top title is the section's own). */
export function ReleaseNotes({ markdown }: { markdown: string }) {
  const blocks = useMemo(
    () => changelogBlocks(markdown).filter((b) => !(b.kind === 'heading' && b.level === 1)),
    [markdown],
  )
  return (
    <Stack gap="xs">
      {blocks.map((block, i) =>
        block.kind === 'heading' ? (
          <Title
            key={i}
            order={block.level === 2 ? 3 : 4}
            fz={block.level === 2 ? 'h5' : 'h6'}
            mt="sm"
          >
            {block.text}
          </Title>
        ) : block.kind === 'list' ? (
          <List key={i} size="sm" spacing={4}>
            {block.items.map((item, j) => (
              <List.Item key={j}>{item}</List.Item>
            ))}
          </List>
        ) : (
          <Text key={i} size="sm">
            {block.text}
          </Text>
        ),
      )}
    </Stack>
  )
}
