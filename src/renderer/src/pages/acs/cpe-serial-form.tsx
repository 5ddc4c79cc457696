import { Button, Group, Stack, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { serviceCpeSerialInput } from '@shared/schemas'
import { trpc } from '../../api/client'
import { errorMessage, validationIssues, validationMessage } from '../../api/errors'
import { refreshCpeCard } from './cpe-device'
import type { CpeServiceRow } from './types'

/** The CPE serial of each service, for a modem the ACS cannot find by its PPPoE login. */
export function CpeSerialForm({
  customerId,
  services,
}: {
  customerId: number
  services: CpeServiceRow[]
}) {
  const { t } = useTranslation()
  return (
    <Stack gap={6} data-testid="cpe-serial-form">
      <Text fz="sm" fw={600}>
        {t('acs.card.serialTitle')}
      </Text>
      <Text fz="xs" c="dimmed">
        {t('acs.card.serialHint')}
      </Text>
      {services.map((s) => (
        <SerialRow key={s.id} customerId={customerId} service={s} />
      ))}
    </Stack>
  )
}

function SerialRow({ customerId, service }: { customerId: number; service: CpeServiceRow }) {
  const { t } = useTranslation()
  const [serial, setSerial] = useState(service.cpeSerial ?? '')
  const [error, setError] = useState<string | null>(null)
  const save = useMutation(
    trpc.acs.setServiceSerial.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('acs.card.serialSaved') })
        refreshCpeCard(customerId)
      },
      onError: (e) => {
        const issue = validationIssues(e)[0]
        if (issue) setError(issue.message)
        else notifications.show({ color: 'red', message: errorMessage(t, e) })
      },
    }),
  )
  const submit = () => {
    const parsed = serviceCpeSerialInput.safeParse({ serviceId: service.id, serial })
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? null)
    setError(null)
    save.mutate(parsed.data)
  }
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <TextInput
        size="xs"
        style={{ flex: 1 }}
        label={service.sid}
        placeholder="ZTEGC8A1B2C3"
        value={serial}
        onChange={(e) => setSerial(e.currentTarget.value)}
        error={error ? validationMessage(t, error) : undefined}
      />
      <Button size="xs" mt={22} variant="default" loading={save.isPending} onClick={submit}>
        {t('acs.card.serialSave')}
      </Button>
    </Group>
  )
}
