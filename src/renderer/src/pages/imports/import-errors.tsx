import { Alert, Table, Text } from '@mantine/core'
import { IconAlertCircle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { countText } from '../../i18n'
import { fieldLabel, type ImportKind } from './import-rules'
import type { ImportRowError } from './types'

/** Enough to fix a file by; a file with thousands of bad rows has one mistake repeated. */
const SHOWN = 200

/** Every problem with its row and column, in the words of `import.*` (what to type instead). */
export function ImportErrors({ kind, errors }: { kind: ImportKind; errors: ImportRowError[] }) {
  const { t } = useTranslation()
  const shown = errors.slice(0, SHOWN)
  return (
    <>
      <Alert
        color="red"
        icon={<IconAlertCircle size={18} />}
        title={t('importWizard.errorsTitle', { total: countText(errors.length) })}
        data-testid="import-errors-alert"
      >
        {t('importWizard.errorsHint')}
      </Alert>
      <Table.ScrollContainer minWidth={640} mah={420}>
        <Table
          striped
          stickyHeader
          verticalSpacing="xs"
          aria-label={t('importWizard.errorsTable')}
          data-testid="import-errors"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t('importWizard.colRow')}</Table.Th>
              <Table.Th w="22%">{t('importWizard.colColumn')}</Table.Th>
              <Table.Th>{t('importWizard.colProblem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((e, i) => (
              <Table.Tr key={`${e.row}-${e.column}-${i}`} data-testid="import-error-row">
                <Table.Td ff="monospace">{e.row}</Table.Td>
                <Table.Td>{e.column ? fieldLabel(t, kind, e.column) : t('common.empty')}</Table.Td>
                <Table.Td>
                  {t(e.messageKey, { ...e.params, defaultValue: t('validation.invalid') })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {errors.length > SHOWN && (
        <Text fz="sm" c="dimmed">
          {t('importWizard.moreErrors', {
            shown: countText(SHOWN),
            total: countText(errors.length),
          })}
        </Text>
      )}
    </>
  )
}
