export {
  decodeImage,
  moveBack,
  openRegistration,
  saveAccount,
  saveInstallationReport,
  saveProduct,
  saveSurveyReport,
  scheduleInstallation,
  scheduleSurvey,
} from './registrations'
export type { RegistrationActor, RegistrationDeps, RegistrationMove } from './registrations'
export { bastPdf, prepareBast, signBast } from './activation'
export type { Activation, BastSigned } from './activation'
export { getRegistration, listRegistrations, registrationFile } from './queries'
export type { RegistrationCard, RegistrationDetail, RegistrationEventView } from './queries'
