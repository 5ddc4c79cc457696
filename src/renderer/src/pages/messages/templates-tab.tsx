import { Badge, Grid, NavLink, Paper } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { TEMPLATE_KEYS, UNSENT_TEMPLATES, type TemplateKey } from '@shared/messaging'
import { trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import { TemplateEditor } from './template-editor'

/**
 * "Template": the messages Loket sends by itself, each editable with a live preview; the ones
 * kept for features that do not exist yet are marked as not sent.
 */
export function TemplatesTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const templates = useQuery(trpc.messaging.templates.queryOptions())
  const wanted = params.get('template')
  const key: TemplateKey = (TEMPLATE_KEYS as readonly string[]).includes(wanted ?? '')
    ? (wanted as TemplateKey)
    : 'reminder'
  if (templates.isPending) return <PageLoader />
  if (templates.isError) {
    return <QueryError error={templates.error} onRetry={() => void templates.refetch()} />
  }
  const current = templates.data.find((x) => x.key === key)!
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 3 }}>
        <Paper withBorder radius="md" p={4} data-testid="template-list">
          {templates.data.map((x) => (
            <NavLink
              key={x.key}
              active={x.key === key}
              label={t(`messaging.kind.${x.key}`)}
              rightSection={
                UNSENT_TEMPLATES.has(x.key) ? (
                  <Badge size="xs" variant="light" color="gray" tt="none">
                    {t('messaging.templates.notSent')}
                  </Badge>
                ) : x.edited ? (
                  <Badge size="xs" variant="light" tt="none">
                    {t('messaging.templates.edited')}
                  </Badge>
                ) : null
              }
              onClick={() => setParams({ tab: 'templates', template: x.key }, { replace: true })}
            />
          ))}
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }}>
        {/* A new key (another template, or after save/reset) starts the editor from the stored text. */}
        <TemplateEditor
          key={`${current.key}:${current.updatedAt ?? 'default'}`}
          template={current}
          canManage={canManage}
        />
      </Grid.Col>
    </Grid>
  )
}
