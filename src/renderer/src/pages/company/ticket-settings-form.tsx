import {
  ActionIcon,
  Alert,
  Button,
  Group,
  NumberInput,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ticketSettingsInput, type TicketSettings } from '@shared/schemas'
import { TICKET_PRIORITIES, type TicketPriority } from '@shared/tickets'
import { queryClient, trpc } from '../../api/client'
import { FormAlert } from '../../components/form-alert'
import { useFormState } from '../../forms/use-form-state'
import { useSession } from '../../session/session'
import { durationText } from '../tickets/ticket-labels'
import { SaveButton, SettingsSection } from './settings-section'

interface Category {
  key: string
  label: string
  active: boolean
  /** Saved before: its key is what tickets keep, so it is not edited any more. */
  saved: boolean
}

type Minutes = number | string
interface Values {
  categories: Category[]
  sla: Record<TicketPriority, { firstResponseMinutes: Minutes; resolutionMinutes: Minutes }>
}

const valuesOf = (s: TicketSettings): Values => ({
  categories: s.categories.map((c) => ({ ...c, saved: true })),
  sla: s.sla,
})

/** Tiket's categories and SLA targets per priority (shown while the Tiket module is on). */
export function TicketSettingsSection({ editable }: { editable: boolean }) {
  const { t } = useTranslation()
  const { offModuleOf } = useSession()
  const off = offModuleOf('tickets.view')
  const settings = useQuery(trpc.tickets.settings.queryOptions(undefined, { enabled: !off }))
  if (off) return null
  return (
    <SettingsSection
      testId="ticket-settings"
      title={t('tickets.settings.title')}
      intro={t('tickets.settings.intro')}
      query={settings}
    >
      {(data) => <TicketSettingsForm settings={data} editable={editable} />}
    </SettingsSection>
  )
}

function TicketSettingsForm({
  settings,
  editable,
}: {
  settings: TicketSettings
  editable: boolean
}) {
  const { t } = useTranslation()
  const form = useFormState<Values>(valuesOf(settings))
  const { categories, sla } = form.values
  const save = useMutation(
    trpc.tickets.saveSettings.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.tickets.settings.queryKey(), saved)
        form.reset(valuesOf(saved))
        notifications.show({ color: 'teal', message: t('tickets.settings.saved') })
      },
      onError: (error) => form.showServerError(error),
    }),
  )
  const setCategory = (i: number, patch: Partial<Category>) =>
    form.setValue(
      'categories',
      categories.map((c, j) => (j === i ? { ...c, ...patch } : c)),
    )
  const setSla = (
    p: TicketPriority,
    field: 'firstResponseMinutes' | 'resolutionMinutes',
    v: Minutes,
  ) => form.setValue('sla', { ...sla, [p]: { ...sla[p], [field]: v } })

  const submit = () => {
    const num = (v: Minutes) => (v === '' ? Number.NaN : Number(v))
    const input = {
      categories: categories.map(({ key, label, active }) => ({ key, label, active })),
      sla: Object.fromEntries(
        TICKET_PRIORITIES.map((p) => [
          p,
          {
            firstResponseMinutes: num(sla[p].firstResponseMinutes),
            resolutionMinutes: num(sla[p].resolutionMinutes),
          },
        ]),
      ),
    }
    if (form.validate(ticketSettingsInput, input)) save.mutate(ticketSettingsInput.parse(input))
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <Stack gap="md">
        <Title order={3} fz="h5">
          {t('tickets.settings.categories')}
        </Title>
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />}>
          {t('tickets.settings.inUseHint')}
        </Alert>
        <Table verticalSpacing={4} data-testid="ticket-categories">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={200}>{t('tickets.settings.key')}</Table.Th>
              <Table.Th>{t('tickets.settings.label')}</Table.Th>
              <Table.Th w={80}>{t('tickets.settings.active')}</Table.Th>
              <Table.Th w={50} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {categories.map((c, i) => (
              <Table.Tr key={i} data-testid="ticket-category" data-key={c.key}>
                <Table.Td>
                  {c.saved ? (
                    <Text ff="monospace" fz="sm">
                      {c.key}
                    </Text>
                  ) : (
                    <TextInput
                      size="xs"
                      aria-label={t('tickets.settings.key')}
                      value={c.key}
                      onChange={(e) => setCategory(i, { key: e.currentTarget.value })}
                      error={form.errorOf(`categories.${i}.key`)}
                      readOnly={!editable}
                    />
                  )}
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    aria-label={t('tickets.settings.label')}
                    value={c.label}
                    onChange={(e) => setCategory(i, { label: e.currentTarget.value })}
                    error={form.errorOf(`categories.${i}.label`)}
                    readOnly={!editable}
                  />
                </Table.Td>
                <Table.Td>
                  <Switch
                    aria-label={`${t('tickets.settings.active')} ${c.label}`}
                    checked={c.active}
                    disabled={!editable}
                    onChange={(e) => setCategory(i, { active: e.currentTarget.checked })}
                  />
                </Table.Td>
                <Table.Td>
                  {editable && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('tickets.settings.remove', { label: c.label || c.key })}
                      onClick={() =>
                        form.setValue(
                          'categories',
                          categories.filter((_, j) => j !== i),
                        )
                      }
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {form.errorOf('categories') && (
          <Text c="red" fz="sm">
            {form.errorOf('categories')}
          </Text>
        )}
        {editable && (
          <Group>
            <Button
              variant="default"
              size="compact-sm"
              leftSection={<IconPlus size={16} />}
              onClick={() =>
                form.setValue('categories', [
                  ...categories,
                  { key: '', label: '', active: true, saved: false },
                ])
              }
            >
              {t('tickets.settings.addCategory')}
            </Button>
          </Group>
        )}
        <Title order={3} fz="h5" mt="sm">
          {t('tickets.settings.sla')}
        </Title>
        <Table verticalSpacing={4} data-testid="ticket-sla-targets">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('tickets.priority')}</Table.Th>
              <Table.Th>{t('tickets.settings.firstResponse')}</Table.Th>
              <Table.Th>{t('tickets.settings.resolution')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {TICKET_PRIORITIES.map((p) => (
              <Table.Tr key={p}>
                <Table.Td>{t(`tickets.priorities.${p}`)}</Table.Td>
                {(['firstResponseMinutes', 'resolutionMinutes'] as const).map((field) => {
                  const value = sla[p][field]
                  return (
                    <Table.Td key={field}>
                      <NumberInput
                        size="xs"
                        aria-label={`${t(`tickets.priorities.${p}`)} ${t(
                          field === 'firstResponseMinutes'
                            ? 'tickets.settings.firstResponse'
                            : 'tickets.settings.resolution',
                        )}`}
                        min={1}
                        allowDecimal={false}
                        allowNegative={false}
                        readOnly={!editable}
                        value={value}
                        onChange={(v) => setSla(p, field, v)}
                        description={
                          typeof value === 'number' && value > 0
                            ? durationText(t, value)
                            : undefined
                        }
                        error={form.errorOf(`sla.${p}.${field}`)}
                        maw={200}
                        inputWrapperOrder={['label', 'input', 'description', 'error']}
                      />
                    </Table.Td>
                  )
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <FormAlert error={form.serverError} />
        <SaveButton editable={editable} saving={save.isPending} />
      </Stack>
    </form>
  )
}
