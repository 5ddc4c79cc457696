import type { Kysely } from 'kysely'
import { AppError } from '@shared/errors'
import type { HotspotPrintInput } from '@shared/schemas'
import type { Database } from '../../db'
import type { SecretBox } from '../../secrets'
import { loadBatch, openVoucher } from './batches'
import { renderVoucherPdf, type VoucherSheet } from './voucher-pdf'

/** The print sheet of a batch (or of some of its vouchers), as a file for the API. */
export async function batchPdf(
  { db, secrets }: { db: Kysely<Database>; secrets: SecretBox },
  companyId: number,
  input: HotspotPrintInput,
) {
  const batch = await loadBatch(db, companyId, input.batchId)
  const [company, profile] = await Promise.all([
    db.selectFrom('companies').select('name').where('id', '=', companyId).executeTakeFirstOrThrow(),
    db
      .selectFrom('hotspot_profiles')
      .selectAll()
      .where('id', '=', batch.profile_id)
      .executeTakeFirstOrThrow(),
  ])
  let q = db
    .selectFrom('hotspot_vouchers')
    .select(['username', 'password'])
    .where('batch_id', '=', batch.id)
  if (input.voucherIds) q = q.where('id', 'in', input.voucherIds)
  const vouchers = (await q.orderBy('id').execute()).map((v) => openVoucher(secrets, v))
  if (vouchers.length === 0) throw new AppError('NOT_FOUND', 'voucher')
  const sheet: VoucherSheet = {
    companyName: company.name,
    profileName: profile.name,
    price: batch.price,
    validity: batch.validity,
    rateLimit: profile.rate_limit,
    quotaBytes: batch.quota_bytes,
    dnsName: profile.dns_name,
    mode: batch.mode === 'userpass' ? 'userpass' : 'voucher',
    batchId: batch.id,
    createdAt: batch.created_at,
    vouchers,
  }
  const data = await renderVoucherPdf(sheet, input.paper)
  return { fileName: `voucher-${profile.name}-batch-${batch.id}-${input.paper}.pdf`, data }
}
