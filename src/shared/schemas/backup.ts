import { z } from 'zod'

/** A backup is named by its file name only; the host looks it up in its own backup folders. */
export const backupFileName = z
  .string()
  .min(1, { message: 'validation.required' })
  .max(200, { message: 'validation.too_long' })

const passphrase = z
  .string()
  .min(8, { message: 'validation.backup_passphrase_short' })
  .max(200, { message: 'validation.too_long' })

export const backupCreateInput = z.object({ passphrase: passphrase.optional() })
export const backupFileInput = z.object({ file: backupFileName })
export const backupOpenInput = z.object({ file: backupFileName, passphrase: passphrase.optional() })
export const backupRestoreInput = backupOpenInput.extend({
  dataDir: z
    .string()
    .trim()
    .min(1, { message: 'validation.required' })
    .max(500, { message: 'validation.too_long' }),
})

export const backupPassphraseInput = z
  .object({ passphrase, confirm: z.string().max(200, { message: 'validation.too_long' }) })
  .refine((v) => v.passphrase === v.confirm, {
    message: 'validation.backup_passphrase_mismatch',
    path: ['confirm'],
  })

export const backupSettingsInput = z.object({
  scheduleEnabled: z.boolean(),
  /** A second folder (a USB disk, another drive) each scheduled backup is copied to. */
  copyFolder: z
    .string()
    .trim()
    .max(500, { message: 'validation.too_long' })
    .nullable()
    .transform((v) => (v ? v : null)),
})
export type BackupSettingsInput = z.infer<typeof backupSettingsInput>

/** What the page sees of the settings: never the passphrase itself. */
export interface BackupSettingsView {
  scheduleEnabled: boolean
  copyFolder: string | null
  passphraseSet: boolean
  /** "02:30", in the company's time zone. */
  scheduleTime: string
}
