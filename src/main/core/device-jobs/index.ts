export {
  dueDeviceJobs,
  routersWithDueJobs,
  enqueueDeviceJob,
  enqueueDeviceJobs,
  MAX_ATTEMPTS,
  queueServiceSync,
  queueServiceSyncs,
  retryDelaySeconds,
  settleDeviceJobs,
} from './queue'
export type { DeviceJobKind, JobOutcome, NewDeviceJob } from './queue'
export { deviceJobCounts, listDeviceJobs, retryDeviceJobs, serviceDeviceStates } from './queries'
export type { JobListFilter, ServiceDeviceState } from './queries'
export { queuePackageSpeed } from './package-speed'
