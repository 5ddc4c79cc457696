import {
  InputWrapper,
  MantineProvider,
  MultiSelect,
  Select,
  TableScrollContainer,
  createTheme,
} from '@mantine/core'
import { ModalsProvider } from '@mantine/modals'
import { Notifications } from '@mantine/notifications'
import { QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { BrowserRouter, HashRouter } from 'react-router'
import { queryClient } from './api/client'
import { LocalizedDates } from './components/dates-provider'
import { AppRoutes } from './routes/app-routes'

const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  components: {
    // The asterisk comes from app.css, so a label's text is only its words (see there).
    InputWrapper: InputWrapper.extend({ defaultProps: { withAsterisk: false } }),
    // A closed select keeps no hidden listbox named after its label: one element per label.
    Select: Select.extend({ defaultProps: { comboboxProps: { keepMounted: false } } }),
    MultiSelect: MultiSelect.extend({ defaultProps: { comboboxProps: { keepMounted: false } } }),
    // A table wider than its card shows its scrollbar, not only while the mouse is over it:
    // a hidden one made a report cut at a column edge look complete (issue 12).
    TableScrollContainer: TableScrollContainer.extend({
      defaultProps: { scrollAreaProps: { type: 'auto' } },
    }),
  },
})

/**
 * The packaged desktop loads index.html from file://, where only the hash can carry a route;
 * the LAN host serves index.html for every path, so browsers get clean URLs.
 */
function Router({ children }: { children: ReactNode }) {
  return window.location.protocol === 'file:' ? (
    <HashRouter>{children}</HashRouter>
  ) : (
    <BrowserRouter>{children}</BrowserRouter>
  )
}

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <LocalizedDates>
        <QueryClientProvider client={queryClient}>
          <ModalsProvider>
            <Notifications position="bottom-right" />
            <Router>
              <AppRoutes />
            </Router>
          </ModalsProvider>
        </QueryClientProvider>
      </LocalizedDates>
    </MantineProvider>
  )
}
