import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { IconArrowLeft } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { findArticle } from '../../help/articles'
import { MarkdownView } from '../../help/markdown-view'

/** One help article, `/bantuan/<slug>`, with the way back to the list. */
export function HelpArticlePage() {
  const { t } = useTranslation()
  const { slug = '' } = useParams()
  const article = findArticle(slug)

  return (
    <Stack gap="md" maw={860}>
      <Anchor component={Link} to="/bantuan" size="sm" data-testid="help-back">
        <Group gap={4} wrap="nowrap">
          <IconArrowLeft size={16} />
          {t('help.back')}
        </Group>
      </Anchor>
      {article ? (
        <Paper withBorder radius="md" p="xl" data-testid="help-article">
          <MarkdownView source={`# ${article.title}\n\n${article.body}`} />
        </Paper>
      ) : (
        <Stack gap={4} py="xl" align="center">
          <Title order={1} fz="h3">
            {t('help.notFound')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('help.notFoundHint')}
          </Text>
        </Stack>
      )}
    </Stack>
  )
}
