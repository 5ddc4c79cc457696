import { Alert, Box, Group, Stack, Switch, Text } from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { IconEye } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'react-router'
import { MODULE_KEYS, type ModuleKey, type ModuleState } from '@shared/modules'
import { queryClient, trpc } from '../../api/client'
import { errorMessage } from '../../api/errors'
import { useModuleText } from '../../components/module-text'
import { useSession } from '../../session/session'
import { SettingsSection } from './settings-section'

/**
 * Pengaturan → Modul: a switch per module (src/shared/modules.ts). Switching one off asks first
 * and deletes nothing; the menus of every user follow at their next `auth.me`.
 */
export function ModulesSection() {
  const { t } = useTranslation()
  const { hash } = useLocation()
  const anchor = useRef<HTMLDivElement>(null)
  const view = useQuery(trpc.company.modules.queryOptions())
  // "Buka Pengaturan → Modul" of a page of a module that is off lands here.
  useEffect(() => {
    if (hash === '#modul' && view.isSuccess) anchor.current?.scrollIntoView({ block: 'start' })
  }, [hash, view.isSuccess])
  return (
    <Box id="modul" ref={anchor}>
      <SettingsSection
        testId="modules-settings"
        title={t('modules.title')}
        intro={t('modules.intro')}
        query={view}
      >
        {(state) => <ModuleSwitches state={state} />}
      </SettingsSection>
    </Box>
  )
}

function ModuleSwitches({ state }: { state: ModuleState }) {
  const { t } = useTranslation()
  const { can } = useSession()
  const editable = can('company.manage')
  return (
    <Stack gap="md">
      {!editable && (
        <Alert color="gray" icon={<IconEye size={18} />}>
          {t('modules.ownerOnly')}
        </Alert>
      )}
      {MODULE_KEYS.map((key) => (
        <ModuleSwitch key={key} module={key} on={state[key]} editable={editable} />
      ))}
    </Stack>
  )
}

function ModuleSwitch({
  module,
  on,
  editable,
}: {
  module: ModuleKey
  on: boolean
  editable: boolean
}) {
  const { t } = useTranslation()
  const { label, description } = useModuleText(module)
  const save = useMutation(
    trpc.company.saveModules.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.company.modules.queryKey(), saved)
        // The menus, page guards and report tabs read the switches from auth.me.
        void queryClient.invalidateQueries(trpc.auth.me.queryFilter())
        notifications.show({
          color: 'teal',
          message: t(saved[module] ? 'modules.savedOn' : 'modules.savedOff', { name: label }),
        })
      },
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
    }),
  )
  const change = (next: boolean) => {
    if (next) {
      save.mutate({ [module]: true })
      return
    }
    modals.openConfirmModal({
      title: t('modules.offTitle', { name: label }),
      children: (
        <Stack gap="xs">
          <Text fz="sm" fw={600}>
            {t('modules.offBody')}
          </Text>
          <Text fz="sm" c="dimmed">
            {t('modules.offHint')}
          </Text>
        </Stack>
      ),
      labels: { confirm: t('modules.offConfirm'), cancel: t('common.cancel') },
      confirmProps: { color: 'red', 'data-testid': 'module-off-confirm' },
      onConfirm: () => save.mutate({ [module]: false }),
    })
  }
  return (
    <Group
      justify="space-between"
      align="flex-start"
      wrap="nowrap"
      gap="lg"
      data-testid={`module-${module}`}
    >
      <div>
        <Text fw={600}>{label}</Text>
        <Text size="sm" c="dimmed">
          {description}
        </Text>
      </div>
      <Switch
        size="md"
        checked={on}
        disabled={!editable || save.isPending}
        onChange={(e) => change(e.currentTarget.checked)}
        label={on ? t('modules.on') : t('modules.off')}
        labelPosition="left"
        aria-label={label}
        data-testid={`module-switch-${module}`}
        styles={{ label: { whiteSpace: 'nowrap' } }}
      />
    </Group>
  )
}
