import {
  Badge,
  Box,
  Button,
  Card,
  Drawer,
  FileInput,
  Group,
  Paper,
  ScrollArea,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconArrowBackUp, IconFileDownload, IconPlus } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatInstant } from '@shared/dates'
import {
  previousStep,
  REGISTRATION_STEPS,
  type RegistrationStatus,
  type RegistrationStep,
} from '@shared/registrations'
import { customerCreateInput } from '@shared/schemas'
import { trpc, trpcClient } from '../../api/client'
import { FormModal } from '../../components/form-modal'
import { PageLoader, QueryError } from '../../components/query-state'
import { decimalOrNull } from '../../forms/parse'
import { useFormState } from '../../forms/use-form-state'
import { useSession } from '../../session/session'
import {
  AccountModal,
  BackModal,
  BastModal,
  InstallationReportModal,
  InstallationScheduleModal,
  ProductModal,
  refreshRegistrations,
  SurveyReportModal,
  SurveyScheduleModal,
} from './step-forms'

type Dialog =
  | { kind: 'new' }
  | { kind: 'step'; id: number; form: string }
  | { kind: 'back'; id: number; to: RegistrationStep }
  | { kind: 'detail'; id: number }

const PRIORITY_COLORS: Record<string, string> = { rendah: 'gray', sedang: 'blue', tinggi: 'red' }

/**
 * Registrasi → Aktif (seed 001): one column per step; a card moves forward only through its
 * step's form, or back with a reason. Finished cards (aktif, tidak layak) are on their own tabs.
 */
export function RegistrationsPage() {
  const { t } = useTranslation()
  const { can, me } = useSession()
  const canManage = can('registrations.manage')
  const [status, setStatus] = useState<RegistrationStatus>('berjalan')
  const [dialog, setDialog] = useState<Dialog | null>(null)
  const list = useQuery(trpc.registrations.list.queryOptions({ status }))
  const close = () => setDialog(null)
  const when = (iso: string) => formatInstant(iso, me.company.timeZone)

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} fz="h2">
            {t('registrations.title')}
          </Title>
          <Text c="dimmed">{t('registrations.intro')}</Text>
        </div>
        {canManage && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'new' })}>
            {t('registrations.newButton')}
          </Button>
        )}
      </Group>
      <SegmentedControl
        value={status}
        onChange={(v) => setStatus(v as RegistrationStatus)}
        data={(['berjalan', 'aktif', 'ditolak'] as const).map((s) => ({
          value: s,
          label: t(`registrations.tabs.${s}`),
        }))}
        style={{ alignSelf: 'flex-start' }}
      />
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : status !== 'berjalan' ? (
        list.data.length === 0 ? (
          <Text c="dimmed">{t('registrations.emptyDone')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {list.data.map((c) => (
              <BoardCard
                key={c.id}
                card={c}
                when={when}
                canManage={false}
                onOpen={() => setDialog({ kind: 'detail', id: c.id })}
              />
            ))}
          </SimpleGrid>
        )
      ) : (
        <>
          {list.data.length === 0 && (
            <Paper withBorder p="md">
              <Text c="dimmed">{t('registrations.emptyBoard')}</Text>
            </Paper>
          )}
          <ScrollArea type="auto" offsetScrollbars>
            <Group align="flex-start" gap="xs" wrap="nowrap" data-testid="registration-board">
              {REGISTRATION_STEPS.map((step) => {
                const cards = list.data.filter((c) => c.step === step)
                return (
                  <Paper
                    key={step}
                    withBorder
                    p="xs"
                    bg="gray.0"
                    style={{ flex: '1 0 168px', minWidth: 168 }}
                    data-testid={`column-${step}`}
                  >
                    <Group justify="space-between" mb="xs" wrap="nowrap">
                      <Text fw={600} size="sm">
                        {t(`registrations.steps.${step}`)}
                      </Text>
                      <Badge size="sm" variant="light" color="gray">
                        {cards.length}
                      </Badge>
                    </Group>
                    <Stack gap="xs">
                      {cards.length === 0 && (
                        <Text size="xs" c="dimmed">
                          {t('registrations.emptyColumn')}
                        </Text>
                      )}
                      {cards.map((c) => (
                        <BoardCard
                          key={c.id}
                          card={c}
                          when={when}
                          canManage={canManage}
                          onOpen={() => setDialog({ kind: 'detail', id: c.id })}
                          onStep={(form) => setDialog({ kind: 'step', id: c.id, form })}
                          onBack={(to) => setDialog({ kind: 'back', id: c.id, to })}
                        />
                      ))}
                    </Stack>
                  </Paper>
                )
              })}
            </Group>
          </ScrollArea>
        </>
      )}
      {dialog?.kind === 'new' && <NewRegistrationModal onClose={close} />}
      {dialog?.kind === 'back' && (
        <BackModal registrationId={dialog.id} to={dialog.to} onClose={close} />
      )}
      {dialog?.kind === 'step' && <StepDialog id={dialog.id} form={dialog.form} onClose={close} />}
      {dialog?.kind === 'detail' && <DetailDrawer id={dialog.id} onClose={close} when={when} />}
    </Stack>
  )
}

