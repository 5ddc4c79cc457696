import {
  Alert,
  Anchor,
  Button,
  Code,
  CopyButton,
  Group,
  List,
  NumberInput,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconCheck, IconCopy, IconInfoCircle } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isIpv4OrHostName } from '@shared/schemas'
import { trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import { NoRouters, pickRouter, RouterSelect } from './monitor-router-select'

/** The address this browser reached the host on: what the router's NAT must send customers to. */
function hostOfPage(): { address: string; port: number } {
  const { hostname, port, protocol } = window.location
  const http = protocol === 'http:' || protocol === 'https:'
  return {
    address: http ? hostname : '',
    port: Number(port) || (protocol === 'https:' ? 443 : 80),
  }
}

const LOCAL = /^(localhost|127\.\d+\.\d+\.\d+|::1|\[::1\])$/i

/** The RouterOS commands to paste once per router so isolated customers land on /isolir. */
export function IsolirSetupTab() {
  const { t } = useTranslation()
  const routers = useQuery(trpc.network.routers.queryOptions())
  const [routerId, setRouterId] = useState<number | null>(null)
  const [host, setHost] = useState(hostOfPage)
  const [debounced] = useDebouncedValue(host, 300)
  const chosen = pickRouter(routers.data ?? [], routerId)
  const address = debounced.address.trim()
  // The script is pasted into the router: only an address or a name is asked for (the API agrees).
  const addressOk = isIpv4OrHostName(address)
  const script = useQuery({
    ...trpc.network.isolirScript.queryOptions({
      routerId: chosen?.id ?? 0,
      hostAddress: address,
      hostPort: debounced.port,
    }),
    enabled: !!chosen && addressOk && debounced.port > 0,
    placeholderData: keepPreviousData,
  })

  if (routers.isPending) return <PageLoader />
  if (routers.isError)
    return <QueryError error={routers.error} onRetry={() => void routers.refetch()} />
  if (!chosen) return <NoRouters />

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={2} fz="h4">
          {t('monitor.setup.title')}
        </Title>
        <Text fz="sm" c="dimmed">
          {t('monitor.setup.intro')}
        </Text>
      </Stack>
      <Group align="flex-start">
        <RouterSelect routers={routers.data} value={chosen.id} onChange={setRouterId} />
        <TextInput
          w={260}
          label={t('monitor.setup.hostAddress')}
          placeholder={t('monitor.setup.hostAddressHint')}
          value={host.address}
          error={
            address !== '' && !addressOk && host.address.trim() === address
              ? t('validation.host_address')
              : undefined
          }
          onChange={(e) => {
            const address = e.currentTarget.value
            setHost((h) => ({ ...h, address }))
          }}
        />
        <NumberInput
          w={120}
          label={t('monitor.setup.hostPort')}
          min={1}
          max={65535}
          allowDecimal={false}
          value={host.port}
          onChange={(v) => setHost((h) => ({ ...h, port: typeof v === 'number' ? v : 0 }))}
        />
      </Group>
      {LOCAL.test(host.address.trim()) && (
        <Alert color="yellow" icon={<IconInfoCircle size={18} />}>
          {t('monitor.setup.localWarning', { host: host.address.trim() })}
        </Alert>
      )}
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Group justify="space-between">
            <Text fw={600}>{t('monitor.setup.script')}</Text>
            {script.data && addressOk && (
              <CopyButton value={script.data.script}>
                {({ copied, copy }) => (
                  <Button
                    size="xs"
                    variant={copied ? 'light' : 'default'}
                    color={copied ? 'teal' : undefined}
                    leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                    onClick={copy}
                  >
                    {copied ? t('monitor.setup.copied') : t('monitor.setup.copy')}
                  </Button>
                )}
              </CopyButton>
            )}
          </Group>
          {script.isError ? (
            <QueryError error={script.error} onRetry={() => void script.refetch()} />
          ) : script.data && addressOk ? (
            <Code block data-testid="isolir-script" style={{ whiteSpace: 'pre-wrap' }}>
              {script.data.script}
            </Code>
          ) : script.isFetching ? (
            <PageLoader />
          ) : null}
        </Stack>
      </Paper>
      <Stack gap={4}>
        <Text fw={600}>{t('monitor.setup.steps')}</Text>
        <List type="ordered" fz="sm" spacing={4}>
          <List.Item>{t('monitor.setup.step1')}</List.Item>
          <List.Item>{t('monitor.setup.step2')}</List.Item>
          <List.Item>{t('monitor.setup.step3')}</List.Item>
          <List.Item>{t('monitor.setup.step4')}</List.Item>
        </List>
        {window.location.protocol.startsWith('http') && (
          <Anchor href="/isolir" target="_blank" rel="noreferrer" fz="sm">
            {t('monitor.setup.preview')}
          </Anchor>
        )}
      </Stack>
    </Stack>
  )
}
