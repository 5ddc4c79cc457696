import { Alert, Center, Container, Paper, Stack, Text, Title } from '@mantine/core'
import { QueryClientProvider, useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, Route, Routes } from 'react-router'
import {
  portalQueryClient,
  portalTrpc,
  takeStaffViewToken,
  usePortalToken,
} from '../../api/portal-client'
import { PageLoader, QueryError } from '../../components/query-state'
import { PortalComplaints } from './portal-complaints'
import { PortalContacts } from './portal-contacts'
import { PortalDevices } from './portal-devices'
import { PortalHistory } from './portal-history'
import { PortalInvoices } from './portal-invoices'
import { PortalPay } from './portal-pay'
import { PortalProfile } from './portal-profile'
import { PortalRegister } from './portal-register'
import { PortalServices } from './portal-services'
import { PortalShell } from './portal-shell'
import { PortalSignIn } from './portal-sign-in'

/**
 * The customer portal at /portal (issue 17): phone first, Indonesian, outside the office's
 * shell, with its own token and cache (api/portal-client.ts). Signed out it shows Masuk (and
 * Daftar when the company opened it); signed in, the customer's pages.
 */
export function PortalApp() {
  useEffect(() => {
    takeStaffViewToken()
    document.title = 'Portal pelanggan'
  }, [])
  return (
    <QueryClientProvider client={portalQueryClient}>
      <PortalGate />
    </QueryClientProvider>
  )
}

function PortalGate() {
  const { t } = useTranslation()
  const token = usePortalToken()
  const status = useQuery(portalTrpc.portal.status.queryOptions())
  if (status.isPending) return <PageLoader />
  if (status.isError)
    return (
      <Container size={480} py="xl">
        <QueryError error={status.error} onRetry={() => void status.refetch()} />
      </Container>
    )
  if (!status.data.available)
    return (
      <Center mih="100dvh" p="md">
        <Paper withBorder p="lg" maw={420}>
          <Stack>
            <Title order={2}>{t('portal.title')}</Title>
            <Alert color="gray">{t('portal.unavailable')}</Alert>
          </Stack>
        </Paper>
      </Center>
    )
  if (!token)
    return (
      <Routes>
        <Route path="daftar" element={<PortalRegister open={status.data.selfRegistration} />} />
        <Route
          path="*"
          element={
            <PortalSignIn
              companyName={status.data.companyName}
              selfRegistration={status.data.selfRegistration}
            />
          }
        />
      </Routes>
    )
  return (
    <Routes>
      <Route element={<PortalShell companyName={status.data.companyName ?? ''} />}>
        <Route index element={<Navigate to="tagihan" replace />} />
        <Route path="tagihan" element={<PortalInvoices />} />
        <Route path="bayar" element={<PortalPay />} />
        <Route path="riwayat" element={<PortalHistory />} />
        <Route path="layanan" element={<PortalServices />} />
        <Route path="keluhan" element={<PortalComplaints />} />
        <Route path="profil" element={<PortalProfile />} />
        <Route path="perangkat" element={<PortalDevices />} />
        <Route path="kontak" element={<PortalContacts />} />
        <Route path="*" element={<Navigate to="tagihan" replace />} />
      </Route>
    </Routes>
  )
}

/** A section title and its body: every portal page starts with one. */
export function PortalPage({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap="md">
      <Title order={2} fz={22}>
        {title}
      </Title>
      {children}
    </Stack>
  )
}

export function Muted({ children }: { children: React.ReactNode }) {
  return (
    <Text c="dimmed" size="sm">
      {children}
    </Text>
  )
}
