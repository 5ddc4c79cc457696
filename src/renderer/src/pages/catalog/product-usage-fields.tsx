import { Alert, Divider, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { fupWithoutEffect } from '@shared/fup'
import { toFields, type ProductFormState } from './product-form'

/**
 * "Kuota & FUP": the monthly quota, the speed past it (and the PPP profile that carries it), and
 * how usage is billed — per GB past the quota, or per GB of all usage (pay as you go).
 */
export function ProductUsageFields({ form }: { form: ProductFormState }) {
  const { t } = useTranslation()
  const text = form.text
  const v = form.values
  const pppoe = v.serviceType === 'pppoe'
  // Said before saving: a FUP speed the router worker could never apply is a promise Loket breaks.
  const gap = fupWithoutEffect({ ...toFields(v, null), fupProfile: v.fupProfile.trim() || null })
  return (
    <Stack gap="xs" data-testid="usage-fields">
      <Divider
        label={
          <Text fz="sm" fw={600}>
            {t('productFields.usageSection')}
          </Text>
        }
        labelPosition="left"
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('productFields.dataCapGb')}
          description={t('productFields.dataCapHint')}
          inputMode="numeric"
          {...text('dataCapGb')}
        />
        <TextInput
          label={t('productFields.fupDownloadMbps')}
          description={t('productFields.fupSpeedHint')}
          placeholder="2M"
          {...text('fupDownloadMbps')}
        />
        <TextInput
          label={t('productFields.fupUploadMbps')}
          description={t('productFields.fupSpeedHint')}
          placeholder="1M"
          {...text('fupUploadMbps')}
        />
        <TextInput
          label={t('productFields.fupProfile')}
          description={
            pppoe ? t('productFields.fupProfileHint') : t('productFields.fupProfilePppoe')
          }
          disabled={!pppoe}
          {...text('fupProfile')}
        />
        <TextInput
          label={t('productFields.extraGbPrice')}
          description={t('productFields.extraGbPriceHint')}
          leftSection="Rp"
          inputMode="numeric"
          {...text('extraGbPrice')}
        />
        <TextInput
          label={t('productFields.usageGbPrice')}
          description={t('productFields.usageGbPriceHint')}
          leftSection="Rp"
          inputMode="numeric"
          {...text('usageGbPrice')}
        />
      </SimpleGrid>
      {gap && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          data-testid="fup-gap"
        >
          {t(`productFields.fupGap.${gap}`)}
        </Alert>
      )}
    </Stack>
  )
}
