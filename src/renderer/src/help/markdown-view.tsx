import { Anchor, Blockquote, Code, List, Stack, Table, Text, Title } from '@mantine/core'
import { Fragment, useMemo } from 'react'
import { Link } from 'react-router'
import { parseMarkdown, type Block, type Inline } from './markdown'

/**
 * An article drawn from parsed Markdown with Mantine components. Only React elements and text:
 * no HTML string ever reaches the page (see markdown.ts for what links may point to).
 */
export function MarkdownView({ source }: { source: string }) {
  const blocks = useMemo(() => parseMarkdown(source), [source])
  return (
    <Stack gap="sm" className="help-article">
      {blocks.map((block, i) => (
        <BlockView key={i} block={block} />
      ))}
    </Stack>
  )
}

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case 'heading':
      return (
        <Title
          order={block.level}
          fz={block.level === 1 ? 'h2' : block.level === 2 ? 'h3' : 'h4'}
          mt={block.level === 1 ? 0 : 'md'}
        >
          <Inlines nodes={block.children} />
        </Title>
      )
    case 'paragraph':
      return (
        <Text size="sm" lh={1.6}>
          <Inlines nodes={block.children} />
        </Text>
      )
    case 'list':
      return (
        <List type={block.ordered ? 'ordered' : 'unordered'} size="sm" spacing={6} pr="md">
          {block.items.map((item, i) => (
            <List.Item key={i}>
              <Inlines nodes={item} />
            </List.Item>
          ))}
        </List>
      )
    case 'note':
      return (
        <Blockquote color="teal" p="sm" pl="lg">
          <Text size="sm" lh={1.6}>
            <Inlines nodes={block.children} />
          </Text>
        </Blockquote>
      )
    case 'table':
      return (
        <Table.ScrollContainer minWidth={480}>
          <Table withTableBorder striped fz="sm" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                {block.header.map((cell, i) => (
                  <Table.Th key={i}>
                    <Inlines nodes={cell} />
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {block.rows.map((row, r) => (
                <Table.Tr key={r}>
                  {row.map((cell, i) => (
                    <Table.Td key={i}>
                      <Inlines nodes={cell} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )
  }
}

function Inlines({ nodes }: { nodes: Inline[] }) {
  return nodes.map((node, i) => <Fragment key={i}>{inline(node)}</Fragment>)
}

function inline(node: Inline) {
  switch (node.kind) {
    case 'text':
      return node.text
    case 'code':
      return <Code>{node.text}</Code>
    case 'strong':
      return (
        <strong>
          <Inlines nodes={node.children} />
        </strong>
      )
    case 'em':
      return (
        <em>
          <Inlines nodes={node.children} />
        </em>
      )
    case 'link':
      return node.internal ? (
        <Anchor component={Link} to={node.href} inherit>
          <Inlines nodes={node.children} />
        </Anchor>
      ) : (
        <Anchor href={node.href} target="_blank" rel="noopener noreferrer" inherit>
          <Inlines nodes={node.children} />
        </Anchor>
      )
  }
}
