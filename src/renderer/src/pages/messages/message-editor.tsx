import { Button, Group, Stack, Text, Textarea, TextInput, Tooltip } from '@mantine/core'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { TemplateVariable } from '@shared/messaging'

interface Props {
  subject: string
  body: string
  onSubject: (value: string) => void
  onBody: (value: string) => void
  /** The variables offered as buttons (and the only ones accepted). */
  variables: readonly TemplateVariable[]
  subjectLabel: string
  subjectPlaceholder?: string
  readOnly?: boolean
}

/** `{words}` the text uses that this kind of message cannot fill in. */
export function strayVariables(texts: string[], allowed: readonly string[]): string[] {
  const known = new Set(allowed)
  const found = new Set<string>()
  for (const text of texts) {
    for (const m of text.matchAll(/\{([a-z_]+)\}/g)) if (!known.has(m[1]!)) found.add(m[1]!)
  }
  return [...found]
}

/**
 * Subject and text with a button per variable that inserts `{name}` where the cursor is (in
 * whichever field was last used), so nobody has to type the braces right.
 */
export function MessageEditor(p: Props) {
  const { t } = useTranslation()
  const subjectRef = useRef<HTMLInputElement>(null)
  const bodyRef = useRef<HTMLTextAreaElement>(null)
  const lastField = useRef<'subject' | 'body'>('body')
  const stray = strayVariables([p.subject, p.body], p.variables)

  const insert = (name: TemplateVariable) => {
    const field = lastField.current === 'subject' ? subjectRef.current : bodyRef.current
    const value = lastField.current === 'subject' ? p.subject : p.body
    const set = lastField.current === 'subject' ? p.onSubject : p.onBody
    const token = `{${name}}`
    const start = field?.selectionStart ?? value.length
    const end = field?.selectionEnd ?? value.length
    set(value.slice(0, start) + token + value.slice(end))
    requestAnimationFrame(() => {
      field?.focus()
      field?.setSelectionRange(start + token.length, start + token.length)
    })
  }

  return (
    <Stack gap="sm">
      <TextInput
        ref={subjectRef}
        label={p.subjectLabel}
        placeholder={p.subjectPlaceholder}
        value={p.subject}
        onChange={(e) => p.onSubject(e.currentTarget.value)}
        onFocus={() => (lastField.current = 'subject')}
        readOnly={p.readOnly}
        maxLength={200}
      />
      <Textarea
        ref={bodyRef}
        label={t('messaging.editor.body')}
        value={p.body}
        onChange={(e) => p.onBody(e.currentTarget.value)}
        onFocus={() => (lastField.current = 'body')}
        readOnly={p.readOnly}
        autosize
        minRows={7}
        maxRows={18}
        maxLength={4000}
        error={
          stray.length
            ? t('messaging.editor.unknown', { names: stray.map((n) => `{${n}}`).join(', ') })
            : undefined
        }
        data-testid="message-body-input"
      />
      {!p.readOnly && (
        <div>
          <Text fz="xs" c="dimmed" mb={4}>
            {t('messaging.editor.insert')}
          </Text>
          <Group gap={6}>
            {p.variables.map((v) => (
              <Tooltip key={v} label={t(`messaging.variable.${v}`)} withArrow>
                <Button
                  size="compact-xs"
                  variant="light"
                  ff="monospace"
                  onClick={() => insert(v)}
                  aria-label={t('messaging.editor.insertOne', {
                    name: t(`messaging.variable.${v}`),
                  })}
                >
                  {`{${v}}`}
                </Button>
              </Tooltip>
            ))}
          </Group>
        </div>
      )}
    </Stack>
  )
}
