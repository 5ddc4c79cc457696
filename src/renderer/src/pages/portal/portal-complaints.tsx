import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { portalTrpc } from '../../api/portal-client'
import { errorMessage } from '../../api/errors'
import { PageLoader, QueryError } from '../../components/query-state'
import { whenLocal } from './format'
import { Muted, PortalPage } from './portal-app'

const COLOR: Record<string, string> = {
  baru: 'blue',
  dalam_proses: 'orange',
  menunggu_konfirmasi: 'grape',
  selesai: 'teal',
  dibatalkan: 'gray',
}

/** Keluhan: a complaint becomes a ticket for the office; its status follows here. */
export function PortalComplaints() {
  const { t } = useTranslation()
  const categories = useQuery(portalTrpc.portal.complaintCategories.queryOptions())
  const services = useQuery(portalTrpc.portal.services.queryOptions())
  const list = useQuery(portalTrpc.portal.complaints.queryOptions())
  const [category, setCategory] = useState<string | null>(null)
  const [serviceId, setServiceId] = useState<string | null>(null)
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const send = useMutation(
    portalTrpc.portal.complain.mutationOptions({
      onSuccess: (r) => {
        notifications.show({
          color: 'teal',
          message: t('portal.complaints.sent', { number: r.number }),
        })
        setTitle('')
        setDescription('')
        void list.refetch()
      },
    }),
  )
  const chosen = category ?? categories.data?.[0]?.key ?? null
  return (
    <PortalPage title={t('portal.complaints.title')}>
      <Paper withBorder p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault()
            if (chosen && title.trim())
              send.mutate({
                category: chosen,
                serviceId: serviceId ? Number(serviceId) : null,
                title,
                description,
              })
          }}
        >
          <Stack>
            <Text fw={600}>{t('portal.complaints.new')}</Text>
            <Select
              label={t('portal.complaints.category')}
              data={(categories.data ?? []).map((c) => ({ value: c.key, label: c.label }))}
              value={chosen}
              allowDeselect={false}
              onChange={setCategory}
            />
            {(services.data?.length ?? 0) > 1 && (
              <Select
                label={t('portal.complaints.service')}
                placeholder={t('portal.complaints.anyService')}
                clearable
                data={(services.data ?? []).map((s) => ({
                  value: String(s.id),
                  label: `${s.packageName} (${s.sid})`,
                }))}
                value={serviceId}
                onChange={setServiceId}
              />
            )}
            <TextInput
              label={t('portal.complaints.subject')}
              placeholder={t('portal.complaints.subjectPlaceholder')}
              value={title}
              maxLength={150}
              onChange={(e) => setTitle(e.currentTarget.value)}
              required
            />
            <Textarea
              label={t('portal.complaints.description')}
              value={description}
              autosize
              minRows={3}
              maxLength={4000}
              onChange={(e) => setDescription(e.currentTarget.value)}
            />
            {send.error && <Alert color="red">{errorMessage(t, send.error)}</Alert>}
            <Group justify="flex-end">
              <Button type="submit" disabled={!title.trim() || !chosen} loading={send.isPending}>
                {t('portal.complaints.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <Text fw={600}>{t('portal.complaints.list')}</Text>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <Muted>{t('portal.complaints.empty')}</Muted>
      ) : (
        <Stack gap="sm">
          {list.data.map((c) => (
            <Paper key={c.id} withBorder p="md">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div>
                  <Text fw={600}>{c.title}</Text>
                  <Muted>
                    {c.number} · {c.category}
                  </Muted>
                  <Muted>{t('portal.complaints.sentOn', { date: whenLocal(c.createdAt) })}</Muted>
                </div>
                <Badge color={COLOR[c.status] ?? 'gray'} variant="light">
                  {t(`portal.complaints.status.${c.status}`, { defaultValue: c.status })}
                </Badge>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </PortalPage>
  )
}
