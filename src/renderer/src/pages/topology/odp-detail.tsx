import {
  Anchor,
  Badge,
  Button,
  FileButton,
  Group,
  Image,
  Modal,
  Stack,
  Table,
  Text,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconMapPin, IconPencil, IconPhoto } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { queryClient, trpc } from '../../api/client'
import { errorMessage } from '../../api/errors'
import { useSession, type RouterOutputs } from '../../session/session'
import { base64Blob, readBase64 } from '../customers/attachments-files'
import { Loaded } from '../olt/loaded'

type OdpDetail = RouterOutputs['topology']['odp']
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const

/** One ODP: where it hangs, its capacity, every port with its customer, map link and photo. */
export function OdpDetailModal({
  id,
  onClose,
  onEdit,
  onDown,
}: {
  id: number
  onClose: () => void
  onEdit: (odp: {
    id: number
    name: string
    odcId: number
    ports: number
    used: number
    free: number
    mapsUrl: string | null
    down: boolean
    customers: []
  }) => void
  onDown?: (id: number) => void
}) {
  const { t } = useTranslation()
  const { can } = useSession()
  const odp = useQuery(trpc.topology.odp.queryOptions({ id }))
  return (
    <Modal opened onClose={onClose} size="xl" title={odp.data ? `ODP ${odp.data.name}` : ''}>
      <Loaded query={odp}>
        {(d) => (
          <Stack gap="sm" data-testid="odp-detail">
            <Group justify="space-between" align="flex-start">
              <Stack gap={2}>
                <Text fz="sm">
                  {d.oltName} · PON {d.pon} · ODC {d.odcName}
                </Text>
                {d.address && (
                  <Text fz="sm" c="dimmed">
                    {d.address}
                  </Text>
                )}
                <Group gap="xs">
                  <Badge variant="light" color={d.free === 0 ? 'orange' : 'teal'}>
                    {t('topology.capacity', d)}
                  </Badge>
                  {d.mapsUrl && (
                    <Anchor href={d.mapsUrl} target="_blank" rel="noreferrer" fz="sm">
                      <Group gap={4} component="span">
                        <IconMapPin size={14} />
                        {t('topology.openMap')}
                      </Group>
                    </Anchor>
                  )}
                </Group>
              </Stack>
              <Group gap="xs">
                {can('network.olt') && (
                  <Button
                    variant="default"
                    size="xs"
                    leftSection={<IconPencil size={14} />}
                    onClick={() =>
                      onEdit({
                        id: d.id,
                        name: d.name,
                        odcId: d.odcId,
                        ports: d.ports,
                        used: d.used,
                        free: d.free,
                        mapsUrl: d.mapsUrl,
                        down: false,
                        customers: [],
                      })
                    }
                  >
                    {t('topology.editOdp')}
                  </Button>
                )}
                {onDown && d.used > 0 && (
                  <Button
                    color="red"
                    variant="light"
                    size="xs"
                    leftSection={<IconAlertTriangle size={14} />}
                    onClick={() => onDown(d.id)}
                  >
                    {t('topology.markDown')}
                  </Button>
                )}
              </Group>
            </Group>
            <Group align="flex-start" wrap="nowrap" gap="md">
              <Table.ScrollContainer minWidth={420} mah={420} style={{ flex: 1 }}>
                <Table striped verticalSpacing={4} data-testid="odp-ports">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={60}>{t('topology.colPort')}</Table.Th>
                      <Table.Th>{t('topology.colCustomer')}</Table.Th>
                      <Table.Th>{t('topology.colService')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {d.portList.map((p) => (
                      <Table.Tr key={p.port} data-testid="odp-port" data-port={p.port}>
                        <Table.Td>{p.port}</Table.Td>
                        <Table.Td>
                          {p.customerId ? (
                            <Anchor component={Link} to={`/customers/${p.customerId}`} fz="sm">
                              {p.customerName} ({p.customerCode})
                            </Anchor>
                          ) : (
                            <Text fz="sm" c="dimmed">
                              {t('topology.free')}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td fz="sm">{p.sid ?? ''}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <OdpPhoto odp={d} />
            </Group>
          </Stack>
        )}
      </Loaded>
    </Modal>
  )
}

function OdpPhoto({ odp }: { odp: OdpDetail }) {
  const { t } = useTranslation()
  const { can } = useSession()
  const photo = useQuery(
    trpc.topology.odpPhoto.queryOptions({ odpId: odp.id }, { enabled: odp.hasPhoto }),
  )
  const url = useMemo(
    () =>
      photo.data
        ? URL.createObjectURL(base64Blob(photo.data.contentBase64, photo.data.mime))
        : null,
    [photo.data],
  )
  const upload = useMutation(
    trpc.topology.setOdpPhoto.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('topology.photoSaved') })
        void queryClient.invalidateQueries({ queryKey: trpc.topology.odp.queryKey() })
        void queryClient.invalidateQueries({ queryKey: trpc.topology.odpPhoto.queryKey() })
      },
      onError: (e) => notifications.show({ color: 'red', message: errorMessage(t, e) }),
    }),
  )
  const pick = async (file: File | null) => {
    if (!file) return
    upload.mutate({
      odpId: odp.id,
      mime: file.type as (typeof PHOTO_TYPES)[number],
      contentBase64: await readBase64(file),
    })
  }
  return (
    <Stack gap={6} w={220} align="center">
      <Text fz="sm" fw={600}>
        {t('topology.photo')}
      </Text>
      {url ? (
        <Image src={url} alt={t('topology.photo')} radius="sm" mah={220} fit="contain" />
      ) : (
        <Stack align="center" gap={2} c="dimmed" py="md">
          <IconPhoto size={28} />
          <Text fz="xs">{t('topology.noPhoto')}</Text>
        </Stack>
      )}
      {can('network.olt') && (
        <FileButton onChange={(f) => void pick(f)} accept={PHOTO_TYPES.join(',')}>
          {(props) => (
            <Button {...props} size="xs" variant="default" loading={upload.isPending}>
              {t('topology.photoUpload')}
            </Button>
          )}
        </FileButton>
      )}
    </Stack>
  )
}
