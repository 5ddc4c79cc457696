import { Code, Collapse, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { SPEED_SERVICE_TYPES } from '@shared/speeds'
import type { ProductFormState } from './product-form'

const BURST_FIELDS = [
  'burstDownloadMbps',
  'burstUploadMbps',
  'burstThresholdDownloadMbps',
  'burstThresholdUploadMbps',
] as const

/**
 * Download / upload speed (Mbps or with RouterOS's k/M), whether Loket keeps it on the router,
 * and the optional burst; `rateLimit` is what the router gets as last saved.
 */
export function ProductSpeedFields({
  form,
  rateLimit,
}: {
  form: ProductFormState
  rateLimit: string | null
}) {
  const { t } = useTranslation()
  const v = form.values
  const settable = SPEED_SERVICE_TYPES.includes(v.serviceType)
  const text = form.text
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('productFields.downloadMbps')}
          description={t('productFields.speedHint')}
          placeholder="10M"
          {...text('downloadMbps')}
        />
        <TextInput
          label={t('productFields.uploadMbps')}
          description={t('productFields.speedHint')}
          placeholder="5M"
          {...text('uploadMbps')}
        />
      </SimpleGrid>
      <Switch
        label={t('productFields.speedOnRouter')}
        description={
          settable ? t('productFields.speedOnRouterHint') : t('productFields.speedOnRouterOther')
        }
        disabled={!settable}
        checked={settable && v.speedOnRouter}
        onChange={(e) => form.setValue('speedOnRouter', e.currentTarget.checked)}
      />
      {rateLimit && (
        <Text fz="xs" c="dimmed">
          {t('productFields.rateLimit', { value: '' })}
          <Code>{rateLimit}</Code>
        </Text>
      )}
      <Switch
        label={t('productFields.burst')}
        description={t('productFields.burstHint')}
        checked={v.burst}
        onChange={(e) => form.setValue('burst', e.currentTarget.checked)}
      />
      <Collapse expanded={v.burst}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} data-testid="burst-fields">
          {BURST_FIELDS.map((k) => (
            <TextInput key={k} label={t(`productFields.${k}`)} {...text(k)} />
          ))}
          <TextInput
            label={t('productFields.burstTimeSeconds')}
            inputMode="numeric"
            {...text('burstTimeSeconds')}
          />
        </SimpleGrid>
      </Collapse>
    </Stack>
  )
}
