import { Badge, Button, Grid, Group, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconArrowBackUp, IconDeviceFloppy } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { TEMPLATE_VARIABLES, UNSENT_TEMPLATES } from '@shared/messaging'
import { queryClient, trpc } from '../../api/client'
import { FormAlert } from '../../components/form-alert'
import { ConfirmAction } from './confirm-action'
import { MessageEditor, strayVariables } from './message-editor'
import { PayLinkHint } from './pay-link-hint'
import { TemplatePreview } from './template-preview'
import type { TemplateRow } from './types'

const refreshTemplates = () =>
  void queryClient.invalidateQueries(trpc.messaging.templates.pathFilter())

/** One template: its text with variable buttons, a live preview, save and "kembalikan". */
export function TemplateEditor({
  template,
  canManage,
}: {
  template: TemplateRow
  canManage: boolean
}) {
  const { t } = useTranslation()
  const [subject, setSubject] = useState(template.subject)
  const [body, setBody] = useState(template.body)
  const [confirmReset, setConfirmReset] = useState(false)
  const dirty = subject !== template.subject || body !== template.body
  const valid =
    subject.trim() !== '' &&
    body.trim() !== '' &&
    strayVariables([subject, body], TEMPLATE_VARIABLES).length === 0
  const save = useMutation(
    trpc.messaging.saveTemplate.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('messaging.templates.saved') })
        refreshTemplates()
      },
    }),
  )
  const reset = useMutation(
    trpc.messaging.resetTemplate.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('messaging.templates.wasReset') })
        setConfirmReset(false)
        refreshTemplates()
      },
    }),
  )
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} fz="h4">
              {t(`messaging.kind.${template.key}`)}
            </Title>
            <Badge color={template.edited ? 'blue' : 'gray'} variant="light" tt="none">
              {template.edited ? t('messaging.templates.edited') : t('messaging.templates.default')}
            </Badge>
          </Group>
          <Text
            fz="sm"
            c={UNSENT_TEMPLATES.has(template.key) ? 'orange.8' : 'dimmed'}
            data-testid="template-about"
          >
            {t(`messaging.templates.about.${template.key}`)}
          </Text>
          <MessageEditor
            subject={subject}
            body={body}
            onSubject={setSubject}
            onBody={setBody}
            variables={TEMPLATE_VARIABLES}
            subjectLabel={t('messaging.editor.subject')}
            readOnly={!canManage}
          />
          <PayLinkHint texts={[subject, body]} />
          <FormAlert error={save.error} />
          {canManage && (
            <Group justify="space-between">
              {template.edited ? (
                <Button
                  variant="subtle"
                  color="gray"
                  leftSection={<IconArrowBackUp size={16} />}
                  onClick={() => setConfirmReset(true)}
                >
                  {t('messaging.templates.reset')}
                </Button>
              ) : (
                <span />
              )}
              <Group gap="xs">
                {dirty && (
                  <Button
                    variant="default"
                    onClick={() => {
                      setSubject(template.subject)
                      setBody(template.body)
                    }}
                  >
                    {t('messaging.templates.discard')}
                  </Button>
                )}
                <Button
                  leftSection={<IconDeviceFloppy size={16} />}
                  disabled={!dirty || !valid}
                  loading={save.isPending}
                  onClick={() => save.mutate({ key: template.key, subject, body })}
                >
                  {t('common.save')}
                </Button>
              </Group>
            </Group>
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <TemplatePreview templateKey={template.key} subject={subject} body={body} />
      </Grid.Col>
      {confirmReset && (
        <ConfirmAction
          title={t('messaging.templates.resetTitle')}
          body={t('messaging.templates.resetBody')}
          confirmLabel={t('messaging.templates.reset')}
          color="red"
          loading={reset.isPending}
          error={reset.error}
          onConfirm={() => reset.mutate({ key: template.key })}
          onClose={() => setConfirmReset(false)}
        />
      )}
    </Grid>
  )
}
