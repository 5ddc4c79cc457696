import type { Locator, Page } from '@playwright/test'
import { expect } from './fixtures'

/** "2026-12" → "Desember 2026": how the month fields name a period. */
export function monthName(period: string, locale = 'id-ID'): string {
  const [y, m] = period.split('-').map(Number) as [number, number]
  return new Intl.DateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)))
}

/** "2026-12-04" → "04/12/2026": how the date fields show a day. */
export function shownDate(date: string): string {
  const [y, m, d] = date.split('-')
  return `${d}/${m}/${y}`
}

/** Types a `YYYY-MM-DD` day into a date field the way a person does, as dd/mm/yyyy. */
export async function fillDate(scope: Page | Locator, label: string, date: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true })
  await input.fill(shownDate(date))
  await input.blur()
  await expect(input).toHaveValue(shownDate(date))
}

/** Picks a `YYYY-MM` period in a month field: open it, step to the year, click the month. */
export async function pickMonth(
  page: Page,
  scope: Page | Locator,
  label: string,
  period: string,
): Promise<void> {
  const field = scope.getByLabel(label, { exact: true })
  const name = monthName(period)
  if ((await field.textContent())?.trim() === name) return
  await field.click()
  const month = page.getByRole('button', { name, exact: true })
  const wanted = Number(period.slice(0, 4))
  for (let step = 0; step < 30 && !(await month.isVisible()); step++) {
    const shown = Number(await page.locator('[class*="calendarHeaderLevel"]').first().textContent())
    const direction = shown < wanted ? 'Tahun berikutnya' : 'Tahun sebelumnya'
    await page.getByRole('button', { name: direction }).click()
  }
  await month.click()
  await expect(field).toHaveText(name)
}
