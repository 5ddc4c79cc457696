import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Image,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconCamera } from '@tabler/icons-react'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatShortDate, type CalendarDate } from '@shared/dates'
import { SignaturePad } from '../../components/signature-pad'
import { addCommand } from '../../field/outbox'
import { shrinkPhoto } from '../../field/shrink-photo'
import { CustomerContact, Section } from './field-parts'
import { OutboxEntry } from './field-task'
import type { FieldOutbox, FieldTask } from './types'

interface Photo {
  mime: 'image/jpeg'
  data: string
}

/**
 * A camera photo made small enough to travel in a command: a report's photos (up to six) go
 * with it through the outbox, whole, so they are made a little smaller than a ticket's photo.
 */
const REPORT_PHOTO_MAX_SIDE = 1280

async function shrink(file: File): Promise<Photo> {
  return { mime: 'image/jpeg', data: await shrinkPhoto(file, 0.8, REPORT_PHOTO_MAX_SIDE) }
}

function Photos({ photos, onChange }: { photos: Photo[]; onChange: (p: Photo[]) => void }) {
  const { t } = useTranslation()
  const camera = useRef<HTMLInputElement>(null)
  const take = async (list: FileList | null) => {
    const next = [...photos]
    for (const file of Array.from(list ?? [])) if (next.length < 6) next.push(await shrink(file))
    onChange(next)
    if (camera.current) camera.current.value = ''
  }
  return (
    <Stack gap="xs">
      <input
        ref={camera}
        type="file"
        accept="image/*"
        capture="environment"
        hidden
        data-testid="visit-camera-input"
        onChange={(e) => void take(e.currentTarget.files)}
      />
      <Button
        variant="light"
        leftSection={<IconCamera size={16} />}
        disabled={photos.length >= 6}
        onClick={() => camera.current?.click()}
      >
        {t('fieldVisit.photos', { count: photos.length })}
      </Button>
      {photos.length > 0 && (
        <SimpleGrid cols={3} spacing="xs">
          {photos.map((p, i) => (
            <Stack key={i} gap={2}>
              <Image src={`data:${p.mime};base64,${p.data}`} alt="" h={80} fit="cover" />
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                onClick={() => onChange(photos.filter((_, j) => j !== i))}
              >
                {t('field.photos.remove')}
              </Button>
            </Stack>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  )
}

const base64Of = (png: string) => png.slice(png.indexOf(',') + 1)

/**
 * A survey or installation of "Tugas saya" (the registration board's visits): the customer's
 * contacts and location, then the step's report, and at Finalisasi the BAST with both
 * signatures. Every save goes into the outbox first and is sent when the host is reachable.
 */
export function FieldVisitView({
  task,
  outbox,
  userId,
  userName,
}: {
  task: FieldTask
  outbox: FieldOutbox
  userId: number
  userName: string
}) {
  const { t } = useTranslation()
  const visit = task.visit!
  const c = task.customer
  const waiting = outbox.commands.filter((x) => x.taskKey === task.key)
  const pendingKinds = new Set(waiting.filter((x) => x.state === 'pending').map((x) => x.kind))
  const [error, setError] = useState<string | null>(null)
  // Survey
  const [topology, setTopology] = useState('')
  const [notes, setNotes] = useState('')
  const [photos, setPhotos] = useState<Photo[]>([])
  const [decision, setDecision] = useState<'layak' | 'tidak_layak'>('layak')
  const [reason, setReason] = useState('')
  // Installation
  const [serial, setSerial] = useState('')
  const [rx, setRx] = useState<number | string>('')
  const [cable, setCable] = useState<number | string>('')
  // BAST
  const [customerSig, setCustomerSig] = useState<string | null>(null)
  const [technicianSig, setTechnicianSig] = useState<string | null>(null)
  const [customerName, setCustomerName] = useState(c?.name ?? '')
  const [technicianName, setTechnicianName] = useState(userName)
  const [restrict, setRestrict] = useState(false)
  const [pads, setPads] = useState(0)

  const base = { userId, taskKey: task.key, label: `${task.number} ${task.title}` }
  const saved = () =>
    notifications.show({ color: 'teal', message: t('field.form.saved'), autoClose: 2500 })

  const saveSurvey = async () => {
    if (decision === 'tidak_layak' && !reason.trim()) {
      setError(t('fieldVisit.survey.reasonRequired'))
      return
    }
    setError(null)
    await addCommand({
      ...base,
      kind: 'survey.report',
      text: [topology, notes, decision === 'tidak_layak' ? reason : '']
        .filter((x) => x.trim())
        .join('\n'),
      payload: {
        registrationId: visit.registrationId,
        topology,
        notes,
        photos,
        decision,
        reason: decision === 'tidak_layak' ? reason : '',
      },
    })
    setPhotos([])
    saved()
  }

  const saveInstallation = async () => {
    if (!serial.trim() || typeof rx !== 'number' || typeof cable !== 'number') {
      setError(t('fieldVisit.installation.required'))
      return
    }
    setError(null)
    await addCommand({
      ...base,
      kind: 'installation.report',
      text: `ONU ${serial} · RX ${rx} dBm · ${cable} m\n${notes}`.trim(),
      payload: {
        registrationId: visit.registrationId,
        onuSerial: serial,
        rxPower: rx,
        cableLength: cable,
        notes,
        photos,
      },
    })
    setPhotos([])
    saved()
  }

  const saveBast = async () => {
    if (!customerSig || !technicianSig || !customerName.trim() || !technicianName.trim()) {
      setError(t('fieldVisit.bast.required'))
      return
    }
    setError(null)
    await addCommand({
      ...base,
      kind: 'bast.sign',
      text: `BAST: ${customerName} / ${technicianName}`,
      payload: {
        registrationId: visit.registrationId,
        customerSignature: { mime: 'image/png', data: base64Of(customerSig) },
        technicianSignature: { mime: 'image/png', data: base64Of(technicianSig) },
        customerSignerName: customerName,
        technicianSignerName: technicianName,
        restrictBeforePayment: restrict,
      },
    })
    setCustomerSig(null)
    setTechnicianSig(null)
    setPads((k) => k + 1)
    saved()
  }

  const survey = task.kind === 'survey'
  const reportSent = pendingKinds.has(survey ? 'survey.report' : 'installation.report')
  const atBast = !survey && (visit.step === 'finalisasi' || pendingKinds.has('installation.report'))
  const errorText = error && (
    <Text size="sm" c="red" role="alert">
      {error}
    </Text>
  )

  return (
    <Stack gap="sm">
      <Anchor component={Link} to="/lapangan">
        ← {t('field.backToList')}
      </Anchor>
      <Stack gap={4}>
        <Group gap={6}>
          <Badge size="sm" variant="light" color={survey ? 'cyan' : 'indigo'}>
            {t(`fieldVisit.kind.${task.kind}`)}
          </Badge>
          {visit.step === 'finalisasi' && (
            <Badge size="sm" variant="outline" color="gray">
              {t('fieldVisit.step.finalisasi')}
            </Badge>
          )}
        </Group>
        <Title order={2} size="h3">
          {task.title}
        </Title>
        <Text size="sm" c="dimmed">
          {t('fieldVisit.when', {
            date: formatShortDate(visit.date as CalendarDate),
            time: visit.time ?? t('fieldVisit.anyTime'),
          })}
        </Text>
      </Stack>

      {c && (
        <Section title={t('field.contact.title')}>
          <Stack gap="xs">
            <CustomerContact customer={c} />
          </Stack>
        </Section>
      )}

      {visit.items.length > 0 && (
        <Section title={t('fieldVisit.installation.items')}>
          <Stack gap={2}>
            {visit.items.map((i, n) => (
              <Text key={n} size="sm">
                {i.quantity} {i.unit ?? ''} · {i.name}
              </Text>
            ))}
          </Stack>
        </Section>
      )}

      {waiting.length > 0 && (
        <Section title={t('field.outbox.title')}>
          <Stack gap="xs">
            {waiting.map((command) => (
              <OutboxEntry key={command.id} command={command} withLabel />
            ))}
          </Stack>
        </Section>
      )}

      {survey && !reportSent && (
        <Section title={t('fieldVisit.survey.title')}>
          <Stack gap="xs">
            <Textarea
              label={t('fieldVisit.survey.topology')}
              placeholder={t('fieldVisit.survey.topologyPlaceholder')}
              autosize
              minRows={2}
              maxLength={2000}
              value={topology}
              onChange={(e) => setTopology(e.currentTarget.value)}
            />
            <Textarea
              label={t('fieldVisit.notes')}
              autosize
              minRows={2}
              maxLength={2000}
              value={notes}
              onChange={(e) => setNotes(e.currentTarget.value)}
            />
            <Photos photos={photos} onChange={setPhotos} />
            <Text size="sm" fw={500}>
              {t('fieldVisit.survey.decision')}
            </Text>
            <SegmentedControl
              fullWidth
              value={decision}
              onChange={(v) => {
                setDecision(v as 'layak' | 'tidak_layak')
                setError(null)
              }}
              data={[
                { value: 'layak', label: t('fieldVisit.survey.layak') },
                { value: 'tidak_layak', label: t('fieldVisit.survey.tidakLayak') },
              ]}
            />
            {decision === 'tidak_layak' && (
              <Textarea
                label={t('fieldVisit.survey.reason')}
                required
                maxLength={500}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
              />
            )}
            {errorText}
            <Button onClick={() => void saveSurvey()}>{t('fieldVisit.survey.save')}</Button>
          </Stack>
        </Section>
      )}

      {!survey && visit.step === 'instalasi' && !reportSent && (
        <Section title={t('fieldVisit.installation.title')}>
          <Stack gap="xs">
            <TextInput
              label={t('fieldVisit.installation.serial')}
              required
              maxLength={64}
              value={serial}
              onChange={(e) => setSerial(e.currentTarget.value)}
            />
            <Group grow>
              <NumberInput
                label={t('fieldVisit.installation.rx')}
                required
                decimalSeparator=","
                min={-50}
                max={10}
                value={rx}
                onChange={setRx}
              />
              <NumberInput
                label={t('fieldVisit.installation.cable')}
                required
                min={0}
                value={cable}
                onChange={setCable}
              />
            </Group>
            <Textarea
              label={t('fieldVisit.notes')}
              autosize
              minRows={2}
              maxLength={2000}
              value={notes}
              onChange={(e) => setNotes(e.currentTarget.value)}
            />
            <Photos photos={photos} onChange={setPhotos} />
            {errorText}
            <Button onClick={() => void saveInstallation()}>
              {t('fieldVisit.installation.save')}
            </Button>
          </Stack>
        </Section>
      )}

      {atBast && !pendingKinds.has('bast.sign') && (
        <Section title={t('fieldVisit.bast.title')}>
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {t('fieldVisit.bast.intro')}
            </Text>
            <TextInput
              label={t('fieldVisit.bast.customerName')}
              value={customerName}
              onChange={(e) => setCustomerName(e.currentTarget.value)}
            />
            <SignaturePad
              key={`c${pads}`}
              label={t('fieldVisit.bast.customerSignature')}
              onChange={setCustomerSig}
            />
            <TextInput
              label={t('fieldVisit.bast.technicianName')}
              value={technicianName}
              onChange={(e) => setTechnicianName(e.currentTarget.value)}
            />
            <SignaturePad
              key={`t${pads}`}
              label={t('fieldVisit.bast.technicianSignature')}
              onChange={setTechnicianSig}
            />
            <Switch
              label={t('fieldVisit.bast.restrict')}
              description={t('fieldVisit.bast.restrictHint')}
              checked={restrict}
              onChange={(e) => setRestrict(e.currentTarget.checked)}
            />
            {errorText}
            <Button onClick={() => void saveBast()}>{t('fieldVisit.bast.save')}</Button>
          </Stack>
        </Section>
      )}

      {reportSent && !atBast && <Alert color="yellow">{t('fieldVisit.waiting')}</Alert>}
    </Stack>
  )
}
