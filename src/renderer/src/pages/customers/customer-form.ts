import type { CustomerCategory } from '@shared/catalog'
import { formatPhone } from '@shared/phone'
import { decimalOrNull, numberText } from '../../forms/parse'
import type { CustomerDetail } from './types'

/** The customer dialog's fields, all as typed text ('' = not given). */
export interface CustomerFormValues {
  areaId: string
  name: string
  category: string
  nik: string
  phone: string
  whatsapp: string
  email: string
  address: string
  latitude: string
  longitude: string
  npwp: string
  marketer: string
  notes: string
  priceListId: string
  accountManagerId: string
}

export const EMPTY_CUSTOMER: CustomerFormValues = {
  areaId: '',
  name: '',
  category: 'rumah',
  nik: '',
  phone: '',
  whatsapp: '',
  email: '',
  address: '',
  latitude: '',
  longitude: '',
  npwp: '',
  marketer: '',
  notes: '',
  priceListId: '',
  accountManagerId: '',
}

export function customerToForm(c: CustomerDetail): CustomerFormValues {
  return {
    areaId: String(c.area.id),
    name: c.name,
    category: c.category,
    nik: c.nik ?? '',
    phone: c.phone ? formatPhone(c.phone) : '',
    // The same number as the phone is stored as WhatsApp too; the form shows it only if it differs.
    whatsapp: c.whatsapp && c.whatsapp !== c.phone ? formatPhone(c.whatsapp) : '',
    email: c.email ?? '',
    address: c.address,
    latitude: numberText(c.latitude),
    longitude: numberText(c.longitude),
    npwp: c.npwp ?? '',
    marketer: c.marketer ?? '',
    notes: c.notes ?? '',
    priceListId: c.priceListId ? String(c.priceListId) : '',
    accountManagerId: c.accountManagerId ? String(c.accountManagerId) : '',
  }
}

/** The fields both `customers.create` and `customers.update` take, from the form's text. */
export function customerFieldsInput(v: CustomerFormValues) {
  return {
    name: v.name,
    category: v.category as CustomerCategory,
    nik: v.nik,
    phone: v.phone,
    whatsapp: v.whatsapp,
    email: v.email,
    address: v.address,
    latitude: decimalOrNull(v.latitude),
    longitude: decimalOrNull(v.longitude),
    npwp: v.npwp,
    marketer: v.marketer,
    notes: v.notes,
    priceListId: v.priceListId ? Number(v.priceListId) : null,
    accountManagerId: v.accountManagerId ? Number(v.accountManagerId) : null,
  }
}
