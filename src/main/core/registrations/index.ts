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
export { bastPdf, signBast } from './activation'
export type { Activation } from './activation'
export { getRegistration, listRegistrations, registrationFile } from './queries'
export type { RegistrationCard, RegistrationDetail, RegistrationEventView } from './queries'
