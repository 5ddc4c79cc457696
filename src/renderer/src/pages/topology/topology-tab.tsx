import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Tooltip,
  UnstyledButton,
} from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import {
  IconAlertTriangle,
  IconChevronDown,
  IconChevronRight,
  IconMapPin,
  IconPencil,
  IconSitemap,
  IconTrash,
} from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { OutageTarget } from '@shared/schemas'
import { queryClient, trpc } from '../../api/client'
import { errorMessage } from '../../api/errors'
import { useSession, type RouterOutputs } from '../../session/session'
import { Loaded } from '../olt/loaded'
import { OdpDetailModal } from './odp-detail'
import { DeclareOutageModal } from './outage-modals'

type Tree = RouterOutputs['topology']['tree']
type Olt = Tree['pops'][number]['olts'][number]
type Odc = Olt['pons'][number]['odcs'][number]
type Odp = Odc['odps'][number]

export const refreshTopology = () => {
  void queryClient.invalidateQueries({ queryKey: trpc.topology.tree.queryKey() })
  void queryClient.invalidateQueries({ queryKey: trpc.topology.odp.queryKey() })
  void queryClient.invalidateQueries({ queryKey: trpc.topology.outages.queryKey() })
}

type Editing =
  | {
      kind: 'odc'
      odc: (Odc & { oltId: number; pon: string }) | null
      oltId?: number
      pon?: string
    }
  | { kind: 'odp'; odp: (Odp & { odcId: number }) | null; odcId?: number }

/**
 * Topologi: the whole tree from one request (POP → OLT → PON → ODC → ODP → customers), folded
 * and unfolded in the page without asking the host again; ODC/ODP forms, an ODP's ports, and
 * "Tandai gangguan" on any OLT, PON port, ODC or ODP.
 */
