import { Anchor, Button, Paper, Stack, Text } from '@mantine/core'
import { IconBrandWhatsapp } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { formatPhone, whatsappLink } from '@shared/phone'
import { portalTrpc } from '../../api/portal-client'
import { PageLoader, QueryError } from '../../components/query-state'
import { Muted, PortalPage } from './portal-app'

/** Kontak: the company's support contacts (company profile and the portal settings). */
export function PortalContacts() {
  const { t } = useTranslation()
  const c = useQuery(portalTrpc.portal.contacts.queryOptions())
  return (
    <PortalPage title={t('portal.contacts.title')}>
      {c.isPending ? (
        <PageLoader />
      ) : c.isError ? (
        <QueryError error={c.error} onRetry={() => void c.refetch()} />
      ) : (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Text fw={700}>{c.data.name}</Text>
            <Muted>{t('portal.contacts.intro')}</Muted>
            {c.data.whatsapp && (
              <Button
                component="a"
                href={whatsappLink(c.data.whatsapp)}
                target="_blank"
                rel="noreferrer"
                color="green"
                leftSection={<IconBrandWhatsapp size={18} />}
              >
                {t('portal.contacts.chat')} ({formatPhone(c.data.whatsapp)})
              </Button>
            )}
            {c.data.phone && (
              <Line label={t('portal.contacts.phone')}>
                <Anchor href={`tel:${c.data.phone}`}>{formatPhone(c.data.phone)}</Anchor>
              </Line>
            )}
            {c.data.email && (
              <Line label={t('portal.contacts.email')}>
                <Anchor href={`mailto:${c.data.email}`}>{c.data.email}</Anchor>
              </Line>
            )}
            {c.data.hours && <Line label={t('portal.contacts.hours')}>{c.data.hours}</Line>}
            {c.data.address && <Line label={t('portal.contacts.address')}>{c.data.address}</Line>}
          </Stack>
        </Paper>
      )}
    </PortalPage>
  )
}

function Line({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Muted>{label}</Muted>
      <Text size="sm">{children}</Text>
    </div>
  )
}
