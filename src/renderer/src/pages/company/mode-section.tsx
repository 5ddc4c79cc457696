import { Alert, Button, Group, Image, Modal, Radio, Stack, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconEye, IconInfoCircle, IconPlugConnected } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { hostUrlSchema, type DesktopMode, type ModeSettings } from '@shared/schemas'
import { queryClient, trpc } from '../../api/client'
import { FormAlert } from '../../components/form-alert'
import { useSession, type RouterOutputs } from '../../session/session'
import { ConnectionResult } from './mode-connection-result'
import { ModeDiscovery } from './mode-discovery'
import { SaveButton, SettingsSection } from './settings-section'

type ModeInfo = RouterOutputs['mode']['get']

/**
 * Pengaturan → Mode: where the office network finds this host (with a QR code for phones) and,
 * for the owner, whether this PC stays the host or becomes a client of another one at next start.
 */
export function ModeSection() {
  const { t } = useTranslation()
  const info = useQuery(trpc.mode.get.queryOptions())
  return (
    <SettingsSection
      testId="mode-settings"
      title={t('mode.title')}
      intro={t('mode.intro')}
      query={info}
    >
      {(data) => (
        <Stack gap="lg">
          <LanAddresses info={data} />
          <ModeForm info={data} />
        </Stack>
      )}
    </SettingsSection>
  )
}

function LanAddresses({ info }: { info: ModeInfo }) {
  const { t } = useTranslation()
  return (
    <Stack gap="xs" data-testid="mode-lan">
      <Text fw={600}>{t('mode.lanTitle')}</Text>
      {info.lan.length === 0 ? (
        <Alert color="gray" icon={<IconInfoCircle size={18} />}>
          {t('mode.lanNone', { port: info.port ?? '' })}
        </Alert>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('mode.lanIntro')}
          </Text>
          <Group gap="xl" align="flex-start">
            {info.lan.map((a) => (
              <Stack key={a.url} gap={4} align="center">
                <Image src={a.qr} w={150} h={150} alt={t('mode.qrAlt', { url: a.url })} />
                <Text ff="monospace" fw={600} data-testid="mode-lan-url">
                  {a.url}
                </Text>
              </Stack>
            ))}
          </Group>
        </>
      )}
    </Stack>
  )
}

function ModeForm({ info }: { info: ModeInfo }) {
  const { t } = useTranslation()
  const { can } = useSession()
  const editable = can('company.manage')
  const [mode, setMode] = useState<DesktopMode>(info.saved.mode)
  const [hostUrl, setHostUrl] = useState(info.saved.mode === 'client' ? info.saved.hostUrl : '')
  const [urlError, setUrlError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState<ModeSettings | null>(null)
  const test = useMutation(trpc.mode.testConnection.mutationOptions())
  const save = useMutation(
    trpc.mode.save.mutationOptions({
      onSuccess: (saved) => {
        setConfirming(null)
        void queryClient.invalidateQueries(trpc.mode.get.queryFilter())
        notifications.show({
          color: 'teal',
          message: t(`mode.savedAs.${saved.mode}`, {
            url: saved.mode === 'client' ? saved.hostUrl : '',
          }),
        })
      },
    }),
  )

  /** The address as the API will take it, or null with the reason shown under the field. */
  const checkedUrl = (): string | null => {
    const parsed = hostUrlSchema.safeParse(hostUrl)
    setUrlError(parsed.success ? null : t(parsed.error.issues[0]?.message ?? 'validation.host_url'))
    return parsed.success ? parsed.data : null
  }
  const submit = () => {
    if (mode === 'host') return save.mutate({ mode: 'host' })
    const url = checkedUrl()
    if (!url) return
    // This PC is a host with the company's data: becoming a client is confirmed first.
    setConfirming({ mode: 'client', hostUrl: url })
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
        {info.problem && (
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} data-testid="mode-problem">
            {t('mode.problem')}
          </Alert>
        )}
        {info.saved.mode === 'client' && (
          <Alert color="blue" icon={<IconInfoCircle size={18} />} data-testid="mode-pending">
            {t('mode.pending', { url: info.saved.hostUrl })}
          </Alert>
        )}
        {!editable && (
          <Alert color="gray" icon={<IconEye size={18} />}>
            {t('mode.onlyOwner')}
          </Alert>
        )}
        <Radio.Group
          label={t('mode.choice')}
          value={mode}
          onChange={(value) => setMode(value as DesktopMode)}
        >
          <Group gap="lg" mt={6}>
            <Radio value="host" label={t('mode.host')} disabled={!editable} />
            <Radio value="client" label={t('mode.client')} disabled={!editable} />
          </Group>
        </Radio.Group>
        {mode === 'client' && (
          <Stack gap="xs">
            <TextInput
              label={t('mode.hostUrl')}
              description={t('mode.hostUrlHint')}
              placeholder="http://192.168.1.10:8080"
              value={hostUrl}
              onChange={(e) => {
                setHostUrl(e.currentTarget.value)
                setUrlError(null)
                test.reset()
              }}
              error={urlError}
              disabled={!editable}
              maw={560}
              data-testid="mode-host-url"
              // The button sits beside the box itself, whatever the label, hint or error take.
              inputContainer={(input) => (
                <Group gap="sm" wrap="nowrap" align="center">
                  <div style={{ flex: 1 }}>{input}</div>
                  {editable && (
                    <Button
                      variant="light"
                      leftSection={<IconPlugConnected size={16} />}
                      loading={test.isPending}
                      onClick={() => {
                        const url = checkedUrl()
                        if (url) test.mutate({ hostUrl: url })
                      }}
                      data-testid="mode-test"
                    >
                      {t('mode.test')}
                    </Button>
                  )}
                </Group>
              )}
            />
            {editable && (
              <ModeDiscovery
                onPick={(url) => {
                  setHostUrl(url)
                  setUrlError(null)
                  test.mutate({ hostUrl: url })
                }}
              />
            )}
            {test.data && <ConnectionResult result={test.data} own={info.version} />}
            <FormAlert error={test.error} />
          </Stack>
        )}
        <Text size="sm" c="dimmed">
          {t('mode.nextStart')}
        </Text>
        <FormAlert error={save.error} />
        <SaveButton editable={editable} saving={save.isPending && !confirming} />
      </Stack>
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t('mode.confirmTitle')}
      >
        <Stack gap="md">
          <Text>
            {t('mode.confirmBody', {
              url: confirming?.mode === 'client' ? confirming.hostUrl : '',
            })}
          </Text>
          <FormAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="orange"
              loading={save.isPending}
              onClick={() => confirming && save.mutate(confirming)}
              data-testid="mode-confirm"
            >
              {t('mode.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </form>
  )
}