export function TopologyTab() {
  const { t } = useTranslation()
  const { can } = useSession()
  const manage = can('network.olt')
  const outage = can('network.outage')
  const tree = useQuery(trpc.topology.tree.queryOptions())
  const [open, setOpen] = useState<Set<string>>(new Set())
  const [editing, setEditing] = useState<Editing | null>(null)
  const [odpId, setOdpId] = useState<number | null>(null)
  const [target, setTarget] = useState<OutageTarget | null>(null)
  const toggle = (key: string) =>
    setOpen((s) => {
      const next = new Set(s)
      if (next.has(key)) next.delete(key)
      else next.add(key)
      return next
    })
  const expandAll = (tr: Tree) => {
    const keys = new Set<string>()
    for (const p of tr.pops) {
      keys.add(`pop:${p.id}`)
      for (const o of p.olts) {
        keys.add(`olt:${o.id}`)
        for (const n of o.pons) {
          keys.add(`pon:${o.id}:${n.pon}`)
          for (const d of n.odcs) keys.add(`odc:${d.id}`)
        }
      }
    }
    setOpen(keys)
  }
  const downAction = (t2: OutageTarget) =>
    outage ? (
      <Tooltip label={t('topology.markDown')}>
        <ActionIcon
          variant="subtle"
          color="red"
          size="sm"
          aria-label={t('topology.markDown')}
          onClick={() => setTarget(t2)}
        >
          <IconAlertTriangle size={16} />
        </ActionIcon>
      </Tooltip>
    ) : null

  return (
    <Stack gap="sm">
      <Loaded query={tree}>
        {(tr) => (
          <>
            <Group justify="space-between">
              <Text c="dimmed" fz="sm" data-testid="topology-totals">
                {t('topology.totals', tr.totals)}
              </Text>
              <Group gap="xs">
                <Button variant="default" size="xs" onClick={() => expandAll(tr)}>
                  {t('topology.expandAll')}
                </Button>
                <Button variant="default" size="xs" onClick={() => setOpen(new Set())}>
                  {t('topology.collapseAll')}
                </Button>
                {manage && (
                  <Button size="xs" onClick={() => setEditing({ kind: 'odc', odc: null })}>
                    {t('topology.addOdc')}
                  </Button>
                )}
                {manage && tr.totals.odcs > 0 && (
                  <Button size="xs" onClick={() => setEditing({ kind: 'odp', odp: null })}>
                    {t('topology.addOdp')}
                  </Button>
                )}
              </Group>
            </Group>
            {tr.pops.every((p) => p.olts.length === 0) ? (
              <Paper withBorder p="xl">
                <Stack align="center" gap={4}>
                  <IconSitemap size={28} />
                  <Text fw={600}>{t('topology.empty')}</Text>
                  <Text c="dimmed" fz="sm">
                    {t('topology.emptyHint')}
                  </Text>
                </Stack>
              </Paper>
            ) : (
              <Paper withBorder p="sm" data-testid="topology-tree">
                {tr.pops
                  .filter((p) => p.olts.length > 0)
                  .map((p) => (
                    <Node
                      key={`pop:${p.id}`}
                      depth={0}
                      open={open.has(`pop:${p.id}`)}
                      onToggle={() => toggle(`pop:${p.id}`)}
                      label={<Text fw={700}>{p.id === null ? t('topology.noPop') : p.name}</Text>}
                    >
                      {p.olts.map((o) => (
                        <Node
                          key={`olt:${o.id}`}
                          depth={1}
                          open={open.has(`olt:${o.id}`)}
                          onToggle={() => toggle(`olt:${o.id}`)}
                          label={<Name kind="OLT" name={o.name} down={o.down} />}
                          actions={downAction({ scope: 'olt', oltId: o.id })}
                        >
                          {o.pons.map((n) => (
                            <Node
                              key={`pon:${o.id}:${n.pon}`}
                              depth={2}
                              open={open.has(`pon:${o.id}:${n.pon}`)}
                              onToggle={() => toggle(`pon:${o.id}:${n.pon}`)}
                              label={<Name kind="PON" name={n.pon} down={n.down} />}
                              actions={downAction({ scope: 'pon', oltId: o.id, pon: n.pon })}
                            >
                              {n.odcs.map((d) => (
                                <Node
                                  key={`odc:${d.id}`}
                                  depth={3}
                                  open={open.has(`odc:${d.id}`)}
                                  onToggle={() => toggle(`odc:${d.id}`)}
                                  label={<Name kind="ODC" name={d.name} down={d.down} />}
                                  actions={
                                    <>
                                      <MapLink url={d.mapsUrl} />
                                      {manage && (
                                        <ActionIcon
                                          variant="subtle"
                                          size="sm"
                                          aria-label={t('topology.editOdc')}
                                          onClick={() =>
                                            setEditing({
                                              kind: 'odc',
                                              odc: { ...d, oltId: o.id, pon: n.pon },
                                            })
                                          }
                                        >
                                          <IconPencil size={16} />
                                        </ActionIcon>
                                      )}
                                      {downAction({ scope: 'odc', odcId: d.id })}
                                    </>
                                  }
                                >
                                  {d.odps.map((x) => (
                                    <Group
                                      key={x.id}
                                      gap="xs"
                                      pl={4 * 22}
                                      py={2}
                                      wrap="nowrap"
                                      data-testid="odp-node"
                                      data-name={x.name}
                                    >
                                      <Box w={16} />
                                      <Anchor
                                        component="button"
                                        fz="sm"
                                        onClick={() => setOdpId(x.id)}
                                      >
                                        <Name kind="ODP" name={x.name} down={x.down} />
                                      </Anchor>
                                      <Badge
                                        variant="light"
                                        color={x.free === 0 ? 'orange' : 'teal'}
                                        size="sm"
                                      >
                                        {t('topology.capacity', x)}
                                      </Badge>
                                      <Text fz="xs" c="dimmed" truncate maw={420}>
                                        {x.customers
                                          .map((c) => `${c.port}: ${c.customerName}`)
                                          .join(' · ')}
                                      </Text>
                                      <MapLink url={x.mapsUrl} />
                                      {downAction({ scope: 'odp', odpId: x.id })}
                                    </Group>
                                  ))}
                                </Node>
                              ))}
                            </Node>
                          ))}
                        </Node>
                      ))}
                    </Node>
                  ))}
              </Paper>
            )}
            {editing?.kind === 'odc' && (
              <OdcModal tree={tr} editing={editing} onClose={() => setEditing(null)} />
            )}
            {editing?.kind === 'odp' && (
              <OdpModal tree={tr} editing={editing} onClose={() => setEditing(null)} />
            )}
          </>
        )}
      </Loaded>
      {odpId !== null && (
        <OdpDetailModal
          id={odpId}
          onClose={() => setOdpId(null)}
          onEdit={(odp) => {
            setOdpId(null)
            setEditing({ kind: 'odp', odp })
          }}
          onDown={outage ? (id) => setTarget({ scope: 'odp', odpId: id }) : undefined}
        />
      )}
      {target && <DeclareOutageModal target={target} onClose={() => setTarget(null)} />}
    </Stack>
  )
}

