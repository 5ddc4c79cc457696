import {
  Anchor,
  Group,
  Kbd,
  Loader,
  Paper,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState, type KeyboardEvent, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { queryClient, trpc } from '../../api/client'
import { QueryError } from '../../components/query-state'
import { formatPhone } from '@shared/phone'
import { useSession } from '../../session/session'
import { StatusBadge } from '../customers/status-badge'

/** Enough to recognise the customer at the counter; more is a longer list to scan. */
const RESULT_LIMIT = 8
/** Short enough to feel instant, long enough not to ask for every keystroke of a fast typist. */
const DEBOUNCE_MS = 150

/** No sort: the server ranks the matches, the one the cashier most likely meant first. */
const input = (q: string) => ({ q, limit: RESULT_LIMIT })

/**
 * The counter's search box: name, code or phone (the customer list's own search), results
 * below. One rule for the keyboard: Enter takes the highlighted row, and the first (best) row
 * is highlighted from the start; ↑/↓ move the highlight. Nothing needs the mouse.
 */
export function CustomerSearch({
  inputRef,
  onPick,
}: {
  inputRef: RefObject<HTMLInputElement | null>
  onPick: (customerId: number) => void
}) {
  const { t } = useTranslation()
  const { can } = useSession()
  const [text, setText] = useState('')
  const [highlight, setHighlight] = useState(0)
  const [q] = useDebouncedValue(text.trim(), DEBOUNCE_MS)
  const results = useQuery(
    trpc.customers.list.queryOptions(input(q), {
      enabled: q.length > 0,
      placeholderData: keepPreviousData,
    }),
  )
  const rows = q && results.data ? results.data.rows : []
  const more = q && results.data ? results.data.total - rows.length : 0
  const active = Math.min(highlight, Math.max(rows.length - 1, 0))
  // The results answer what is typed now (not an earlier text still on screen).
  const current =
    q.length > 0 && q === text.trim() && results.isSuccess && !results.isPlaceholderData

  const pick = (id: number) => {
    setText('')
    setHighlight(0)
    onPick(id)
  }

  /** Enter before the debounced answer came: ask now and take the first match. */
  const pickFirstMatch = async (wanted: string) => {
    try {
      const answer = await queryClient.fetchQuery(trpc.customers.list.queryOptions(input(wanted)))
      const first = answer.rows[0]
      // Typing went on meanwhile: that text decides, not this answer.
      if (first && inputRef.current?.value.trim() === wanted) pick(first.id)
    } catch {
      // The debounced query asks again and shows its error under the box.
    }
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && rows.length) {
      e.preventDefault()
      setHighlight((active + 1) % rows.length)
    } else if (e.key === 'ArrowUp' && rows.length) {
      e.preventDefault()
      setHighlight((active - 1 + rows.length) % rows.length)
    } else if (e.key === 'Enter') {
      e.preventDefault()
      const row = rows[active]
      // Results still on screen from an earlier text are not picked: they may not match.
      if (current && row) pick(row.id)
      else if (text.trim() && !current) void pickFirstMatch(text.trim())
    } else if (e.key === 'Escape' && text) {
      // Handled here, so the page's Escape (next customer) does not also fire.
      e.preventDefault()
      setText('')
    }
  }

  const optionId = (id: number) => `cashier-customer-${id}`
  const open = q.length > 0

  return (
    <Stack gap={6}>
      <TextInput
        ref={inputRef}
        size="md"
        label={t('cashier.search')}
        placeholder={t('cashier.searchPlaceholder')}
        leftSection={<IconSearch size={18} />}
        rightSection={results.isFetching ? <Loader size="xs" /> : null}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value)
          setHighlight(0)
        }}
        onKeyDown={onKeyDown}
        autoComplete="off"
        role="combobox"
        aria-expanded={open && rows.length > 0}
        aria-controls="cashier-results"
        aria-activedescendant={rows[active] ? optionId(rows[active].id) : undefined}
        data-autofocus
      />
      {open && results.isError && (
        <QueryError error={results.error} onRetry={() => void results.refetch()} />
      )}
      {open && results.isSuccess && rows.length === 0 && !results.isPlaceholderData && (
        <Text c="dimmed" fz="sm" data-testid="cashier-no-results">
          {t('cashier.noResults', { q })}
        </Text>
      )}
      {rows.length > 0 && (
        <Paper withBorder radius="md" role="listbox" id="cashier-results" p={4}>
          {rows.map((row, index) => (
            <UnstyledButton
              key={row.id}
              id={optionId(row.id)}
              role="option"
              aria-selected={index === active}
              tabIndex={-1}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(row.id)}
              w="100%"
              px="sm"
              py={6}
              data-testid="cashier-result"
              style={{
                borderRadius: 6,
                background: index === active ? 'var(--mantine-color-teal-light)' : undefined,
              }}
            >
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <div style={{ minWidth: 0 }}>
                  <Text fw={600} truncate>
                    {row.code} · {row.name}
                  </Text>
                  <Text fz="xs" c="dimmed" truncate>
                    {[row.phone ? formatPhone(row.phone) : null, row.address]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </div>
                <StatusBadge status={row.status} />
              </Group>
            </UnstyledButton>
          ))}
        </Paper>
      )}
      {more > 0 && (
        <Text fz="sm" c="dimmed" data-testid="cashier-more">
          {t('cashier.more', { count: more })}{' '}
          {can('customers.view') ? (
            <Anchor component={Link} to={`/customers?${new URLSearchParams({ q })}`} fz="sm">
              {t('cashier.moreLink')}
            </Anchor>
          ) : null}
        </Text>
      )}
      <Text fz="xs" c="dimmed" data-testid="cashier-keys">
        <Kbd size="xs">Enter</Kbd> {t('cashier.keys.pick')} · <Kbd size="xs">↑</Kbd>{' '}
        <Kbd size="xs">↓</Kbd> {t('cashier.keys.move')} · <Kbd size="xs">Esc</Kbd>{' '}
        {t('cashier.keys.clear')}
      </Text>
    </Stack>
  )
}
