import { Alert, Badge, Group, Radio, SegmentedControl, Stack, Table, Text } from '@mantine/core'
import { IconAlertTriangle, IconArrowsExchange } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { PackageChoice, PutusChoice } from '@shared/schemas'
import { customerText, DecisionSection } from './router-import-decision-section'
import type { RouterImportSummary } from './router-import-preview'

type Row = RouterImportSummary['rows'][number]
export type RowChoice = PackageChoice | PutusChoice

/** The operator's decisions: one for all rows of a kind, and per row (by `kind:login`). */
export interface Decisions {
  packages: PackageChoice
  putus: PutusChoice | null
  choices: Record<string, RowChoice>
}

export const NO_DECISIONS: Decisions = { packages: 'loket', putus: null, choices: {} }

/** What a package row will do: its own choice, else the one for all (router only if possible). */
export function packageChoiceOf(row: Row, d: Decisions): PackageChoice {
  const own = d.choices[row.key]
  const choice = own === 'loket' || own === 'router' ? own : d.packages
  return choice === 'router' && row.packageDiff?.routerProduct === null ? 'loket' : choice
}

export function putusChoiceOf(row: Row, d: Decisions): PutusChoice | null {
  const own = d.choices[row.key]
  const choice = own === 'disable' || own === 'reactivate' ? own : d.putus
  return choice === 'reactivate' && !row.conflict?.canReactivate ? null : choice
}

/** "For all" never overrides what the API cannot do: rows without a package keep Loket's. */
export function forAllPackages(summary: RouterImportSummary, d: Decisions, c: PackageChoice) {
  const choices = { ...d.choices }
  for (const r of summary.rows) {
    if (!r.packageDiff) continue
    choices[r.key] = c === 'router' && r.packageDiff.routerProduct === null ? 'loket' : c
  }
  return { ...d, packages: c, choices }
}

export function forAllPutus(summary: RouterImportSummary, d: Decisions, c: PutusChoice) {
  const choices = { ...d.choices }
  for (const r of summary.rows) {
    if (!r.conflict) continue
    if (c === 'reactivate' && !r.conflict.canReactivate) delete choices[r.key]
    else choices[r.key] = c
  }
  return { ...d, putus: c, choices }
}

/**
 * What the import needs the operator to decide before it runs: linked services whose Loket
 * package is not the router's profile, and enabled secrets of customers who are putus in Loket.
 */
export function RouterImportDecisions({
  summary,
  decisions,
  onChange,
}: {
  summary: RouterImportSummary
  decisions: Decisions
  onChange: (next: Decisions) => void
}) {
  const packages = summary.rows.filter((r) => r.packageDiff)
  const conflicts = summary.rows.filter((r) => r.conflict)
  if (!packages.length && !conflicts.length) return null
  return (
    <Stack gap="lg" data-testid="router-import-decisions">
      {conflicts.length > 0 && (
        <PutusRows summary={summary} rows={conflicts} decisions={decisions} onChange={onChange} />
      )}
      {packages.length > 0 && (
        <PackageRows summary={summary} rows={packages} decisions={decisions} onChange={onChange} />
      )}
    </Stack>
  )
}

interface Part {
  summary: RouterImportSummary
  rows: Row[]
  decisions: Decisions
  onChange: (next: Decisions) => void
}

