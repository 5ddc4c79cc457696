import { Alert, Badge, Button, Code, Group, Select, Stack, Table, Text } from '@mantine/core'
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconArrowRight,
  IconInfoCircle,
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { FormAlert } from '../../components/form-alert'
import { countText } from '../../i18n'
import { fieldLabel, missingRequired, sampleValues, unusedHeaders } from './import-rules'
import type { ImportWizard } from './use-import-wizard'

const NOT_USED = 'none'

/**
 * Step 2: which column of the file feeds each documented field. Pre-filled from the headers
 * (the API's automatic matching); the sample values show whether the choice is right.
 */
export function MappingStep({ wizard }: { wizard: ImportWizard }) {
  const { t } = useTranslation()
  const { inspection, mapping, kind, file } = wizard
  if (!inspection || kind === 'workbook') return null
  const label = (field: string) => fieldLabel(t, kind, field)
  const missing = missingRequired(inspection.fields, mapping)
  const unused = unusedHeaders(inspection.headers, mapping)
  const options = [
    { value: NOT_USED, label: t('importWizard.notUsed') },
    ...inspection.headers.map((header, i) => ({
      value: String(i),
      label: header.trim() || t('importWizard.unnamedHeader', { n: i + 1 }),
    })),
  ]

  return (
    <Stack gap="md">
      <Text fz="sm" c="dimmed" data-testid="import-file-rows">
        {t('importWizard.rowsInFile', {
          fileName: file?.name ?? '',
          rows: countText(inspection.rows),
        })}
        {inspection.sheets.length > 1 &&
          ` ${t('importWizard.sheetUsed', { sheet: inspection.sheets[0] })}`}
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" striped data-testid="import-mapping">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="32%">{t('importWizard.colField')}</Table.Th>
              <Table.Th w="32%">{t('importWizard.colHeader')}</Table.Th>
              <Table.Th>{t('importWizard.colSample')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {inspection.fields.map(({ field, required }) => {
              const index = mapping[field] ?? null
              const samples = sampleValues(inspection.sample, index)
              const absent = required && index === null
              return (
                <Table.Tr key={field} data-testid="mapping-row" data-field={field}>
                  <Table.Td>
                    <Group gap={6}>
                      <Text fz="sm" fw={600}>
                        {label(field)}
                      </Text>
                      {required && (
                        <Badge size="xs" variant="light" color={absent ? 'red' : 'gray'}>
                          {t('importWizard.required')}
                        </Badge>
                      )}
                    </Group>
                    <Code fz="xs">{field}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('importWizard.columnFor', { field: label(field) })}
                      data={options}
                      value={index === null ? NOT_USED : String(index)}
                      onChange={(value) =>
                        wizard.setMappingOf(
                          field,
                          value && value !== NOT_USED ? Number(value) : null,
                        )
                      }
                      allowDeselect={false}
                      error={absent}
                      size="sm"
                    />
                  </Table.Td>
                  <Table.Td>
                    {index === null ? null : samples.length ? (
                      samples.map((value, i) => (
                        <Text key={i} fz="sm" truncate="end" maw={280} title={value}>
                          {value}
                        </Text>
                      ))
                    ) : (
                      <Text fz="sm" c="dimmed" fs="italic">
                        {t('importWizard.noSample')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {missing.length > 0 && (
        <Alert
          color="red"
          icon={<IconAlertTriangle size={18} />}
          title={t('importWizard.missingTitle')}
          data-testid="import-missing-columns"
        >
          {t('importWizard.missing', { fields: missing.map(label).join(', ') })}
        </Alert>
      )}
      {unused.length > 0 && (
        <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />}>
          {t('importWizard.unused', { headers: unused.join(', ') })}
        </Alert>
      )}
      <FormAlert error={wizard.error} />
      <Group justify="space-between">
        <Button
          variant="default"
          leftSection={<IconArrowLeft size={16} />}
          onClick={() => wizard.goTo('file')}
        >
          {t('common.back')}
        </Button>
        <Button
          rightSection={<IconArrowRight size={16} />}
          disabled={missing.length > 0}
          onClick={() => void wizard.fromMapping()}
        >
          {t('common.next')}
        </Button>
      </Group>
    </Stack>
  )
}
