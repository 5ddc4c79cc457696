import { Anchor, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { HELP_GROUPS, searchArticles, type HelpArticle } from '../../help/articles'

/** Bantuan: every article by group, and a search over titles and text. */
export function HelpPage() {
  const { t } = useTranslation()
  // In the address, so "back" from an article returns to the same search.
  const [params, setParams] = useSearchParams()
  const query = params.get('q') ?? ''
  const setQuery = (q: string) => setParams(q ? { q } : {}, { replace: true })
  const searching = query.trim().length > 0
  const found = searchArticles(query)

  return (
    <Stack gap="lg" maw={960}>
      <div>
        <Title order={1} fz="h2">
          {t('help.title')}
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('help.intro')}
        </Text>
      </div>
      <TextInput
        label={t('help.search')}
        placeholder={t('help.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        maw={480}
        data-testid="help-search"
      />
      {searching && found.length === 0 ? (
        <Stack gap={4} py="xl" align="center" data-testid="help-empty">
          <Text fw={600}>{t('help.empty')}</Text>
          <Text size="sm" c="dimmed">
            {t('help.emptyHint')}
          </Text>
        </Stack>
      ) : searching ? (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('help.found', { n: found.length })}
          </Text>
          <ArticleGrid articles={found} />
        </Stack>
      ) : (
        HELP_GROUPS.map((group) => {
          const articles = found.filter((a) => a.group === group)
          if (!articles.length) return null
          return (
            <Stack key={group} gap="xs" data-testid="help-group">
              <Title order={2} fz="h4">
                {group}
              </Title>
              <ArticleGrid articles={articles} />
            </Stack>
          )
        })
      )}
    </Stack>
  )
}

function ArticleGrid({ articles }: { articles: HelpArticle[] }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
      {articles.map((a) => (
        <Paper key={a.slug} withBorder radius="md" p="md" data-testid="help-article-card">
          <Anchor component={Link} to={`/bantuan/${a.slug}`} fw={600}>
            {a.title}
          </Anchor>
          <Text size="sm" c="dimmed" mt={4}>
            {a.summary}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  )
}