function PackageRows({ summary, rows, decisions, onChange }: Part) {
  const { t } = useTranslation()
  const set = (key: string, c: PackageChoice) =>
    onChange({ ...decisions, choices: { ...decisions.choices, [key]: c } })
  const options = [
    { value: 'loket', label: t('routerImport.decisions.keepLoket') },
    { value: 'router', label: t('routerImport.decisions.followRouter') },
  ]
  return (
    <DecisionSection
      testId="router-import-packages"
      rowTestId="router-import-package-row"
      icon={<IconArrowsExchange size={18} style={{ verticalAlign: 'text-bottom' }} />}
      title={t('routerImport.decisions.packagesTitle', { count: rows.length })}
      hint={t('routerImport.decisions.packagesHint')}
      forAll={
        <SegmentedControl
          size="xs"
          data={options}
          value={decisions.packages}
          onChange={(v) => onChange(forAllPackages(summary, decisions, v as PackageChoice))}
          data-testid="router-import-packages-all"
        />
      }
      columns={[
        t('routerImport.decisions.loketPackage'),
        t('routerImport.decisions.routerProfile'),
        t('routerImport.decisions.choice'),
      ]}
      rows={rows}
      cells={(r) => {
        const d = r.packageDiff!
        return (
          <>
            <Table.Td>{customerText(r)}</Table.Td>
            <Table.Td>
              {d.loketProduct}{' '}
              <Text span c="dimmed">
                ({d.loketProfile})
              </Text>
            </Table.Td>
            <Table.Td>
              {r.profile} →{' '}
              {d.routerProduct ?? (
                <Text span c="orange.8" fz="sm">
                  {t('routerImport.decisions.noPackage', { profile: r.profile })}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <SegmentedControl
                size="xs"
                data={options.map((o) => ({
                  ...o,
                  disabled: o.value === 'router' && d.routerProduct === null,
                }))}
                value={packageChoiceOf(r, decisions)}
                onChange={(v) => set(r.key, v as PackageChoice)}
                aria-label={t('routerImport.decisions.choiceFor', { login: r.name })}
              />
            </Table.Td>
          </>
        )
      }}
    />
  )
}

function PutusRows({ summary, rows, decisions, onChange }: Part) {
  const { t } = useTranslation()
  const set = (key: string, c: PutusChoice) =>
    onChange({ ...decisions, choices: { ...decisions.choices, [key]: c } })
  const undecided = rows.filter((r) => putusChoiceOf(r, decisions) === null).length
  return (
    <DecisionSection
      testId="router-import-putus"
      rowTestId="router-import-putus-row"
      icon={<IconAlertTriangle size={18} style={{ verticalAlign: 'text-bottom' }} />}
      title={t('routerImport.decisions.putusTitle', { count: rows.length })}
      hint={t('routerImport.decisions.putusHint')}
      forAll={
        <SegmentedControl
          size="xs"
          data={[
            { value: 'disable', label: t('routerImport.decisions.disable') },
            { value: 'reactivate', label: t('routerImport.decisions.reactivate') },
          ]}
          value={decisions.putus ?? ''}
          onChange={(v) => onChange(forAllPutus(summary, decisions, v as PutusChoice))}
          data-testid="router-import-putus-all"
        />
      }
      notice={
        undecided > 0 && (
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} py="xs">
            {t('routerImport.decisions.undecided', { count: undecided })}
          </Alert>
        )
      }
      columns={[t('routerImport.decisions.why'), t('routerImport.decisions.choice')]}
      rows={rows}
      cells={(r) => {
        const c = r.conflict!
        return (
          <>
            <Table.Td>
              {customerText(r)}{' '}
              <Badge size="xs" color="gray" variant="light" tt="none">
                {t('serviceStatus.putus')}
              </Badge>
            </Table.Td>
            <Table.Td>
              {t(c.heldByService ? 'routerImport.decisions.held' : 'routerImport.decisions.named')}
            </Table.Td>
            <Table.Td>
              <Radio.Group
                value={putusChoiceOf(r, decisions) ?? ''}
                onChange={(v) => set(r.key, v as PutusChoice)}
                aria-label={t('routerImport.decisions.choiceFor', { login: r.name })}
              >
                <Group gap="md" wrap="nowrap">
                  <Radio value="disable" label={t('routerImport.decisions.disable')} />
                  <Radio
                    value="reactivate"
                    label={t('routerImport.decisions.reactivate')}
                    disabled={!c.canReactivate}
                  />
                </Group>
              </Radio.Group>
              {!c.canReactivate && (
                <Text fz="xs" c="dimmed">
                  {t('routerImport.decisions.needsIsolirPackage')}
                </Text>
              )}
            </Table.Td>
          </>
        )
      }}
    />
  )
}

/** How many rows still wait for a decision (the commit button waits for none). */
export function undecidedCount(summary: RouterImportSummary, d: Decisions): number {
  return summary.rows.filter((r) => r.conflict && putusChoiceOf(r, d) === null).length
}

/** The decisions as counts, for the confirmation before the import runs. */
export function decisionCounts(summary: RouterImportSummary, d: Decisions) {
  const count = (f: (r: Row) => boolean) => summary.rows.filter(f).length
  const reactivate = count((r) => !!r.conflict && putusChoiceOf(r, d) === 'reactivate')
  return {
    follow: count((r) => !!r.packageDiff && packageChoiceOf(r, d) === 'router'),
    keep: count((r) => !!r.packageDiff && packageChoiceOf(r, d) === 'loket'),
    disable: count((r) => !!r.conflict && putusChoiceOf(r, d) === 'disable'),
    reactivate,
    services: summary.counts.new + summary.counts.newService + reactivate,
  }
}
