import { Alert, PasswordInput, Select, SimpleGrid, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconInfoCircle } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ROLES } from '@shared/permissions'
import { formatPhone } from '@shared/phone'
import { userCreateInput, userUpdateInput } from '@shared/schemas'
import { trpc } from '../../api/client'
import { FormModal } from '../../components/form-modal'
import { useFormState } from '../../forms/use-form-state'
import { useSession } from '../../session/session'
import type { UserRow } from './types'
import { refreshUsers } from './refresh-users'

/** Add a user (with an initial password they must replace), or edit one's name, contacts, role. */
export function UserFormModal({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  const { t } = useTranslation()
  const { me } = useSession()
  const form = useFormState({
    name: user?.name ?? '',
    username: user?.username ?? '',
    phone: user?.phone ? formatPhone(user.phone) : '',
    email: user?.email ?? '',
    role: user?.role ?? '',
    password: '',
  })
  const codeFields = {
    USERNAME_TAKEN: 'username',
    PASSWORD_TOO_WEAK: 'password',
    LAST_SUPERADMIN: 'role',
    CANNOT_CHANGE_OWN_ACCOUNT: 'role',
  } as const
  const saved = (name: string, messageKey: string) => {
    notifications.show({ color: 'teal', message: t(messageKey, { name }) })
    refreshUsers()
    onClose()
  }
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: (created) => saved(created.name, 'users.created'),
      onError: (error) => form.showServerError(error, codeFields),
    }),
  )
  const update = useMutation(
    trpc.users.update.mutationOptions({
      onSuccess: (updated) => saved(updated.name, 'users.updated'),
      onError: (error) => form.showServerError(error, codeFields),
    }),
  )

  const self = user?.id === me.user.id
  // Only a superadmin may hand out the superadmin role (no escalation by a lesser admin).
  const roles = ROLES.filter((role) => role !== 'superadmin' || me.user.role === 'superadmin')
  const roleOptions = roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))

  const submit = () => {
    const { name, username, phone, email, role, password } = form.values
    if (user) {
      const input = { id: user.id, name, phone, email, role: role as UserRow['role'] }
      if (form.validate(userUpdateInput, input)) update.mutate(input)
    } else {
      const input = { name, username, phone, email, role: role as UserRow['role'], password }
      if (form.validate(userCreateInput, input)) create.mutate(input)
    }
  }

  return (
    <FormModal
      title={user ? t('users.editTitle') : t('users.createTitle')}
      size="lg"
      onClose={onClose}
      onSubmit={submit}
      error={form.serverError}
      saving={create.isPending || update.isPending}
    >
      <TextInput label={t('fields.fullName')} required data-autofocus {...form.text('name')} />
      <TextInput
        label={t('fields.username')}
        required={!user}
        readOnly={Boolean(user)}
        autoCapitalize="none"
        autoComplete="off"
        {...form.text('username')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('fields.phone')} inputMode="tel" {...form.text('phone')} />
        <TextInput label={t('fields.email')} type="email" {...form.text('email')} />
      </SimpleGrid>
      <Select
        label={t('fields.role')}
        placeholder={t('users.pickRole')}
        required
        data={roleOptions}
        allowDeselect={false}
        disabled={self}
        {...form.select('role')}
      />
      {!user && (
        <>
          <PasswordInput
            label={t('users.initialPassword')}
            description={t('password.rule')}
            required
            autoComplete="new-password"
            {...form.text('password')}
          />
          <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />}>
            {t('users.initialPasswordHint')}
          </Alert>
        </>
      )}
    </FormModal>
  )
}
