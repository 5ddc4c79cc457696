import {
  Badge,
  Button,
  Card,
  Divider,
  Group,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { formatShortDate, formatInstant, type CalendarDate } from '@shared/dates'
import { customerFlagsInput, promiseInput } from '@shared/schemas'
import { whoText } from '@shared/who'
import { trpc } from '../../api/client'
import { FormAlert } from '../../components/form-alert'
import { PageLoader, QueryError } from '../../components/query-state'
import { useFormState } from '../../forms/use-form-state'
import { useSession, type RouterOutputs } from '../../session/session'
import { companyToday } from '../collections/periods'
import { refreshCollections } from '../collections/promises-tab'
import { DateField } from '../../components/date-field'

type Collections = RouterOutputs['collections']['customerCollections']

/** The customer's "Penagihan": promise to pay, exclusions, and what was done and sent lately. */
export function CustomerCollectionsCard({ customerId }: { customerId: number }) {
  const { t } = useTranslation()
  const { can } = useSession()
  const allowed = can('collections.view')
  const data = useQuery(
    trpc.collections.customerCollections.queryOptions({ customerId }, { enabled: allowed }),
  )
  if (!allowed) return null
  return (
    <Card withBorder radius="md" padding="md" data-testid="customer-collections">
      <Title order={2} fz="h5" mb="sm">
        {t('collections.card.title')}
      </Title>
      {data.isPending ? (
        <PageLoader />
      ) : data.isError ? (
        <QueryError error={data.error} onRetry={() => void data.refetch()} />
      ) : (
        <Stack gap="md">
          <PromiseSection data={data.data} editable={can('collections.manage')} />
          <Divider />
          <FlagsSection
            key={`${data.data.noIsolir}-${data.data.noIsolirReason}-${data.data.messagesOptOut}`}
            data={data.data}
            editable={can('collections.manage')}
          />
          <Divider />
          <Recent data={data.data} />
        </Stack>
      )}
    </Card>
  )
}

function PromiseSection({ data, editable }: { data: Collections; editable: boolean }) {
  const { t } = useTranslation()
  const { me } = useSession()
  const today = companyToday(me.company.timeZone)
  const form = useFormState({ untilDate: '', note: '' })
  const create = useMutation(
    trpc.collections.createPromise.mutationOptions({
      onSuccess: (r) => {
        notifications.show({
          color: 'teal',
          message: t('collections.card.promiseSaved', {
            date: formatShortDate(r.untilDate as CalendarDate),
          }),
        })
        form.reset({ untilDate: '', note: '' })
        refreshCollections()
      },
      onError: (error) => form.showServerError(error),
    }),
  )
  const cancel = useMutation(
    trpc.collections.cancelPromise.mutationOptions({ onSuccess: () => refreshCollections() }),
  )
  const submit = () => {
    const input = { customerId: data.customerId, ...form.values }
    if (form.validate(promiseInput, input)) create.mutate(input)
  }
  return (
    <Stack gap="xs">
      <Text fw={600} fz="sm">
        {t('collections.card.promise')}
      </Text>
      {data.promise ? (
        <Group justify="space-between" gap="xs" data-testid="customer-promise">
          <Text fz="sm">
            {t('collections.card.promiseActive', {
              date: formatShortDate(data.promise.untilDate as CalendarDate),
              user: whoText(t, data.promise.username),
            })}
            {data.promise.note ? ` — ${data.promise.note}` : ''}
          </Text>
          {editable && (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              loading={cancel.isPending}
              onClick={() => cancel.mutate({ id: data.promise!.id })}
            >
              {t('collections.card.promiseCancel')}
            </Button>
          )}
        </Group>
      ) : (
        <Text fz="sm" c="dimmed">
          {t('collections.card.promiseNone')}
        </Text>
      )}
      {editable && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            submit()
          }}
        >
          <Stack gap="xs">
            <DateField
              label={t('collections.card.promiseUntil')}
              min={today}
              {...form.date('untilDate')}
            />
            <TextInput label={t('collections.card.promiseNote')} {...form.text('note')} />
            <FormAlert error={form.serverError} />
            <Button type="submit" variant="light" loading={create.isPending}>
              {t('collections.card.promiseSave')}
            </Button>
          </Stack>
        </form>
      )}
    </Stack>
  )
}

