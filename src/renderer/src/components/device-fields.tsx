import {
  Badge,
  Button,
  Group,
  NumberInput,
  PasswordInput,
  SimpleGrid,
  Switch,
  Table,
  Text,
  TextInput,
  Textarea,
  type PasswordInputProps,
} from '@mantine/core'
import type { ChangeEvent, ReactNode } from 'react'
import { formatInstant } from '@shared/dates'
import { intlLocale } from '../i18n'

/**
 * The parts the forms and lists of devices Loket reaches on the LAN (routers, OLTs) have in
 * common: where the device is, its saved secret, the connection test, notes and "active".
 */

/** A text field bound to a form (useFormState's `form.text(key)`). */
type TextBinding = {
  value: string
  onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => void
  error: string | undefined
}

/** The form fields these parts read and write (useFormState's form, any with these keys). */
interface DeviceForm {
  values: { port: number; active: boolean }
  text: (key: 'host' | 'notes') => TextBinding
  errorOf: (key: 'port') => string | undefined
  setValue: ((key: 'port', value: number) => void) & ((key: 'active', value: boolean) => void)
}

/** Address and port on one row, the address twice as wide. */
export function HostPortFields({
  form,
  hostLabel,
  portLabel,
  placeholder,
}: {
  form: DeviceForm
  hostLabel: string
  portLabel: string
  placeholder: string
}) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <TextInput
        label={hostLabel}
        required
        placeholder={placeholder}
        {...form.text('host')}
        style={{ gridColumn: 'span 2' }}
      />
      <NumberInput
        label={portLabel}
        required
        min={1}
        max={65535}
        value={form.values.port}
        error={form.errorOf('port')}
        onChange={(value) => form.setValue('port', Number(value) || 0)}
      />
    </SimpleGrid>
  )
}

/**
 * A password, community or key sealed for the device's address: left empty it keeps the saved
 * one (`keepText`), unless the address moved, when it must be typed again (`movedText` says so).
 */
export function SavedSecretInput({
  saved,
  moved,
  keepText,
  movedText,
  ...input
}: PasswordInputProps & {
  /** Editing a device that has a secret saved. */
  saved: boolean
  moved: boolean
  keepText: string
  movedText?: string
}) {
  return (
    <PasswordInput
      required={!saved || moved}
      autoComplete="new-password"
      placeholder={saved && !moved ? keepText : undefined}
      description={
        moved && movedText ? (
          <Text span fz="xs" c="orange.8">
            {movedText}
          </Text>
        ) : undefined
      }
      {...input}
    />
  )
}

/** "Tes koneksi" on the form's values, before saving. */
export function TestConnectionButton({
  label,
  pendingLabel,
  pending,
  onClick,
  testId,
}: {
  label: string
  pendingLabel: string
  pending: boolean
  onClick: () => void
  testId: string
}) {
  return (
    <Group>
      <Button variant="light" onClick={onClick} loading={pending} data-testid={testId}>
        {pending ? pendingLabel : label}
      </Button>
    </Group>
  )
}

/** Notes, and the "active" switch of a device being edited (a new one starts active). */
export function NotesAndActiveFields({
  form,
  notesLabel,
  activeLabel,
  editing,
}: {
  form: DeviceForm
  notesLabel: string
  activeLabel: string
  editing: boolean
}) {
  return (
    <>
      <Textarea label={notesLabel} autosize minRows={2} {...form.text('notes')} />
      {editing && (
        <Switch
          label={activeLabel}
          checked={form.values.active}
          onChange={(e) => form.setValue('active', e.currentTarget.checked)}
        />
      )}
    </>
  )
}

/** A device list's first cell: its name, and a badge when it is switched off. */
export function DeviceNameCell({
  name,
  active,
  inactiveLabel,
}: {
  name: string
  active: boolean
  inactiveLabel: string
}) {
  return (
    <Table.Td>
      <Text fw={600}>{name}</Text>
      {!active && (
        <Badge color="gray" variant="light">
          {inactiveLabel}
        </Badge>
      )}
    </Table.Td>
  )
}

/** When Loket last reached the device (in the company's time zone), and the last failure. */
export function LastReachedCell({
  at,
  timeZone,
  neverLabel,
  error,
  errorTestId,
}: {
  at: string | null
  timeZone: string
  neverLabel: string
  error: ReactNode
  errorTestId: string
}) {
  return (
    <Table.Td fz="sm">
      {at ? formatInstant(at, timeZone, intlLocale()) : neverLabel}
      {error && (
        <Text fz="xs" c="red" data-testid={errorTestId}>
          {error}
        </Text>
      )}
    </Table.Td>
  )
}
