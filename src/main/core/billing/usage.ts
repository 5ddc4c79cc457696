/**
 * Usage charges (pay-as-you-go, extra quota) are billed in arrears from collected counters
 * (rule 17). Nothing collects counters yet; a source plugs in here and the run bills its lines.
 */
export interface UsageLine {
  serviceId: number
  description: string
  periodStart: string
  periodEnd: string
  amount: number
  taxable: boolean
}

export interface UsageSource {
  /** Lines for these services, for the period before the run's `period` (`YYYY-MM`). */
  linesFor(serviceIds: number[], period: string): Promise<UsageLine[]>
}
