import { Alert, Checkbox, Group, MultiSelect, Radio, Stack } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconBrandWhatsapp, IconEye } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ROLES, type Role } from '@shared/permissions'
import { TWO_FACTOR_MODES, type TwoFactorMode } from '@shared/schemas'
import { queryClient, trpc } from '../../api/client'
import { FormAlert } from '../../components/form-alert'
import { useSession, type RouterOutputs } from '../../session/session'
import { SettingsSection, SaveButton } from './settings-section'

type TwoFactorView = RouterOutputs['company']['twoFactor']

/**
 * The company's 2FA rule: who must confirm a sign-in with a WhatsApp code. Only a superadmin
 * changes it (the API checks too); everyone who may see the company page sees it.
 */
export function TwoFactorSection() {
  const { t } = useTranslation()
  const view = useQuery(trpc.company.twoFactor.queryOptions())
  return (
    <SettingsSection
      testId="two-factor-settings"
      title={t('twoFactor.title')}
      intro={t('twoFactor.intro')}
      query={view}
    >
      {(data) => <TwoFactorForm view={data} />}
    </SettingsSection>
  )
}

function TwoFactorForm({ view }: { view: TwoFactorView }) {
  const { t } = useTranslation()
  const { me, can } = useSession()
  const editable = me.user.role === 'superadmin'
  const [mode, setMode] = useState<TwoFactorMode>(view.mode)
  const [roles, setRoles] = useState<Role[]>(view.roles)
  const [userIds, setUserIds] = useState<string[]>(view.userIds.map(String))
  const [emptyPick, setEmptyPick] = useState(false)
  const users = useQuery(trpc.users.list.queryOptions({}, { enabled: can('users.view') }))
  const save = useMutation(
    trpc.company.setTwoFactor.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.company.twoFactor.queryKey(), saved)
        notifications.show({ color: 'teal', message: t('twoFactor.saved') })
      },
    }),
  )
  const submit = () => {
    const picked = mode === 'roles' ? roles.length : mode === 'users' ? userIds.length : 1
    setEmptyPick(picked === 0)
    if (picked === 0) return
    save.mutate({ mode, roles, userIds: userIds.map(Number) })
  }
  const pickError = emptyPick ? t('twoFactor.pickHint') : undefined
  const names = view.withoutNumber.map((u) => `${u.name} (@${u.username})`).join(', ')
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <Stack gap="md">
        {!editable && (
          <Alert color="gray" icon={<IconEye size={18} />}>
            {t('twoFactor.superadminOnly')}
          </Alert>
        )}
        {!view.whatsappReady && (
          <Alert color="orange" icon={<IconBrandWhatsapp size={18} />} data-testid="2fa-no-wa">
            {t('twoFactor.whatsappOff')}
          </Alert>
        )}
        {view.withoutNumber.length > 0 && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="2fa-no-number">
            {t('twoFactor.withoutNumber', { names })}
          </Alert>
        )}
        <Radio.Group
          label={t('twoFactor.mode')}
          value={mode}
          onChange={(value) => {
            setMode(value as TwoFactorMode)
            setEmptyPick(false)
          }}
        >
          <Group gap="lg" mt={6}>
            {TWO_FACTOR_MODES.map((m) => (
              <Radio key={m} value={m} label={t(`twoFactor.${m}`)} disabled={!editable} />
            ))}
          </Group>
        </Radio.Group>
        {mode === 'roles' && (
          <Checkbox.Group
            label={t('twoFactor.pickRoles')}
            value={roles}
            onChange={(value) => {
              setRoles(value as Role[])
              setEmptyPick(false)
            }}
            error={pickError}
          >
            <Group gap="lg" mt={6}>
              {ROLES.map((r) => (
                <Checkbox key={r} value={r} label={t(`roles.${r}`)} disabled={!editable} />
              ))}
            </Group>
          </Checkbox.Group>
        )}
        {mode === 'users' && (
          <MultiSelect
            label={t('twoFactor.pickUsers')}
            data={(users.data ?? [])
              .filter((u) => u.active || userIds.includes(String(u.id)))
              .map((u) => ({
                value: String(u.id),
                label: `${u.name} (@${u.username})`,
              }))}
            value={userIds}
            onChange={(value) => {
              setUserIds(value)
              setEmptyPick(false)
            }}
            searchable
            readOnly={!editable}
            error={pickError}
            maw={560}
          />
        )}
        <FormAlert error={save.error} />
        <SaveButton editable={editable} saving={save.isPending} />
      </Stack>
    </form>
  )
}