function FlagsSection({ data, editable }: { data: Collections; editable: boolean }) {
  const { t } = useTranslation()
  const form = useFormState({
    noIsolir: data.noIsolir,
    noIsolirReason: data.noIsolirReason ?? '',
    messagesOptOut: data.messagesOptOut,
  })
  const save = useMutation(
    trpc.collections.setCustomerFlags.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('collections.card.flagsSaved') })
        refreshCollections()
      },
      onError: (error) => form.showServerError(error),
    }),
  )
  const v = form.values
  const dirty =
    v.noIsolir !== data.noIsolir ||
    v.noIsolirReason.trim() !== (data.noIsolirReason ?? '') ||
    v.messagesOptOut !== data.messagesOptOut
  const submit = () => {
    const input = { customerId: data.customerId, ...v }
    if (form.validate(customerFlagsInput, input)) save.mutate(input)
  }
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <Stack gap="xs">
        <Switch
          label={t('collections.card.noIsolir')}
          description={t('collections.card.noIsolirHint')}
          checked={v.noIsolir}
          disabled={!editable}
          onChange={(e) => form.setValue('noIsolir', e.currentTarget.checked)}
        />
        {v.noIsolir && (
          <Textarea
            label={t('collections.card.noIsolirReason')}
            required
            autosize
            minRows={1}
            readOnly={!editable}
            {...form.text('noIsolirReason')}
          />
        )}
        <Switch
          label={t('collections.card.optOut')}
          description={t('collections.card.optOutHint')}
          checked={v.messagesOptOut}
          disabled={!editable}
          onChange={(e) => form.setValue('messagesOptOut', e.currentTarget.checked)}
        />
        <FormAlert error={form.serverError} />
        {editable && dirty && (
          <Button type="submit" variant="light" loading={save.isPending}>
            {t('collections.card.saveFlags')}
          </Button>
        )}
      </Stack>
    </form>
  )
}

function Recent({ data }: { data: Collections }) {
  const { t, i18n } = useTranslation()
  const { me } = useSession()
  const when = (iso: string) => formatInstant(iso, me.company.timeZone, i18n.language)
  return (
    <Stack gap="xs">
      {data.actions.length > 0 && (
        <>
          <Text fw={600} fz="sm">
            {t('collections.card.actions')}
          </Text>
          {data.actions.map((a) => (
            <Stack key={a.id} gap={0}>
              <Group gap="xs">
                <Badge size="sm" color={a.action === 'isolir' ? 'red' : 'teal'} variant="light">
                  {t(`collections.isolir.action.${a.action}`)}
                </Badge>
                <Text fz="xs" c="dimmed">
                  {when(a.createdAt)} · {a.sid}
                </Text>
              </Group>
              <Text fz="xs">{a.reason}</Text>
            </Stack>
          ))}
        </>
      )}
      <Text fw={600} fz="sm">
        {t('collections.card.recent')}
      </Text>
      {data.messages.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('collections.card.recentEmpty')}
        </Text>
      ) : (
        data.messages.map((m) => (
          <Stack key={m.id} gap={0} data-testid="customer-message">
            <Group gap="xs" justify="space-between">
              <Text fz="sm">{t(`collections.kind.${m.kind}`, { defaultValue: m.kind })}</Text>
              <Badge
                size="sm"
                variant="light"
                color={
                  m.status === 'terkirim'
                    ? 'teal'
                    : m.status === 'gagal'
                      ? 'red'
                      : m.status === 'antri'
                        ? 'blue'
                        : 'gray'
                }
              >
                {t(`collections.status.${m.status}`)}
              </Badge>
            </Group>
            <Text fz="xs" c="dimmed">
              {when(m.createdAt)} · {t(`collections.channel.${m.channel}`)}
              {m.reason ? ` · ${t(`collections.reason.${m.reason}`)}` : ''}
            </Text>
          </Stack>
        ))
      )}
    </Stack>
  )
}
