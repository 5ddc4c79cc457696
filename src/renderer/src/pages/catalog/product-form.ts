import type { BillingMode, ServiceType } from '@shared/catalog'
import {
  integerOrNull,
  numberText,
  rupiahOrNull,
  rupiahText,
  speedOrNull,
  speedText,
} from '../../forms/parse'
import type { useFormState } from '../../forms/use-form-state'
import type { ProductRow } from './types'

/** The package form's fields as typed (text), from a package or empty for a new one. */
export function toForm(p: ProductRow | null) {
  return {
    name: p?.name ?? '',
    serviceType: p?.serviceType ?? 'pppoe',
    monthlyPrice: rupiahText(p?.monthlyPrice),
    billingMode: p?.billingMode ?? 'prepaid',
    downloadMbps: speedText(p?.downloadMbps),
    uploadMbps: speedText(p?.uploadMbps),
    // A new package's speed is Loket's to set; one made before keeps what it had.
    speedOnRouter: p ? p.speedOnRouter : true,
    burst: p?.burstDownloadMbps != null,
    burstDownloadMbps: speedText(p?.burstDownloadMbps),
    burstUploadMbps: speedText(p?.burstUploadMbps),
    burstThresholdDownloadMbps: speedText(p?.burstThresholdDownloadMbps),
    burstThresholdUploadMbps: speedText(p?.burstThresholdUploadMbps),
    burstTimeSeconds: numberText(p?.burstTimeSeconds),
    routerProfile: p?.routerProfile ?? '',
    dataCapGb: numberText(p?.dataCapGb),
    fupDownloadMbps: speedText(p?.fupDownloadMbps),
    fupUploadMbps: speedText(p?.fupUploadMbps),
    fupProfile: p?.fupProfile ?? '',
    extraGbPrice: rupiahText(p?.extraGbPrice),
    usageGbPrice: rupiahText(p?.usageGbPrice),
    fupNote: p?.fupNote ?? '',
    taxable: p?.taxable ?? false,
    active: p?.active ?? true,
    priceEffectiveFrom: '',
    priceReason: '',
  }
}

export type ProductForm = ReturnType<typeof toForm>
export type ProductFormState = ReturnType<typeof useFormState<ProductForm>>

/** The fields the schemas check; a burst switched off sends no burst. */
export function toFields(v: ProductForm, price: number | null) {
  const burst = (text: string) => (v.burst ? speedOrNull(text) : null)
  return {
    name: v.name,
    serviceType: v.serviceType as ServiceType,
    monthlyPrice: price ?? Number.NaN,
    billingMode: v.billingMode as BillingMode,
    downloadMbps: speedOrNull(v.downloadMbps),
    uploadMbps: speedOrNull(v.uploadMbps),
    speedOnRouter: v.speedOnRouter,
    burstDownloadMbps: burst(v.burstDownloadMbps),
    burstUploadMbps: burst(v.burstUploadMbps),
    burstThresholdDownloadMbps: burst(v.burstThresholdDownloadMbps),
    burstThresholdUploadMbps: burst(v.burstThresholdUploadMbps),
    burstTimeSeconds: v.burst ? integerOrNull(v.burstTimeSeconds) : null,
    routerProfile: v.routerProfile,
    dataCapGb: integerOrNull(v.dataCapGb),
    fupDownloadMbps: speedOrNull(v.fupDownloadMbps),
    fupUploadMbps: speedOrNull(v.fupUploadMbps),
    fupProfile: v.fupProfile,
    extraGbPrice: rupiahOrNull(v.extraGbPrice),
    usageGbPrice: rupiahOrNull(v.usageGbPrice),
    fupNote: v.fupNote,
    taxable: v.taxable,
  }
}
