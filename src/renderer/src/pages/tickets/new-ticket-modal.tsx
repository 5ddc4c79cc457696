import { Divider, Group, Select, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { z } from 'zod'
import { openTicketInput } from '@shared/schemas'
import { TICKET_MEDIA, TICKET_PRIORITIES } from '@shared/tickets'
import { queryClient, trpc } from '../../api/client'
import { FormModal } from '../../components/form-modal'
import { useFormState } from '../../forms/use-form-state'
import { CustomerPicker } from '../messages/customer-picker'

interface PickedCustomer {
  id: number
  code: string
  name: string
}

interface Values {
  customer: PickedCustomer | null
  serviceId: string
  category: string
  priority: string
  medium: string
  title: string
  description: string
  assigneeId: string
  deviceSerial: string
  picName: string
  picPhone: string
}

/** A form field's name for each path of the API's input. */
const fieldOf = (path: string) => (path === 'customerId' ? 'customer' : path)

/**
 * "Tiket baru": who complains (a customer and one of their services, or nobody registered),
 * what about (category, priority, title, description), how it came in, and for a device ticket
 * the device's SN and the PIC on site. Opens the new ticket's page when saved.
 */
export function NewTicketModal({
  customer,
  initial,
  stay = false,
  onClose,
}: {
  /** The customer page opens the form with its customer already chosen. */
  customer?: PickedCustomer
  /** The troubleshooting screen fills in what it found (editable before saving). */
  initial?: Partial<Pick<Values, 'serviceId' | 'category' | 'title' | 'description'>>
  /** Stay where the form was opened (the troubleshooting screen) instead of the ticket's page. */
  stay?: boolean
  onClose: () => void
}) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const settings = useQuery(trpc.tickets.settings.queryOptions())
  const assignees = useQuery(trpc.tickets.assignees.queryOptions())
  const form = useFormState<Values>({
    customer: customer ?? null,
    serviceId: '',
    category: '',
    priority: 'sedang',
    medium: 'telepon',
    title: '',
    description: '',
    assigneeId: '',
    deviceSerial: '',
    picName: '',
    picPhone: '',
    ...initial,
  })
  const v = form.values
  const detail = useQuery(
    trpc.customers.get.queryOptions({ id: v.customer?.id ?? 0 }, { enabled: !!v.customer }),
  )
  const services = v.customer ? (detail.data?.services ?? []) : []

  const open = useMutation(
    trpc.tickets.open.mutationOptions({
      onSuccess: (created) => {
        notifications.show({
          color: 'teal',
          message:
            t('tickets.form.created', { number: created.number }) +
            (created.messages.queued > 0 ? ` ${t('tickets.form.messageQueued')}` : ''),
        })
        void queryClient.invalidateQueries(trpc.tickets.list.pathFilter())
        onClose()
        if (!stay) void navigate(`/tiket/${created.id}`)
      },
      onError: (error) => form.showServerError(error, {}, fieldOf),
    }),
  )

  const submit = () => {
    const input = {
      customerId: v.customer?.id ?? null,
      serviceId: v.serviceId ? Number(v.serviceId) : null,
      category: v.category,
      priority: v.priority,
      medium: v.medium,
      title: v.title,
      description: v.description,
      assigneeId: v.assigneeId ? Number(v.assigneeId) : null,
      deviceSerial: v.deviceSerial,
      picName: v.picName,
      picPhone: v.picPhone,
    }
    if (!form.validate(openTicketInput, input, fieldOf)) return
    // Validated above: the API takes the form's values as they are.
    open.mutate(input as z.input<typeof openTicketInput>)
  }

  const categories = (settings.data?.categories ?? []).filter((c) => c.active)
  return (
    <FormModal
      title={t('tickets.form.title')}
      size="lg"
      onClose={onClose}
      onSubmit={submit}
      error={form.serverError}
      saving={open.isPending}
      submitLabel={t('tickets.form.submit')}
    >
      <CustomerPicker
        label={t('tickets.form.customer')}
        placeholder={t('tickets.form.customerPlaceholder')}
        description={t('tickets.form.customerHint')}
        nothingFound={t('tickets.form.noCustomerFound')}
        value={v.customer}
        onChange={(c) => {
          form.setValue('customer', c)
          form.setValue('serviceId', '')
        }}
        error={form.errorOf('customer')}
      />
      {v.customer && (
        <Select
          label={t('tickets.form.service')}
          placeholder={t('tickets.form.servicePlaceholder')}
          clearable
          data={services.map((s) => ({
            value: String(s.id),
            label: `${s.sid} — ${s.productName}`,
          }))}
          {...form.select('serviceId')}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('tickets.form.category')}
          required
          allowDeselect={false}
          data={categories.map((c) => ({ value: c.key, label: c.label }))}
          {...form.select('category')}
        />
        <Select
          label={t('tickets.form.priority')}
          required
          allowDeselect={false}
          data={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`tickets.priorities.${p}`) }))}
          {...form.select('priority')}
        />
        <Select
          label={t('tickets.form.medium')}
          required
          allowDeselect={false}
          data={TICKET_MEDIA.filter((m) => m !== 'portal').map((m) => ({
            value: m,
            label: t(`tickets.media.${m}`),
          }))}
          {...form.select('medium')}
        />
      </SimpleGrid>
      <TextInput
        label={t('tickets.form.titleField')}
        placeholder={t('tickets.form.titlePlaceholder')}
        required
        {...form.text('title')}
      />
      <Textarea
        label={t('tickets.form.description')}
        placeholder={t('tickets.form.descriptionPlaceholder')}
        autosize
        minRows={3}
        maxRows={8}
        {...form.text('description')}
      />
      <Select
        label={t('tickets.form.assignee')}
        placeholder={t('tickets.form.assigneePlaceholder')}
        clearable
        data={(assignees.data ?? []).map((a) => ({ value: String(a.id), label: a.name }))}
        {...form.select('assigneeId')}
      />
      <Divider
        label={
          <Text fz="sm" c="dimmed">
            {t('tickets.form.device')}
          </Text>
        }
        labelPosition="left"
      />
      <Group grow align="flex-start">
        <TextInput
          label={t('tickets.form.deviceSerial')}
          placeholder={t('tickets.form.deviceSerialPlaceholder')}
          {...form.text('deviceSerial')}
        />
        <TextInput label={t('tickets.form.picName')} {...form.text('picName')} />
        <TextInput label={t('tickets.form.picPhone')} type="tel" {...form.text('picPhone')} />
      </Group>
    </FormModal>
  )
}