type CardRow = {
  id: number
  step: RegistrationStep
  status: RegistrationStatus
  customerCode: string
  customerName: string
  customerPhone: string | null
  sid: string | null
  surveyPriority: string | null
  endedReason: string | null
  installScheduled: boolean
  last: { kind: string; username: string | null; at: string; note: string | null } | null
  steps: Partial<Record<RegistrationStep, { username: string | null; at: string }>>
}

function BoardCard({
  card,
  when,
  canManage,
  onOpen,
  onStep,
  onBack,
}: {
  card: CardRow
  when: (iso: string) => string
  canManage: boolean
  onOpen: () => void
  onStep?: (form: string) => void
  onBack?: (to: RegistrationStep) => void
}) {
  const { t } = useTranslation()
  const here = card.steps[card.step]
  const back = previousStep(card.step)
  const action =
    card.step === 'instalasi'
      ? card.installScheduled
        ? 'instalasiReport'
        : 'instalasiSchedule'
      : card.step
  return (
    <Card withBorder padding="xs" radius="sm" data-testid={`card-${card.id}`}>
      <Stack gap={4}>
        <Text
          fw={600}
          size="sm"
          lineClamp={2}
          style={{ cursor: 'pointer' }}
          onClick={onOpen}
          title={card.customerName}
        >
          {card.customerName}
        </Text>
        <Group gap={4} wrap="wrap">
          <Text size="xs" c="dimmed">
            {card.customerCode}
            {card.sid ? ` · ${card.sid}` : ''}
          </Text>
          {card.surveyPriority && (
            <Badge size="xs" color={PRIORITY_COLORS[card.surveyPriority] ?? 'gray'}>
              {t(`registrations.priority.${card.surveyPriority}`)}
            </Badge>
          )}
        </Group>
        {card.last && (
          <Text size="xs">
            {t(`registrations.events.${card.last.kind}`)}
            <Text span size="xs" c="dimmed" display="block">
              {t('registrations.by', {
                user: card.last.username ?? '—',
                at: when(card.last.at),
              })}
            </Text>
          </Text>
        )}
        {!card.last && here && (
          <Text size="xs" c="dimmed">
            {t('registrations.by', { user: here.username ?? '—', at: when(here.at) })}
          </Text>
        )}
        {card.endedReason && (
          <Text size="xs" c="red">
            {card.endedReason}
          </Text>
        )}
        {canManage && card.status === 'berjalan' && onStep && (
          <Stack gap={2} mt={2}>
            <Button
              size="xs"
              fullWidth
              h="auto"
              py={4}
              styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
              onClick={() => onStep(action)}
            >
              {t(`registrations.actions.${action}`)}
            </Button>
            {back && onBack && (
              <Button
                size="compact-xs"
                variant="subtle"
                color="gray"
                leftSection={<IconArrowBackUp size={12} />}
                onClick={() => onBack(back)}
              >
                {t('registrations.actions.back')}
              </Button>
            )}
          </Stack>
        )}
      </Stack>
    </Card>
  )
}

