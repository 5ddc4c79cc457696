export { completeSetup, needsSetup } from './setup'
export type { SetupData, SetupResult } from './setup'
export { getCompany, updateCompany, toCompanyView } from './company'
export type { CompanyView, CompanyUpdate } from './company'