function Node({
  depth,
  open,
  onToggle,
  label,
  actions,
  children,
}: {
  depth: number
  open: boolean
  onToggle: () => void
  label: ReactNode
  actions?: ReactNode
  children: ReactNode
}) {
  return (
    <>
      <Group gap="xs" pl={depth * 22} py={2} wrap="nowrap">
        <UnstyledButton onClick={onToggle} aria-expanded={open}>
          <Group gap={4} wrap="nowrap">
            {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
            {label}
          </Group>
        </UnstyledButton>
        {actions}
      </Group>
      {open && children}
    </>
  )
}

function Name({ kind, name, down }: { kind: string; name: string; down: boolean }) {
  const { t } = useTranslation()
  return (
    <Group gap={6} wrap="nowrap" component="span">
      <Text span fz="xs" c="dimmed" fw={600}>
        {kind}
      </Text>
      <Text span fz="sm" fw={500}>
        {name}
      </Text>
      {down && (
        <Badge color="red" size="xs" data-testid="down-badge">
          {t('topology.down')}
        </Badge>
      )}
    </Group>
  )
}

export function MapLink({ url }: { url: string | null }) {
  const { t } = useTranslation()
  if (!url) return null
  return (
    <Tooltip label={t('topology.openMap')}>
      <ActionIcon
        component="a"
        href={url}
        target="_blank"
        rel="noreferrer"
        variant="subtle"
        size="sm"
        aria-label={t('topology.openMap')}
      >
        <IconMapPin size={16} />
      </ActionIcon>
    </Tooltip>
  )
}

/** What saving or removing an ODC / ODP does after: a notice, the tree again, the form shut. */
function useDone(onClose: () => void) {
  const { t } = useTranslation()
  return (message: string) => ({
    onSuccess: () => {
      notifications.show({ color: 'teal', message })
      refreshTopology()
      onClose()
    },
    onError: (e: unknown) => notifications.show({ color: 'red', message: errorMessage(t, e) }),
  })
}

/** "Hapus" at the foot of a form, asking first; nothing on a new one. */
function RemoveButton({ title, onConfirm }: { title: string | null; onConfirm: () => void }) {
  const { t } = useTranslation()
  if (title === null) return <span />
  return (
    <Button
      variant="subtle"
      color="red"
      leftSection={<IconTrash size={16} />}
      onClick={() =>
        modals.openConfirmModal({
          title,
          children: <Text fz="sm">{t('topology.removeBody')}</Text>,
          labels: { confirm: t('topology.remove'), cancel: t('common.cancel') },
          confirmProps: { color: 'red' },
          onConfirm,
        })
      }
    >
      {t('topology.remove')}
    </Button>
  )
}

const num = (v: string | number) => (v === '' ? null : Number(v))

function OdcModal({
  tree,
  editing,
  onClose,
}: {
  tree: Tree
  editing: Extract<Editing, { kind: 'odc' }>
  onClose: () => void
}) {
  const { t } = useTranslation()
  const odc = editing.odc
  const olts = tree.pops.flatMap((p) => p.olts)
  const [name, setName] = useState(odc?.name ?? '')
  const [oltId, setOltId] = useState<string | null>(
    String(odc?.oltId ?? editing.oltId ?? olts[0]?.id ?? ''),
  )
  const [pon, setPon] = useState(odc?.pon ?? editing.pon ?? '')
  const [lat, setLat] = useState<string | number>(coordOf(odc?.mapsUrl, 0))
  const [lng, setLng] = useState<string | number>(coordOf(odc?.mapsUrl, 1))
  const [notes, setNotes] = useState(odc?.notes ?? '')
  const done = useDone(onClose)
  const save = useMutation(
    trpc.topology.saveOdc.mutationOptions(done(t('topology.saved', { name }))),
  )
  const remove = useMutation(
    trpc.topology.removeOdc.mutationOptions(done(t('topology.removed', { name }))),
  )
  const input = {
    name,
    oltId: Number(oltId),
    pon,
    latitude: num(lat),
    longitude: num(lng),
    notes: notes || undefined,
  }
  return (
    <Modal opened onClose={onClose} title={odc ? t('topology.editOdc') : t('topology.addOdc')}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          save.mutate(odc ? { ...input, id: odc.id } : input)
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('topology.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            data-autofocus
          />
          <Select
            label={t('topology.olt')}
            data={olts.map((o) => ({ value: String(o.id), label: o.name }))}
            value={oltId}
            onChange={setOltId}
            allowDeselect={false}
          />
          <TextInput
            label={t('topology.ponPort')}
            description={t('topology.ponHint')}
            value={pon}
            onChange={(e) => setPon(e.currentTarget.value)}
            required
          />
          <Group grow>
            <NumberInput
              label={t('topology.latitude')}
              value={lat}
              onChange={setLat}
              decimalScale={7}
              decimalSeparator="."
            />
            <NumberInput
              label={t('topology.longitude')}
              value={lng}
              onChange={setLng}
              decimalScale={7}
              decimalSeparator="."
            />
          </Group>
          <Textarea
            label={t('topology.notes')}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            autosize
            minRows={1}
          />
          <Group justify="space-between">
            <RemoveButton
              title={odc ? t('topology.removeOdcTitle', { name: odc.name }) : null}
              onConfirm={() => odc && remove.mutate({ id: odc.id })}
            />
            <Button type="submit" loading={save.isPending}>
              {t('topology.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

/** The coordinates back out of a maps link (the tree carries the link, not the numbers). */
function coordOf(url: string | null | undefined, i: 0 | 1): string | number {
  const q = url?.split('q=')[1]?.split(',')[i]
  return q === undefined ? '' : Number(q)
}

function OdpModal({
  tree,
  editing,
  onClose,
}: {
  tree: Tree
  editing: Extract<Editing, { kind: 'odp' }>
  onClose: () => void
}) {
  const { t } = useTranslation()
  const odp = editing.odp
  const odcs = tree.pops.flatMap((p) =>
    p.olts.flatMap((o) =>
      o.pons.flatMap((n) => n.odcs.map((d) => ({ ...d, where: `${o.name} · PON ${n.pon}` }))),
    ),
  )
  const [name, setName] = useState(odp?.name ?? '')
  const [odcId, setOdcId] = useState<string | null>(
    String(odp?.odcId ?? editing.odcId ?? odcs[0]?.id ?? ''),
  )
  const [ports, setPorts] = useState<string | number>(odp?.ports ?? 8)
  const [address, setAddress] = useState('')
  const [lat, setLat] = useState<string | number>(coordOf(odp?.mapsUrl, 0))
  const [lng, setLng] = useState<string | number>(coordOf(odp?.mapsUrl, 1))
  const detail = useQuery(trpc.topology.odp.queryOptions({ id: odp?.id ?? 0 }, { enabled: !!odp }))
  const [loaded, setLoaded] = useState(false)
  if (detail.data && !loaded) {
    setLoaded(true)
    setAddress(detail.data.address ?? '')
  }
  const done = useDone(onClose)
  const save = useMutation(
    trpc.topology.saveOdp.mutationOptions(done(t('topology.saved', { name }))),
  )
  const remove = useMutation(
    trpc.topology.removeOdp.mutationOptions(done(t('topology.removed', { name }))),
  )
  const input = {
    name,
    odcId: Number(odcId),
    ports: Number(ports),
    address: address || undefined,
    latitude: num(lat),
    longitude: num(lng),
    notes: detail.data?.notes ?? undefined,
  }
  return (
    <Modal opened onClose={onClose} title={odp ? t('topology.editOdp') : t('topology.addOdp')}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          save.mutate(odp ? { ...input, id: odp.id } : input)
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('topology.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            data-autofocus
          />
          <Select
            label={t('topology.odc')}
            data={odcs.map((d) => ({ value: String(d.id), label: `${d.name} (${d.where})` }))}
            value={odcId}
            onChange={setOdcId}
            allowDeselect={false}
          />
          <NumberInput
            label={t('topology.ports')}
            value={ports}
            onChange={setPorts}
            min={1}
            max={128}
            allowDecimal={false}
          />
          <TextInput
            label={t('topology.address')}
            value={address}
            onChange={(e) => setAddress(e.currentTarget.value)}
          />
          <Group grow>
            <NumberInput
              label={t('topology.latitude')}
              value={lat}
              onChange={setLat}
              decimalScale={7}
              decimalSeparator="."
            />
            <NumberInput
              label={t('topology.longitude')}
              value={lng}
              onChange={setLng}
              decimalScale={7}
              decimalSeparator="."
            />
          </Group>
          <Group justify="space-between">
            <RemoveButton
              title={odp ? t('topology.removeOdpTitle', { name: odp.name }) : null}
              onConfirm={() => odp && remove.mutate({ id: odp.id })}
            />
            <Button type="submit" loading={save.isPending}>
              {t('topology.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