/** Opens the form of the card's step with what the card already knows. */
function StepDialog({ id, form, onClose }: { id: number; form: string; onClose: () => void }) {
  const detail = useQuery(trpc.registrations.get.queryOptions({ registrationId: id }))
  if (!detail.data) return null
  const d = detail.data
  switch (form) {
    case 'registrasi':
      return <SurveyScheduleModal registrationId={id} onClose={onClose} />
    case 'survei':
      return <SurveyReportModal registrationId={id} onClose={onClose} />
    case 'akun':
      return (
        <AccountModal
          registrationId={id}
          onClose={onClose}
          category={d.customer.category}
          areaId={d.customer.area_id}
        />
      )
    case 'produk':
      return <ProductModal registrationId={id} onClose={onClose} username={d.account.username} />
    case 'instalasiSchedule':
      return <InstallationScheduleModal registrationId={id} onClose={onClose} />
    case 'instalasiReport':
      return d.installation.date ? (
        <InstallationReportModal registrationId={id} onClose={onClose} />
      ) : (
        <InstallationScheduleModal registrationId={id} onClose={onClose} />
      )
    case 'finalisasi':
      return <BastModal registrationId={id} onClose={onClose} customerName={d.customer.name} />
    default:
      return null
  }
}

function DetailDrawer({
  id,
  onClose,
  when,
}: {
  id: number
  onClose: () => void
  when: (iso: string) => string
}) {
  const { t } = useTranslation()
  const detail = useQuery(trpc.registrations.get.queryOptions({ registrationId: id }))
  const [downloading, setDownloading] = useState(false)
  const download = async () => {
    setDownloading(true)
    try {
      const file = await trpcClient.registrations.bastPdf.query({ registrationId: id })
      const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0))
      const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }))
      const a = document.createElement('a')
      a.href = url
      a.download = file.fileName
      a.click()
      URL.revokeObjectURL(url)
    } finally {
      setDownloading(false)
    }
  }
  const d = detail.data
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="md"
      title={d ? t('registrations.detail.title', { name: d.customer.name }) : ''}
    >
      {!d ? (
        <PageLoader />
      ) : (
        <Stack gap="sm">
          <Text size="sm">
            {t('registrations.detail.step')}: <b>{t(`registrations.steps.${d.step}`)}</b> ·{' '}
            {t(`registrations.tabs.${d.status}`)}
          </Text>
          <Text size="sm" c="dimmed">
            {d.customer.code} · {d.customer.phone ?? d.customer.whatsapp ?? '—'} ·{' '}
            {d.customer.address || '—'}
          </Text>
          {d.service && (
            <Text size="sm">
              {t('registrations.detail.service')}: {d.service.sid} · {d.service.product} ·{' '}
              {d.service.status}
            </Text>
          )}
          {d.stockRequest && (
            <Text size="sm" data-testid="registration-stock-request">
              {t('registrations.detail.stockRequest', {
                id: d.stockRequest.id,
                status: t(`warehouse.statuses.${d.stockRequest.status}`, {
                  defaultValue: d.stockRequest.status,
                }),
              })}
            </Text>
          )}
          {d.endedReason && (
            <Text size="sm" c="red">
              {t('registrations.detail.ended')}: {d.endedReason}
            </Text>
          )}
          {d.finalisation.signedAt && (
            <Button
              leftSection={<IconFileDownload size={16} />}
              variant="light"
              loading={downloading}
              onClick={() => void download()}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('registrations.actions.bast')}
            </Button>
          )}
          <Title order={3} fz="h5">
            {t('registrations.detail.history')}
          </Title>
          <Timeline bulletSize={14} lineWidth={2}>
            {d.events.map((e, k) => (
              <Timeline.Item key={k} title={t(`registrations.events.${e.kind}`)}>
                <Text size="xs" c="dimmed">
                  {t('registrations.by', { user: e.username ?? '—', at: when(e.at) })}
                </Text>
                {e.note && <Text size="xs">{e.note}</Text>}
              </Timeline.Item>
            ))}
          </Timeline>
        </Stack>
      )}
    </Drawer>
  )
}

