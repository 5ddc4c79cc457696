import { describe, expect, it } from 'vitest'
import { billingSettingsInput, DEFAULT_BILLING_SETTINGS } from '@shared/schemas'
import { toInput, toValues } from './billing-settings-values'

describe('billing settings form values', () => {
  it('round-trip the saved settings unchanged', () => {
    const settings = {
      ...DEFAULT_BILLING_SETTINGS,
      minimumPayment: 50_000,
      cashRounding: 500,
      bankAccounts: [{ bank: 'BCA', accountNumber: '123', accountName: 'Net Jaya' }],
    }
    const values = toValues(settings)
    expect(values.minimumPayment).toBe('50.000')
    expect(toInput(values)).toEqual(settings)
    expect(billingSettingsInput.safeParse(toInput(values)).success).toBe(true)
  })

  it('turn a cleared number into a problem the schema reports under its field', () => {
    const input = toInput({
      ...toValues(DEFAULT_BILLING_SETTINGS),
      dueDays: '',
      minimumPayment: '',
    })
    expect(input.minimumPayment).toBe(0)
    const result = billingSettingsInput.safeParse(input)
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['dueDays'])
  })
})
