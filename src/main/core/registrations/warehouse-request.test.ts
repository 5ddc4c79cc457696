import { describe, expect, it } from 'vitest'
import {
  installationScheduleInput,
  registrationAccountInput,
  registrationProductInput,
  surveyReportInput,
  surveyScheduleInput,
} from '@shared/schemas'
import { saveStockItem, saveWarehouse } from '../warehouse'
import {
  getRegistration,
  openRegistration,
  saveAccount,
  saveProduct,
  saveSurveyReport,
  scheduleInstallation,
  scheduleSurvey,
} from './index'
import { registrationFixture } from './testing'

/** A card at Instalasi, and Gudang with one warehouse, an ONT and cable by the metre. */
async function fixture() {
  const f = await registrationFixture()
  const d = f.deps
  const a = f.actor
  const customer = await f.db
    .insertInto('customers')
    .values({
      company_id: f.companyId,
      code: 'CBG01-0100',
      area_id: f.cbg.id,
      name: 'Gilang Anugrah',
      category: 'rumah',
      nik: null,
      phone: '6281311112222',
      whatsapp: null,
      email: null,
      address: 'Jl. Mawar 5, Cibinong',
      latitude: null,
      longitude: null,
      npwp: null,
      account_manager_id: null,
      marketer: null,
      price_list_id: null,
      notes: null,
      status: 'registrasi',
      created_at: '2026-12-17T03:00:00Z',
      updated_at: '2026-12-17T03:00:00Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const id = (await openRegistration(d, a, { customerId: customer.id })).id
  await scheduleSurvey(
    d,
    a,
    surveyScheduleInput.parse({ registrationId: id, priority: 'sedang', date: '2026-12-17' }),
  )
  await saveSurveyReport(d, a, surveyReportInput.parse({ registrationId: id, decision: 'layak' }))
  await saveAccount(
    d,
    a,
    registrationAccountInput.parse({ registrationId: id, category: 'rumah', areaId: f.cbg.id }),
  )
  await saveProduct(
    d,
    a,
    registrationProductInput.parse({
      registrationId: id,
      activationDate: '2026-12-17',
      billingSchedule: { kind: 'fixed', day: 1 },
      taxType: 'non_ppn',
      productId: f.p10.id,
    }),
  )
  const warehouse = await saveWarehouse(d, a, { name: 'Gudang Cibinong' })
  const ont = await saveStockItem(d, a, { name: 'ONT ZTE F609', unit: 'unit', serial: true })
  const cable = await saveStockItem(d, a, { name: 'Kabel drop core', unit: 'meter' })
  const schedule = (
    items: { name: string; quantity: number; unit?: string }[],
    warehouseName = 'gudang cibinong',
  ) =>
    scheduleInstallation(
      d,
      a,
      installationScheduleInput.parse({
        registrationId: id,
        date: '2026-12-18',
        technicianId: f.technicianId,
        warehouse: warehouseName,
        items,
      }),
    )
  const requests = () =>
    f.db
      .selectFrom('stock_requests')
      .selectAll()
      .where('for_kind', '=', 'installation')
      .where('for_id', '=', id)
      .execute()
  const lines = (requestId: number) =>
    f.db
      .selectFrom('stock_request_lines')
      .select(['item_id', 'qty'])
      .where('request_id', '=', requestId)
      .orderBy('item_id')
      .execute()
  return { ...f, id, warehouse, ont, cable, schedule, requests, lines }
}

describe('the installation step asks Gudang for its items', () => {
  it('creates one request (diminta) for the card with the items matched by name', async () => {
    const f = await fixture()
    await f.schedule([
      { name: 'ONT ZTE F609', quantity: 1, unit: 'unit' },
      { name: 'kabel drop core', quantity: 120, unit: 'meter' },
      { name: 'Klem kabel', quantity: 10 },
    ])
    const [request, ...more] = await f.requests()
    expect(more).toEqual([])
    const service = await f.db
      .selectFrom('registrations')
      .select(['service_id', 'customer_id'])
      .where('id', '=', f.id)
      .executeTakeFirstOrThrow()
    expect(request).toMatchObject({
      status: 'diminta',
      warehouse_id: f.warehouse.id,
      technician_id: f.technicianId,
      customer_id: service.customer_id,
      service_id: service.service_id,
      note: 'Instalasi; tidak ada di daftar barang: Klem kabel',
    })
    expect(await f.lines(request!.id)).toEqual([
      { item_id: f.ont.id, qty: 1 },
      { item_id: f.cable.id, qty: 120 },
    ])

    // The card's drawer shows it.
    const detail = await getRegistration(f.deps, f.companyId, f.id)
    expect(detail.stockRequest).toEqual({ id: request!.id, status: 'diminta' })

    // Scheduling the visit again does not ask twice.
    await f.schedule([{ name: 'ONT ZTE F609', quantity: 2 }])
    expect(await f.requests()).toHaveLength(1)
  })

  it('asks nothing when no item or no warehouse is known to Gudang', async () => {
    const f = await fixture()
    await f.schedule([{ name: 'Splitter 1:8', quantity: 1 }])
    await f.schedule([{ name: 'ONT ZTE F609', quantity: 1 }], 'Gudang Bogor')
    expect(await f.requests()).toEqual([])
    const card = await f.db
      .selectFrom('registrations')
      .select('install_items_json')
      .where('id', '=', f.id)
      .executeTakeFirstOrThrow()
    expect(JSON.parse(card.install_items_json!)).toEqual([
      expect.objectContaining({ name: 'ONT ZTE F609', quantity: 1 }),
    ])
  })
})