/** Step 1: the prospective customer's data and KTP photo; the card opens at Registrasi. */
function NewRegistrationModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const areas = useQuery(trpc.catalog.areas.queryOptions())
  const form = useFormState({
    name: '',
    phone: '',
    email: '',
    areaId: '',
    address: '',
    latitude: '',
    longitude: '',
    nik: '',
    marketer: '',
  })
  const [ktp, setKtp] = useState<File | null>(null)
  const create = useMutation(trpc.customers.create.mutationOptions())
  const attach = useMutation(trpc.customers.attach.mutationOptions())
  const open = useMutation(trpc.registrations.open.mutationOptions())
  const [saving, setSaving] = useState(false)
  const submit = async () => {
    const v = form.values
    const input = {
      areaId: v.areaId ? Number(v.areaId) : Number.NaN,
      name: v.name,
      phone: v.phone,
      email: v.email,
      address: v.address,
      latitude: v.latitude ? (decimalOrNull(v.latitude) ?? Number.NaN) : null,
      longitude: v.longitude ? (decimalOrNull(v.longitude) ?? Number.NaN) : null,
      nik: v.nik,
      marketer: v.marketer,
    }
    if (!form.validate(customerCreateInput, input)) return
    setSaving(true)
    try {
      const customer = await create.mutateAsync(input)
      if (ktp) {
        const data = await new Promise<string>((resolve, reject) => {
          const reader = new FileReader()
          reader.onload = () => {
            const url = String(reader.result)
            resolve(url.slice(url.indexOf(',') + 1))
          }
          reader.onerror = () => reject(reader.error ?? new Error('read failed'))
          reader.readAsDataURL(ktp)
        })
        await attach.mutateAsync({
          customerId: customer.id,
          kind: 'ktp',
          fileName: ktp.name,
          mime: ktp.type as 'image/jpeg',
          contentBase64: data,
        })
      }
      await open.mutateAsync({ customerId: customer.id })
      refreshRegistrations()
      notifications.show({
        color: 'teal',
        message: t('registrations.create.done', { name: v.name }),
      })
      onClose()
    } catch (error) {
      form.showServerError(error)
    } finally {
      setSaving(false)
    }
  }
  return (
    <FormModal
      title={t('registrations.create.title')}
      onClose={onClose}
      onSubmit={() => void submit()}
      error={form.serverError}
      saving={saving}
      submitLabel={t('registrations.create.submit')}
      size="lg"
    >
      <SimpleGrid cols={2}>
        <TextInput
          label={t('registrations.create.name')}
          required
          data-autofocus
          {...form.text('name')}
        />
        <Select
          label={t('registrations.create.area')}
          required
          searchable
          data={(areas.data ?? []).map((a) => ({
            value: String(a.id),
            label: `${a.code} — ${a.name}`,
          }))}
          {...form.select('areaId')}
        />
        <TextInput label={t('registrations.create.phone')} {...form.text('phone')} />
        <TextInput label={t('registrations.create.email')} {...form.text('email')} />
        <TextInput label={t('registrations.create.nik')} {...form.text('nik')} />
        <TextInput label={t('registrations.create.marketer')} {...form.text('marketer')} />
        <TextInput
          label={t('registrations.create.latitude')}
          placeholder="-6.4815"
          {...form.text('latitude')}
        />
        <TextInput
          label={t('registrations.create.longitude')}
          placeholder="106.8540"
          {...form.text('longitude')}
        />
      </SimpleGrid>
      <Textarea
        label={t('registrations.create.address')}
        autosize
        minRows={2}
        {...form.text('address')}
      />
      <Box>
        <FileInput
          label={t('registrations.create.ktp')}
          description={t('registrations.create.ktpHint')}
          accept="image/png,image/jpeg,image/webp"
          clearable
          value={ktp}
          onChange={setKtp}
        />
      </Box>
    </FormModal>
  )
}
