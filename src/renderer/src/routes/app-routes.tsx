import { Navigate, Route, Routes } from 'react-router'
import type { Permission } from '@shared/permissions'
import { AboutPage } from '../pages/about/about-page'
import { AuditPage } from '../pages/audit/audit-page'
import { InvoicePage } from '../pages/billing/invoice-page'
import { InvoicesPage } from '../pages/billing/invoices-page'
import { CashierPage } from '../pages/cashier/cashier-page'
import { ClosingPage } from '../pages/closing/closing-page'
import { PaymentImportPage } from '../pages/payment-import/payment-import-page'
import { PaymentsPage } from '../pages/payments/payments-page'
import { ReportsPage } from '../pages/reports/reports-page'
import { NetworkPage } from '../pages/network/network-page'
import { RouterImportPage } from '../pages/network/router-import-page'
import { HotspotPage } from '../pages/hotspot/hotspot-page'
import { WarehousePage } from '../pages/warehouse/warehouse-page'
import { OltPage } from '../pages/olt/olt-page'
import { RegistrationsPage } from '../pages/registrations/registrations-page'
import { CollectionsPage } from '../pages/collections/collections-page'
import { MessagesPage } from '../pages/messages/messages-page'
import { SchedulePage } from '../pages/schedule/schedule-page'
import { BackupPage } from '../pages/backup/backup-page'
import { CatalogPage } from '../pages/catalog/catalog-page'
import { ChangePasswordPage } from '../pages/change-password-page'
import { CompanyPage } from '../pages/company/company-page'
import { CustomerPage } from '../pages/customers/customer-page'
import { CustomersPage } from '../pages/customers/customers-page'
import { DashboardPage } from '../pages/dashboard-page'
import { DevicesPage } from '../pages/devices/devices-page'
import { FieldPage } from '../pages/field/field-page'
import { PortalApp } from '../pages/portal/portal-app'
import { HelpArticlePage } from '../pages/help/help-article-page'
import { HelpPage } from '../pages/help/help-page'
import { ImportPage } from '../pages/imports/import-page'
import { LoginPage } from '../pages/login-page'
import { ForgotPasswordPage } from '../pages/sign-in/forgot-password-page'
import { NoAccessPage, NotFoundPage } from '../pages/no-access-page'
import { RolesPage } from '../pages/roles/roles-page'
import { SetupPage } from '../pages/setup/setup-page'
import { UsersPage } from '../pages/users/users-page'
import { TicketPage } from '../pages/tickets/ticket-page'
import { TicketsPage } from '../pages/tickets/tickets-page'
import { useSession } from '../session/session'
import { AppLayout } from '../shell/app-layout'
import { NAV_ITEMS } from '../shell/nav-items'
import { RequirePasswordChanged, RequirePermission, RequireSession, SetupGate } from './gates'

/** `/` is the dashboard; a role without it starts on the first page it may open instead. */
function HomePage() {
  const { can } = useSession()
  if (can('dashboard.view')) return <DashboardPage />
  const first = NAV_ITEMS.find((item) => item.path !== '/' && can(item.permission))
  return first ? <Navigate to={first.path} replace /> : <NoAccessPage />
}

function guarded(permission: Permission, page: React.ReactNode) {
  return <RequirePermission permission={permission}>{page}</RequirePermission>
}

export function AppRoutes() {
  return (
    <Routes>
      {/* The customer portal: its own sign-in and token, outside the office's session. */}
      <Route path="/portal/*" element={<PortalApp />} />
      <Route element={<SetupGate />}>
        <Route path="/setup" element={<SetupPage />} />
        <Route path="/login" element={<LoginPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route element={<RequireSession />}>
          <Route path="/change-password" element={<ChangePasswordPage />} />
          <Route element={<RequirePasswordChanged />}>
            {/* The technician's phone: a page of its own, without the office's sidebar. */}
            <Route path="/lapangan" element={guarded('tickets.view', <FieldPage />)} />
            <Route path="/lapangan/tiket/:id" element={guarded('tickets.view', <FieldPage />)} />
            <Route
              path="/lapangan/registrasi/:registrationId"
              element={guarded('tickets.view', <FieldPage />)}
            />
            <Route element={<AppLayout />}>
              <Route index element={<HomePage />} />
              <Route path="/about" element={guarded('company.manage', <AboutPage />)} />
              <Route path="/customers" element={guarded('customers.view', <CustomersPage />)} />
              <Route
                path="/customers/import"
                element={guarded('customers.import', <ImportPage />)}
              />
              <Route path="/customers/:id" element={guarded('customers.view', <CustomerPage />)} />
              <Route path="/billing" element={guarded('billing.view', <InvoicesPage />)} />
              <Route path="/billing/:id" element={guarded('billing.view', <InvoicePage />)} />
              <Route path="/cashier" element={guarded('payments.record', <CashierPage />)} />
              <Route path="/payments" element={guarded('billing.view', <PaymentsPage />)} />
              <Route
                path="/payments/import"
                element={guarded('payments.import', <PaymentImportPage />)}
              />
              <Route path="/closing" element={guarded('cash.close', <ClosingPage />)} />
              <Route path="/reports" element={guarded('reports.view', <ReportsPage />)} />
              <Route path="/network" element={guarded('network.view', <NetworkPage />)} />
              <Route
                path="/network/import"
                element={guarded('network.manage', <RouterImportPage />)}
              />
              <Route path="/hotspot" element={guarded('hotspot.view', <HotspotPage />)} />
              <Route path="/tiket" element={guarded('tickets.view', <TicketsPage />)} />
              <Route path="/tiket/:id" element={guarded('tickets.view', <TicketPage />)} />
              <Route path="/gudang" element={guarded('warehouse.view', <WarehousePage />)} />
              <Route path="/olt" element={guarded('olt.view', <OltPage />)} />
              <Route
                path="/registrasi"
                element={guarded('registrations.view', <RegistrationsPage />)}
              />
              <Route
                path="/collections"
                element={guarded('collections.view', <CollectionsPage />)}
              />
              <Route path="/messages" element={guarded('messages.view', <MessagesPage />)} />
              <Route path="/schedule" element={guarded('schedule.view', <SchedulePage />)} />
              <Route path="/backup" element={guarded('backup.manage', <BackupPage />)} />
              <Route path="/catalog" element={guarded('catalog.view', <CatalogPage />)} />
              <Route path="/users" element={guarded('users.view', <UsersPage />)} />
              <Route path="/roles" element={guarded('roles.view', <RolesPage />)} />
              {/* Every signed-in user sees and ends their own sessions. */}
              <Route path="/devices" element={<DevicesPage />} />
              {/* Bantuan is for everyone signed in: it shows no company data. */}
              <Route path="/bantuan" element={<HelpPage />} />
              <Route path="/bantuan/:slug" element={<HelpArticlePage />} />
              <Route path="/company" element={guarded('company.view', <CompanyPage />)} />
              <Route path="/audit" element={guarded('audit.view', <AuditPage />)} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Route>
        </Route>
      </Route>
    </Routes>
  )
}
