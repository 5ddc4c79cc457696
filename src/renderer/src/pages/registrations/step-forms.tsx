import {
  ActionIcon,
  Button,
  Checkbox,
  FileInput,
  Group,
  Input,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { CUSTOMER_CATEGORIES, type CustomerCategory } from '@shared/catalog'
import { dateInZone } from '@shared/dates'
import {
  SURVEY_PRIORITIES,
  TAX_TYPES,
  type RegistrationStep,
  type SurveyPriority,
  type TaxType,
} from '@shared/registrations'
import {
  bastSignInput,
  installationReportInput,
  installationScheduleInput,
  registrationAccountInput,
  registrationBackInput,
  registrationProductInput,
  surveyReportInput,
  surveyScheduleInput,
} from '@shared/schemas'
import { queryClient, trpc } from '../../api/client'
import { DateField } from '../../components/date-field'
import { FormModal } from '../../components/form-modal'
import { decimalOrNull, integerOrNull, rupiahOrNull } from '../../forms/parse'
import { useFormState } from '../../forms/use-form-state'
import { useSession } from '../../session/session'
import { SignaturePad } from './signature-pad'

export function refreshRegistrations(): void {
  void queryClient.invalidateQueries(trpc.registrations.pathFilter())
}

const idOrNull = (v: string) => (v ? Number(v) : null)

/** Photos chosen in a FileInput, read as base64 for the API. */
async function readPhotos(files: File[]) {
  return Promise.all(
    files.map(
      (file) =>
        new Promise<{ mime: 'image/png' | 'image/jpeg' | 'image/webp'; data: string }>(
          (resolve, reject) => {
            const reader = new FileReader()
            reader.onload = () => {
              const url = String(reader.result)
              resolve({
                mime: file.type as 'image/png' | 'image/jpeg' | 'image/webp',
                data: url.slice(url.indexOf(',') + 1),
              })
            }
            reader.onerror = () => reject(reader.error ?? new Error('read failed'))
            reader.readAsDataURL(file)
          },
        ),
    ),
  )
}

/**
 * The photo picker of the survey and installation reports: the same image kinds `readPhotos`
 * sends, several at once, with the same hint; only the label differs.
 */
function PhotosInput({
  label,
  value,
  onChange,
}: {
  label: string
  value: File[]
  onChange: (files: File[]) => void
}) {
  const { t } = useTranslation()
  return (
    <FileInput
      label={label}
      description={t('registrations.survey.photosHint')}
      multiple
      clearable
      accept="image/png,image/jpeg,image/webp"
      value={value}
      onChange={onChange}
    />
  )
}

function useStaff() {
  const staff = useQuery(trpc.registrations.staff.queryOptions())
  return (staff.data ?? []).map((u) => ({
    value: String(u.id),
    label: `${u.name} (${u.username})`,
  }))
}

/** What `form.select(key)` / `form.text(key)` hand a field: its value, setter and error. */
interface SelectBinding {
  value: string | null
  onChange: (value: string | null) => void
  error: string | undefined
}
interface TextBinding {
  value: string
  onChange: (e: ChangeEvent<HTMLInputElement>) => void
  error: string | undefined
}

/**
 * The PIC and Teknisi pickers: the survey and the installation schedule both choose them from
 * the same staff list, the same way (optional, searchable); only their labels' section differs.
 */
function StaffPickers({
  section,
  pic,
  technician,
}: {
  section: 'survey' | 'installation'
  pic: SelectBinding
  technician: SelectBinding
}) {
  const { t } = useTranslation()
  const staff = useStaff()
  return (
    <>
      <Select
        label={t(`registrations.${section}.pic`)}
        data={staff}
        clearable
        searchable
        {...pic}
      />
      <Select
        label={t(`registrations.${section}.technician`)}
        data={staff}
        clearable
        searchable
        {...technician}
      />
    </>
  )
}

/**
 * One side of the BAST: the signature pad and the signer's printed name. The customer's and the
 * technician's sides differ only in their labels and whose signature it is.
 */
function SignerField({
  who,
  signed,
  onSign,
  missing,
  name,
}: {
  who: 'customer' | 'technician'
  signed: boolean
  onSign: (pngBase64: string | null) => void
  /** Submit was tried without this signature. */
  missing: boolean | undefined
  name: TextBinding
}) {
  const { t } = useTranslation()
  return (
    <Stack gap="xs">
      <SignaturePad
        label={t(`registrations.bast.${who}`)}
        testId={`signature-${who}`}
        onChange={onSign}
        error={
          missing && !signed
            ? t('registrations.bast.missing', { who: t(`registrations.bast.${who}`) })
            : undefined
        }
      />
      <TextInput label={t(`registrations.bast.${who}Name`)} required {...name} />
    </Stack>
  )
}

function useToday() {
  const { me } = useSession()
  return dateInZone(new Date(), me.company.timeZone) as string
}

interface StepProps {
  registrationId: number
  onClose: () => void
}

/** What every step form does after its mutation: refresh the board, or show the error. */
function stepCallbacks<T>(form: { showServerError: (e: unknown) => void }, onDone: (r: T) => void) {
  return {
    onSuccess: (r: T) => {
      refreshRegistrations()
      onDone(r)
    },
    onError: (e: unknown) => form.showServerError(e),
  }
}

/** Registrasi → Survei: priority, the visit and who goes. */
export function SurveyScheduleModal({ registrationId, onClose }: StepProps) {
  const { t } = useTranslation()
  const form = useFormState({
    priority: 'sedang',
    date: useToday(),
    time: '',
    picId: '',
    technicianId: '',
  })
  const save = useMutation(
    trpc.registrations.scheduleSurvey.mutationOptions(stepCallbacks(form, onClose)),
  )
  const submit = () => {
    const v = form.values
    const input = {
      registrationId,
      priority: v.priority as SurveyPriority,
      date: v.date,
      time: v.time,
      picId: idOrNull(v.picId),
      technicianId: idOrNull(v.technicianId),
    }
    if (form.validate(surveyScheduleInput, input)) save.mutate(input)
  }
  return (
    <FormModal
      title={t('registrations.survey.title')}
      onClose={onClose}
      onSubmit={submit}
      error={form.serverError}
      saving={save.isPending}
      submitLabel={t('registrations.survey.submit')}
    >
      <Select
        label={t('registrations.survey.priority')}
        required
        data={SURVEY_PRIORITIES.map((p) => ({
          value: p,
          label: t(`registrations.priority.${p}`),
        }))}
        {...form.select('priority')}
      />
      <SimpleGrid cols={2}>
        <DateField label={t('registrations.survey.date')} required {...form.date('date')} />
        <TextInput
          label={t('registrations.survey.time')}
          placeholder="09:30"
          {...form.text('time')}
        />
      </SimpleGrid>
      <StaffPickers
        section="survey"
        pic={form.select('picId')}
        technician={form.select('technicianId')}
      />
    </FormModal>
  )
}

/** The survey report: layak moves on to Akun, tidak layak closes the card. */
export function SurveyReportModal({ registrationId, onClose }: StepProps) {
  const { t } = useTranslation()
  const form = useFormState({
    topology: '',
    notes: '',
    decision: 'layak',
    reason: '',
    notifyCustomer: false,
  })
  const [photos, setPhotos] = useState<File[]>([])
  const save = useMutation(
    trpc.registrations.surveyReport.mutationOptions(
      stepCallbacks(form, (r: { status: string }) => {
        if (r.status === 'ditolak')
          notifications.show({ color: 'orange', message: t('registrations.survey.rejected') })
        onClose()
      }),
    ),
  )
  const submit = async () => {
    const v = form.values
    const input = {
      registrationId,
      topology: v.topology,
      notes: v.notes,
      decision: v.decision as 'layak' | 'tidak_layak',
      reason: v.reason,
      notifyCustomer: v.notifyCustomer,
      photos: await readPhotos(photos),
    }
    if (form.validate(surveyReportInput, input)) save.mutate(input)
  }
  return (
    <FormModal
      title={t('registrations.survey.reportTitle')}
      onClose={onClose}
      onSubmit={() => void submit()}
      error={form.serverError}
      saving={save.isPending}
      submitLabel={t('registrations.survey.reportSubmit')}
      submitColor={form.values.decision === 'tidak_layak' ? 'red' : undefined}
      size="lg"
    >
      <Textarea
        label={t('registrations.survey.topology')}
        description={t('registrations.survey.topologyHint')}
        autosize
        minRows={2}
        {...form.text('topology')}
      />
      <Textarea
        label={t('registrations.survey.notes')}
        autosize
        minRows={2}
        {...form.text('notes')}
      />
      <PhotosInput label={t('registrations.survey.photos')} value={photos} onChange={setPhotos} />
      <Input.Wrapper label={t('registrations.survey.decision')} required>
        <SegmentedControl
          display="flex"
          w="fit-content"
          mt={4}
          value={form.values.decision}
          onChange={(v) => form.setValue('decision', v)}
          data={[
            { value: 'layak', label: t('registrations.survey.layak') },
            { value: 'tidak_layak', label: t('registrations.survey.tidak_layak') },
          ]}
        />
      </Input.Wrapper>
      {form.values.decision === 'tidak_layak' && (
        <>
          <Textarea
            label={t('registrations.survey.reason')}
            required
            autosize
            minRows={2}
            {...form.text('reason')}
          />
          <Checkbox
            label={t('registrations.survey.notify')}
            checked={form.values.notifyCustomer}
            onChange={(e) => form.setValue('notifyCustomer', e.currentTarget.checked)}
          />
        </>
      )}
    </FormModal>
  )
}

/** Akun → Produk: the login by the company's rule unless typed, the category and the area. */
export function AccountModal({
  registrationId,
  onClose,
  category,
  areaId,
}: StepProps & { category: string; areaId: number }) {
  const { t } = useTranslation()
  const areas = useQuery(trpc.catalog.areas.queryOptions())
  const form = useFormState({ username: '', password: '', category, areaId: String(areaId) })
  const save = useMutation(
    trpc.registrations.account.mutationOptions(
      stepCallbacks(form, (r: { username: string }) => {
        notifications.show({
          color: 'teal',
          message: t('registrations.account.done', { username: r.username }),
        })
        onClose()
      }),
    ),
  )
  const submit = () => {
    const v = form.values
    const input = {
      registrationId,
      username: v.username,
      password: v.password,
      category: v.category as CustomerCategory,
      areaId: idOrNull(v.areaId) ?? Number.NaN,
    }
    if (form.validate(registrationAccountInput, input)) save.mutate(input)
  }
  return (
    <FormModal
      title={t('registrations.account.title')}
      onClose={onClose}
      onSubmit={submit}
      error={form.serverError}
      saving={save.isPending}
      submitLabel={t('registrations.account.submit')}
    >
      <TextInput
        label={t('registrations.account.username')}
        description={t('registrations.account.generated')}
        {...form.text('username')}
      />
      <TextInput
        label={t('registrations.account.password')}
        description={t('registrations.account.generated')}
        {...form.text('password')}
      />
      <Select
        label={t('registrations.account.category')}
        required
        data={CUSTOMER_CATEGORIES.map((c) => ({ value: c, label: t(`customerCategory.${c}`) }))}
        {...form.select('category')}
      />
      <Select
        label={t('registrations.account.area')}
        required
        searchable
        data={(areas.data ?? []).map((a) => ({
          value: String(a.id),
          label: `${a.code} — ${a.name}`,
        }))}
        {...form.select('areaId')}
      />
    </FormModal>
  )
}

/** Produk → Instalasi: the package, its billing and the technical settings; creates the service. */
export function ProductModal({
  registrationId,
  onClose,
  username,
}: StepProps & { username: string | null }) {
  const { t } = useTranslation()
  const products = useQuery(trpc.catalog.products.queryOptions())
  const pops = useQuery(trpc.catalog.pops.queryOptions())
  const form = useFormState({
    activationDate: useToday(),
    billingKind: 'fixed',
    billingDay: '1',
    taxType: 'non_ppn',
    popId: '',
    productId: '',
    pppoeUsername: username ?? '',
    pppoePassword: '',
    download: '',
    upload: '',
  })
  const v = form.values
  const chooseProduct = (id: string) => {
    form.setValue('productId', id)
    const p = products.data?.find((x) => String(x.id) === id)
    if (p) {
      form.setValue('download', p.downloadMbps == null ? '' : String(p.downloadMbps))
      form.setValue('upload', p.uploadMbps == null ? '' : String(p.uploadMbps))
    }
  }
  const save = useMutation(trpc.registrations.product.mutationOptions(stepCallbacks(form, onClose)))
  const kbps = (mbps: string) => {
    const n = decimalOrNull(mbps)
    return n === null ? null : Math.round(n * 1000)
  }
  const submit = () => {
    const input = {
      registrationId,
      activationDate: v.activationDate,
      billingSchedule:
        v.billingKind === 'anniversary'
          ? { kind: 'anniversary' as const }
          : { kind: 'fixed' as const, day: integerOrNull(v.billingDay) ?? Number.NaN },
      taxType: v.taxType as TaxType,
      popId: idOrNull(v.popId),
      productId: idOrNull(v.productId) ?? Number.NaN,
      pppoeUsername: v.pppoeUsername,
      pppoePassword: v.pppoePassword,
      downloadKbps: kbps(v.download),
      uploadKbps: kbps(v.upload),
    }
    if (
      form.validate(registrationProductInput, input, (path) =>
        path.startsWith('billingSchedule') ? 'billingDay' : path,
      )
    )
      save.mutate(input)
  }
  return (
    <FormModal
      title={t('registrations.product.title')}
      onClose={onClose}
      onSubmit={submit}
      error={form.serverError}
      saving={save.isPending}
      submitLabel={t('registrations.product.submit')}
      size="lg"
    >
      <SimpleGrid cols={2}>
        <DateField
          label={t('registrations.product.activationDate')}
          required
          {...form.date('activationDate')}
        />
        <Select
          label={t('registrations.product.taxType')}
          required
          data={TAX_TYPES.map((x) => ({ value: x, label: t(`registrations.product.tax.${x}`) }))}
          {...form.select('taxType')}
        />
        <Select
          label={t('registrations.product.billing')}
          data={[
            { value: 'fixed', label: t('registrations.product.billingFixed') },
            { value: 'anniversary', label: t('registrations.product.billingAnniversary') },
          ]}
          {...form.select('billingKind')}
        />
        <TextInput
          label={t('registrations.product.billingDay')}
          disabled={v.billingKind === 'anniversary'}
          inputMode="numeric"
          {...form.text('billingDay')}
        />
        <Select
          label={t('registrations.product.pop')}
          clearable
          data={(pops.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
          {...form.select('popId')}
        />
        <Select
          label={t('registrations.product.product')}
          required
          searchable
          data={(products.data ?? [])
            .filter((p) => p.active)
            .map((p) => ({ value: String(p.id), label: p.name }))}
          value={v.productId || null}
          onChange={(id) => chooseProduct(id ?? '')}
          error={form.errorOf?.('productId')}
        />
      </SimpleGrid>
      <Text fw={600} size="sm">
        {t('registrations.product.radius')}
      </Text>
      <SimpleGrid cols={2}>
        <TextInput label={t('registrations.product.username')} {...form.text('pppoeUsername')} />
        <TextInput
          label={t('registrations.product.password')}
          description={t('registrations.product.passwordKeep')}
          {...form.text('pppoePassword')}
        />
      </SimpleGrid>
      <Text fw={600} size="sm">
        {t('registrations.product.mikrotik')}
      </Text>
      <SimpleGrid cols={2}>
        <TextInput label={t('registrations.product.download')} {...form.text('download')} />
        <TextInput label={t('registrations.product.upload')} {...form.text('upload')} />
      </SimpleGrid>
    </FormModal>
  )
}

type Item = { name: string; quantity: string; unit: string; notes: string }

/** Instalasi, first half: the visit, the fee, who goes and what to take from the warehouse. */
export function InstallationScheduleModal({ registrationId, onClose }: StepProps) {
  const { t } = useTranslation()
  const form = useFormState({
    date: useToday(),
    time: '',
    fee: '0',
    picId: '',
    technicianId: '',
    warehouse: '',
  })
  const [items, setItems] = useState<Item[]>([])
  const save = useMutation(
    trpc.registrations.scheduleInstallation.mutationOptions(stepCallbacks(form, onClose)),
  )
  const submit = () => {
    const v = form.values
    const input = {
      registrationId,
      date: v.date,
      time: v.time,
      fee: rupiahOrNull(v.fee) ?? Number.NaN,
      picId: idOrNull(v.picId),
      technicianId: idOrNull(v.technicianId),
      warehouse: v.warehouse,
      items: items.map((i) => ({
        name: i.name,
        quantity: decimalOrNull(i.quantity) ?? Number.NaN,
        unit: i.unit,
        notes: i.notes,
      })),
    }
    if (form.validate(installationScheduleInput, input)) save.mutate(input)
  }
  const setItem = (k: number, patch: Partial<Item>) =>
    setItems((list) => list.map((it, i) => (i === k ? { ...it, ...patch } : it)))
  return (
    <FormModal
      title={t('registrations.installation.title')}
      onClose={onClose}
      onSubmit={submit}
      error={form.serverError}
      saving={save.isPending}
      submitLabel={t('registrations.installation.submit')}
      size="xl"
    >
      <SimpleGrid cols={3}>
        <DateField label={t('registrations.installation.date')} required {...form.date('date')} />
        <TextInput
          label={t('registrations.installation.time')}
          placeholder="09:30"
          {...form.text('time')}
        />
        <TextInput
          label={t('registrations.installation.fee')}
          description={t('registrations.installation.feeHint')}
          inputMode="numeric"
          {...form.text('fee')}
        />
        <StaffPickers
          section="installation"
          pic={form.select('picId')}
          technician={form.select('technicianId')}
        />
        <TextInput label={t('registrations.installation.warehouse')} {...form.text('warehouse')} />
      </SimpleGrid>
      <Text fw={600} size="sm">
        {t('registrations.installation.items')}
      </Text>
      <Stack gap="xs">
        {items.map((it, k) => (
          <Group key={k} gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              style={{ flex: 3 }}
              label={t('registrations.installation.itemName')}
              value={it.name}
              error={form.errorOf?.(`items.${k}.name`)}
              onChange={(e) => setItem(k, { name: e.currentTarget.value })}
            />
            <TextInput
              style={{ flex: 1 }}
              label={t('registrations.installation.quantity')}
              value={it.quantity}
              error={form.errorOf?.(`items.${k}.quantity`)}
              onChange={(e) => setItem(k, { quantity: e.currentTarget.value })}
            />
            <TextInput
              style={{ flex: 1 }}
              label={t('registrations.installation.unit')}
              value={it.unit}
              onChange={(e) => setItem(k, { unit: e.currentTarget.value })}
            />
            <TextInput
              style={{ flex: 2 }}
              label={t('registrations.installation.itemNotes')}
              value={it.notes}
              onChange={(e) => setItem(k, { notes: e.currentTarget.value })}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mb={4}
              aria-label={t('registrations.installation.removeItem')}
              onClick={() => setItems((list) => list.filter((_, i) => i !== k))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          style={{ alignSelf: 'flex-start' }}
          onClick={() => setItems((l) => [...l, { name: '', quantity: '1', unit: '', notes: '' }])}
        >
          {t('registrations.installation.addItem')}
        </Button>
      </Stack>
    </FormModal>
  )
}

/** Instalasi → Finalisasi: the technician's parameters and photos. */
export function InstallationReportModal({ registrationId, onClose }: StepProps) {
  const { t } = useTranslation()
  const form = useFormState({ onuSerial: '', rxPower: '', cableLength: '', notes: '' })
  const [photos, setPhotos] = useState<File[]>([])
  const save = useMutation(
    trpc.registrations.installationReport.mutationOptions(stepCallbacks(form, onClose)),
  )
  const submit = async () => {
    const v = form.values
    const input = {
      registrationId,
      onuSerial: v.onuSerial,
      rxPower: decimalOrNull(v.rxPower) ?? Number.NaN,
      cableLength: decimalOrNull(v.cableLength) ?? Number.NaN,
      notes: v.notes,
      photos: await readPhotos(photos),
    }
    if (form.validate(installationReportInput, input)) save.mutate(input)
  }
  return (
    <FormModal
      title={t('registrations.installation.reportTitle')}
      onClose={onClose}
      onSubmit={() => void submit()}
      error={form.serverError}
      saving={save.isPending}
      submitLabel={t('registrations.installation.reportSubmit')}
      size="lg"
    >
      <SimpleGrid cols={3}>
        <TextInput
          label={t('registrations.installation.onuSerial')}
          required
          {...form.text('onuSerial')}
        />
        <TextInput
          label={t('registrations.installation.rxPower')}
          placeholder="-19,5"
          required
          {...form.text('rxPower')}
        />
        <TextInput
          label={t('registrations.installation.cableLength')}
          required
          inputMode="decimal"
          {...form.text('cableLength')}
        />
      </SimpleGrid>
      <Textarea
        label={t('registrations.installation.notes')}
        autosize
        minRows={2}
        {...form.text('notes')}
      />
      <PhotosInput
        label={t('registrations.installation.photos')}
        value={photos}
        onChange={setPhotos}
      />
    </FormModal>
  )
}

/** Finalisasi: both signatures, the switch, and the activation. */
export function BastModal({
  registrationId,
  onClose,
  customerName,
}: StepProps & { customerName: string }) {
  const { t } = useTranslation()
  const { me } = useSession()
  const form = useFormState({
    customerSignerName: customerName,
    technicianSignerName: me.user.name,
    restrictBeforePayment: false,
  })
  const [customerSig, setCustomerSig] = useState<string | null>(null)
  const [technicianSig, setTechnicianSig] = useState<string | null>(null)
  const [missing, setMissing] = useState<{ customer?: boolean; technician?: boolean }>({})
  const save = useMutation(
    trpc.registrations.signBast.mutationOptions(
      stepCallbacks(form, (r: { serviceStatus: string; invoiceNumber: string | null }) => {
        notifications.show({
          color: 'teal',
          message:
            r.serviceStatus === 'isolir'
              ? t('registrations.bast.doneRestricted')
              : t('registrations.bast.done', { invoice: r.invoiceNumber ?? '—' }),
        })
        onClose()
      }),
    ),
  )
  const submit = () => {
    const gaps = { customer: !customerSig, technician: !technicianSig }
    setMissing(gaps)
    const v = form.values
    const input = {
      registrationId,
      customerSignature: { mime: 'image/png' as const, data: customerSig ?? '' },
      technicianSignature: { mime: 'image/png' as const, data: technicianSig ?? '' },
      customerSignerName: v.customerSignerName,
      technicianSignerName: v.technicianSignerName,
      restrictBeforePayment: v.restrictBeforePayment,
    }
    if (form.validate(bastSignInput, input) && !gaps.customer && !gaps.technician)
      save.mutate(input)
  }
  return (
    <FormModal
      title={t('registrations.bast.title')}
      onClose={onClose}
      onSubmit={submit}
      error={form.serverError}
      saving={save.isPending}
      submitLabel={t('registrations.bast.submit')}
      size="xl"
    >
      <Switch
        label={t('registrations.bast.restrict')}
        description={t('registrations.bast.restrictHint')}
        checked={form.values.restrictBeforePayment}
        onChange={(e) => form.setValue('restrictBeforePayment', e.currentTarget.checked)}
      />
      <SimpleGrid cols={2}>
        <SignerField
          who="customer"
          signed={!!customerSig}
          onSign={setCustomerSig}
          missing={missing.customer}
          name={form.text('customerSignerName')}
        />
        <SignerField
          who="technician"
          signed={!!technicianSig}
          onSign={setTechnicianSig}
          missing={missing.technician}
          name={form.text('technicianSignerName')}
        />
      </SimpleGrid>
    </FormModal>
  )
}

/** Back one step, with the reason kept on the card's history. */
export function BackModal({ registrationId, onClose, to }: StepProps & { to: RegistrationStep }) {
  const { t } = useTranslation()
  const form = useFormState({ reason: '' })
  const stepName = t(`registrations.steps.${to}`)
  const save = useMutation(
    trpc.registrations.back.mutationOptions(
      stepCallbacks(form, () => {
        notifications.show({ message: t('registrations.back.done', { step: stepName }) })
        onClose()
      }),
    ),
  )
  const submit = () => {
    const input = { registrationId, reason: form.values.reason }
    if (form.validate(registrationBackInput, input)) save.mutate(input)
  }
  return (
    <FormModal
      title={t('registrations.back.title', { step: stepName })}
      onClose={onClose}
      onSubmit={submit}
      error={form.serverError}
      saving={save.isPending}
      submitLabel={t('registrations.back.submit')}
      submitColor="orange"
    >
      <Textarea
        label={t('registrations.back.reason')}
        required
        autosize
        minRows={2}
        data-autofocus
        {...form.text('reason')}
      />
    </FormModal>
  )
}
