import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { translateId } from '@shared/messages/translate'
import { addService, createCustomer, terminateCustomer } from '../customers'
import { catalogFixture, customerInput, serviceInput } from '../customers/testing'
import { savePop } from '../catalog'
import { memoryFileStore } from '../files'
import { sendBroadcast } from '../messaging'
import { enableWhatsapp } from '../messaging/testing'
import {
  assignServicePort,
  customerPorts,
  declareOutage,
  getOdp,
  getOutage,
  listOutages,
  outagePreview,
  readOdpPhoto,
  removeOdc,
  removeOdp,
  resolveOutage,
  saveOdc,
  saveOdp,
  setOdpPhoto,
  setOltPop,
  topologyTree,
} from '.'

const TZ = 'Asia/Jakarta'

/** What the person sees for a refusal: the Indonesian message with its details. */
async function refusal(p: Promise<unknown>) {
  try {
    await p
  } catch (e) {
    const err = e as { code: string; details?: Record<string, unknown> }
    return { code: err.code, text: translateId(`errors.${err.code}`, err.details ?? {}) }
  }
  throw new Error('expected a refusal')
}

/**
 * POP Cibinong with OLT Cibinong; PON 1/1/1 feeds ODC Pakansari with ODP PKS-01 (8 ports) and
 * PKS-02 (4 ports); PON 1/1/2 feeds ODC Tengah with ODP TGH-01. WhatsApp is on.
 */
async function fixture() {
  const f = await catalogFixture()
  await enableWhatsapp(f)
  const now = f.clock.now().toISOString()
  const olt = await f.db
    .insertInto('olts')
    .values({
      company_id: f.companyId,
      name: 'OLT Cibinong',
      vendor: 'zte-1082',
      host: '127.0.0.1',
      port: 161,
      snmp_version: 'v2c',
      secret_sealed: 'unused',
      active: 1,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const pop = await savePop(f.deps, f.actor, {
    name: 'POP Cibinong',
    areaId: f.cbg.id,
    address: 'Jl. Raya Bogor',
    notes: null,
  })
  await setOltPop(f.deps, f.actor, { oltId: olt.id, popId: pop.id })
  const place = { latitude: -6.4815, longitude: 106.854, notes: null }
  const pakansari = await saveOdc(f.deps, f.actor, {
    name: 'ODC Pakansari',
    oltId: olt.id,
    pon: '1/1/1',
    ...place,
    notes: 'Tiang depan balai desa',
  })
  const tengah = await saveOdc(f.deps, f.actor, {
    name: 'ODC Tengah',
    oltId: olt.id,
    pon: '1/1/2',
    ...place,
  })
  const odp = (name: string, odcId: number, ports: number) =>
    saveOdp(f.deps, f.actor, { name, odcId, ports, address: null, ...place })
  const pks1 = await odp('PKS-01', pakansari.id, 8)
  const pks2 = await odp('PKS-02', pakansari.id, 4)
  const tgh1 = await odp('TGH-01', tengah.id, 8)
  const customer = async (name: string, phone: string | null) => {
    const c = await createCustomer(f.deps, f.actor, customerInput(f.cbg.id, name, phone))
    const s = await addService(f.deps, f.actor, serviceInput(c.id, f.p10.id), TZ)
    return { id: c.id, code: c.code, serviceId: s.id }
  }
  const woken = { count: 0 }
  const deps = { ...f.deps, onMessages: () => woken.count++ }
  return { ...f, deps, woken, olt, pop, pakansari, tengah, pks1, pks2, tgh1, customer }
}

describe('ODP ports', () => {
  it('puts a service on the lowest free port unless a port is named, and counts capacity', async () => {
    const f = await fixture()
    const budi = await f.customer('Budi', null)
    const siti = await f.customer('Siti', null)
    expect(
      await assignServicePort(f.deps, f.actor, {
        serviceId: budi.serviceId,
        odpId: f.pks1.id,
        port: 3,
      }),
    ).toEqual({ odpId: f.pks1.id, port: 3 })
    expect(
      await assignServicePort(f.deps, f.actor, {
        serviceId: siti.serviceId,
        odpId: f.pks1.id,
        port: null,
      }),
    ).toEqual({ odpId: f.pks1.id, port: 1 })
    const odp = await getOdp(f.deps, f.companyId, f.pks1.id)
    expect([odp.ports, odp.used, odp.free]).toEqual([8, 2, 6])
    expect(odp.portList.map((p) => p.customerName)).toEqual([
      'Siti',
      null,
      'Budi',
      null,
      null,
      null,
      null,
      null,
    ])
    expect(odp.mapsUrl).toBe('https://www.google.com/maps?q=-6.4815,106.854')
  })

  it('refuses a port another customer has, in Indonesian, naming who has it', async () => {
    const f = await fixture()
    const budi = await f.customer('Budi', null)
    const siti = await f.customer('Siti', null)
    await assignServicePort(f.deps, f.actor, {
      serviceId: budi.serviceId,
      odpId: f.pks2.id,
      port: 2,
    })
    const r = await refusal(
      assignServicePort(f.deps, f.actor, { serviceId: siti.serviceId, odpId: f.pks2.id, port: 2 }),
    )
    expect(r.code).toBe('ODP_PORT_TAKEN')
    expect(r.text).toBe(`Port 2 di PKS-02 sudah dipakai Budi (${budi.code}). Pilih port lain.`)
  })

  it('refuses a port beyond the box, and a full box', async () => {
    const f = await fixture()
    const budi = await f.customer('Budi', null)
    const r = await refusal(
      assignServicePort(f.deps, f.actor, { serviceId: budi.serviceId, odpId: f.pks2.id, port: 5 }),
    )
    expect(r).toEqual({
      code: 'ODP_PORT_OUT_OF_RANGE',
      text: 'PKS-02 hanya punya 4 port; port 5 tidak ada.',
    })
    for (const name of ['A', 'B', 'C', 'D']) {
      const c = await f.customer(name, null)
      await assignServicePort(f.deps, f.actor, {
        serviceId: c.serviceId,
        odpId: f.pks2.id,
        port: null,
      })
    }
    expect(
      (
        await refusal(
          assignServicePort(f.deps, f.actor, {
            serviceId: budi.serviceId,
            odpId: f.pks2.id,
            port: null,
          }),
        )
      ).code,
    ).toBe('ODP_PORT_OUT_OF_RANGE')
  })

  it('keeps one port per service: assigning again moves it, null takes it off', async () => {
    const f = await fixture()
    const budi = await f.customer('Budi', null)
    await assignServicePort(f.deps, f.actor, {
      serviceId: budi.serviceId,
      odpId: f.pks1.id,
      port: 1,
    })
    await assignServicePort(f.deps, f.actor, {
      serviceId: budi.serviceId,
      odpId: f.tgh1.id,
      port: 4,
    })
    expect((await getOdp(f.deps, f.companyId, f.pks1.id)).used).toBe(0)
    const [where] = await customerPorts(f.deps, f.companyId, budi.id)
    expect(where).toMatchObject({ odpName: 'TGH-01', odcName: 'ODC Tengah', port: 4 })
    await assignServicePort(f.deps, f.actor, { serviceId: budi.serviceId, odpId: null, port: null })
    expect((await customerPorts(f.deps, f.companyId, budi.id))[0]!.odpId).toBeNull()
    const audit = await f.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'topology.port')
      .execute()
    expect(audit).toHaveLength(3)
  })

  it('will not remove an ODP with customers, nor cut its ports below one in use', async () => {
    const f = await fixture()
    const budi = await f.customer('Budi', null)
    await assignServicePort(f.deps, f.actor, {
      serviceId: budi.serviceId,
      odpId: f.pks1.id,
      port: 6,
    })
    expect(await refusal(removeOdp(f.deps, f.actor, f.pks1.id))).toEqual({
      code: 'ODP_HAS_CUSTOMERS',
      text: 'PKS-01 masih dipakai 1 pelanggan. Pindahkan mereka ke ODP lain dulu sebelum menghapus atau mengurangi port.',
    })
    const shrink = (ports: number) =>
      saveOdp(f.deps, f.actor, {
        id: f.pks1.id,
        name: 'PKS-01',
        odcId: f.pakansari.id,
        ports,
        address: null,
        latitude: null,
        longitude: null,
        notes: null,
      })
    expect((await refusal(shrink(4))).code).toBe('ODP_HAS_CUSTOMERS')
    await shrink(6)
    expect(await refusal(removeOdc(f.deps, f.actor, f.pakansari.id))).toEqual({
      code: 'ODC_HAS_ODPS',
      text: 'ODC Pakansari masih punya 2 ODP. Pindahkan atau hapus ODP-nya dulu.',
    })
    await removeOdp(f.deps, f.actor, f.pks2.id)
    expect((await topologyTree(f.deps, f.companyId)).totals.odps).toBe(2)
  })

  it('names are unique per company', async () => {
    const f = await fixture()
    const r = await refusal(
      saveOdp(f.deps, f.actor, {
        name: 'PKS-01',
        odcId: f.tengah.id,
        ports: 8,
        address: null,
        latitude: null,
        longitude: null,
        notes: null,
      }),
    )
    expect(r.code).toBe('NAME_TAKEN')
  })
})

describe('the topology tree', () => {
  it('reads POP → OLT → PON → ODC → ODP → customers in one call, OLTs without a POP last', async () => {
    const f = await fixture()
    const budi = await f.customer('Budi', null)
    await assignServicePort(f.deps, f.actor, {
      serviceId: budi.serviceId,
      odpId: f.pks2.id,
      port: 2,
    })
    const now = f.clock.now().toISOString()
    await f.db
      .insertInto('olts')
      .values({
        company_id: f.companyId,
        name: 'OLT Baru',
        vendor: 'huawei',
        host: '127.0.0.2',
        port: 161,
        snmp_version: 'v2c',
        secret_sealed: 'unused',
        active: 1,
        created_at: now,
        updated_at: now,
      })
      .execute()
    const tree = await topologyTree(f.deps, f.companyId)
    expect(tree.pops.map((p) => [p.name, p.olts.map((o) => o.name)])).toEqual([
      ['POP Cibinong', ['OLT Cibinong']],
      ['Tanpa POP', ['OLT Baru']],
    ])
    const olt = tree.pops[0]!.olts[0]!
    expect(olt.pons.map((p) => [p.pon, p.odcs.map((d) => d.name)])).toEqual([
      ['1/1/1', ['ODC Pakansari']],
      ['1/1/2', ['ODC Tengah']],
    ])
    // The ODC form edits from the tree: its notes come along, so saving does not wipe them.
    expect(olt.pons[0]!.odcs[0]!.notes).toBe('Tiang depan balai desa')
    const pks2 = olt.pons[0]!.odcs[0]!.odps.find((o) => o.name === 'PKS-02')!
    expect(pks2).toMatchObject({ ports: 4, used: 1, free: 3, down: false })
    expect(pks2.customers).toEqual([
      expect.objectContaining({ port: 2, customerName: 'Budi', customerCode: budi.code }),
    ])
    expect(tree.totals).toEqual({ olts: 2, odcs: 2, odps: 3, ports: 20, used: 1 })
  })
})

describe('gangguan massal', () => {
  async function outageFixture() {
    const f = await fixture()
    const budi = await f.customer('Budi', '6281211112222')
    const siti = await f.customer('Siti', '6281333334444')
    const eko = await f.customer('Eko', '6281555556666')
    const fajar = await f.customer('Fajar', '6281777778888')
    const put = (serviceId: number, odpId: number) =>
      assignServicePort(f.deps, f.actor, { serviceId, odpId, port: null })
    await put(budi.serviceId, f.pks1.id)
    await put(siti.serviceId, f.pks1.id)
    await put(eko.serviceId, f.pks2.id)
    await put(fajar.serviceId, f.pks1.id)
    await terminateCustomer(f.deps, f.actor, { customerId: fajar.id, reason: 'pindah' }, TZ)
    return { ...f, budi, siti, eko, fajar }
  }

  it('an ODP down lists its live services, opens one ticket linked to all of them', async () => {
    const f = await outageFixture()
    const target = { scope: 'odp' as const, odpId: f.pks1.id }
    const preview = await outagePreview(f.deps, f.companyId, target)
    expect(preview.label).toBe('ODP PKS-01')
    expect(preview.services.map((s) => s.customerName)).toEqual(['Budi', 'Siti'])

    const outage = await declareOutage(
      f.deps,
      f.actor,
      { target, cause: 'Kabel drop putus tertimpa pohon' },
      TZ,
    )
    expect(outage.services).toBe(2)
    const ticket = await f.db
      .selectFrom('tickets')
      .selectAll()
      .where('id', '=', outage.ticketId)
      .executeTakeFirstOrThrow()
    expect(ticket).toMatchObject({
      title: 'Gangguan massal: ODP PKS-01',
      category: 'gangguan',
      priority: 'darurat',
      status: 'baru',
    })
    expect(ticket.description).toContain('Kabel drop putus tertimpa pohon')
    const detail = await getOutage(f.deps, f.companyId, outage.id)
    expect(detail.list.map((s) => s.customerName)).toEqual(['Budi', 'Siti'])
    expect(detail).toMatchObject({ ticketNumber: ticket.number, customers: 2, resolvedAt: null })

    const tree = await topologyTree(f.deps, f.companyId)
    const odps = tree.pops[0]!.olts[0]!.pons[0]!.odcs[0]!.odps
    expect(odps.map((o) => [o.name, o.down])).toEqual([
      ['PKS-01', true],
      ['PKS-02', false],
    ])
  })

  it('an ODC or PON down reaches every ODP beneath it; nothing beneath is refused', async () => {
    const f = await outageFixture()
    const odc = await outagePreview(f.deps, f.companyId, { scope: 'odc', odcId: f.pakansari.id })
    expect(odc.services.map((s) => s.customerName)).toEqual(['Budi', 'Eko', 'Siti'])
    const pon = await outagePreview(f.deps, f.companyId, {
      scope: 'pon',
      oltId: f.olt.id,
      pon: '1/1/1',
    })
    expect(pon.customers).toBe(3)
    expect(
      await refusal(
        declareOutage(
          f.deps,
          f.actor,
          { target: { scope: 'odp', odpId: f.tgh1.id }, cause: null },
          TZ,
        ),
      ),
    ).toEqual({
      code: 'OUTAGE_NO_SERVICES',
      text: 'Tidak ada layanan pelanggan di bawah ODP TGH-01; tidak ada yang terdampak.',
    })
    expect(await listOutages(f.deps, f.companyId)).toEqual([])
  })

  it('an OLT down also reaches services linked only through their ONU', async () => {
    const f = await outageFixture()
    const gita = await f.customer('Gita', null)
    const now = f.clock.now().toISOString()
    await f.db
      .insertInto('olt_onus')
      .values({
        company_id: f.companyId,
        olt_id: f.olt.id,
        pon: '1/1/3',
        onu_index: 1,
        status: 'los',
        service_id: gita.serviceId,
        link_kind: 'manual',
        present: 1,
        first_seen_at: now,
        seen_at: now,
      })
      .execute()
    const olt = await outagePreview(f.deps, f.companyId, { scope: 'olt', oltId: f.olt.id })
    expect(olt.services.map((s) => [s.customerName, s.odpName])).toEqual([
      ['Budi', 'PKS-01'],
      ['Eko', 'PKS-02'],
      ['Gita', null],
      ['Siti', 'PKS-01'],
    ])
  })

  it('broadcasts to the affected only, and resolving closes the ticket and can message again', async () => {
    const f = await outageFixture()
    const outage = await declareOutage(
      f.deps,
      f.actor,
      { target: { scope: 'odp', odpId: f.pks1.id }, cause: null },
      TZ,
    )
    const notice = await sendBroadcast(f.deps, f.actor, {
      filter: { outageId: outage.id },
      body: 'Yth. {nama}, jaringan di area Anda sedang gangguan. Teknisi kami sedang menangani.',
      clientId: randomUUID(),
    })
    expect(notice).toMatchObject({ audience: 2, queued: 2 })
    const recipients = await f.db
      .selectFrom('messages')
      .select(['customer_id', 'body'])
      .where('kind', '=', 'broadcast')
      .orderBy('customer_id')
      .execute()
    expect(recipients.map((m) => m.customer_id)).toEqual([f.budi.id, f.siti.id])
    expect(recipients[0]!.body).toContain('Yth. Budi,')

    f.clock.advanceMinutes(180)
    const done = await resolveOutage(
      f.deps,
      f.actor,
      { id: outage.id, note: 'Kabel sudah disambung.' },
      TZ,
    )
    expect(done.ticketNumber).toBe(outage.ticketNumber)
    const ticket = await f.db
      .selectFrom('tickets')
      .select(['status', 'resolved_at'])
      .where('id', '=', outage.ticketId)
      .executeTakeFirstOrThrow()
    expect(ticket).toEqual({ status: 'selesai', resolved_at: f.clock.now().toISOString() })
    const events = await f.db
      .selectFrom('ticket_events')
      .select(['to_status', 'note'])
      .where('ticket_id', '=', outage.ticketId)
      .where('kind', '=', 'status')
      .orderBy('id')
      .execute()
    expect(events).toEqual([
      { to_status: 'dalam_proses', note: null },
      { to_status: 'menunggu_konfirmasi', note: null },
      { to_status: 'selesai', note: 'Kabel sudah disambung.' },
    ])
    const [listed] = await listOutages(f.deps, f.companyId)
    expect(listed).toMatchObject({
      resolvedAt: f.clock.now().toISOString(),
      ticketStatus: 'selesai',
    })
    const tree = await topologyTree(f.deps, f.companyId)
    expect(tree.pops[0]!.olts[0]!.pons[0]!.odcs[0]!.odps[0]!.down).toBe(false)

    const again = await sendBroadcast(f.deps, f.actor, {
      filter: { outageId: outage.id },
      body: 'Yth. {nama}, gangguan sudah selesai. Terima kasih atas kesabarannya.',
      clientId: randomUUID(),
    })
    expect(again.queued).toBe(2)
    expect(
      (await refusal(resolveOutage(f.deps, f.actor, { id: outage.id, note: null }, TZ))).code,
    ).toBe('OUTAGE_RESOLVED')
    const audit = await f.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['outages.declare', 'outages.resolve'])
      .orderBy('id')
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['outages.declare', 'outages.resolve'])
  })
})

describe('the ODP photo', () => {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  )

  it('keeps one image per ODP in the file store and refuses what is not one', async () => {
    const f = await fixture()
    const files = memoryFileStore()
    const deps = { ...f.deps, files }
    await setOdpPhoto(deps, f.actor, { odpId: f.pks1.id, mime: 'image/png', data: png })
    expect(await readOdpPhoto(deps, f.companyId, f.pks1.id)).toEqual({
      mime: 'image/png',
      data: png,
    })
    expect((await getOdp(f.deps, f.companyId, f.pks1.id)).hasPhoto).toBe(true)
    const r = await refusal(
      setOdpPhoto(deps, f.actor, {
        odpId: f.pks1.id,
        mime: 'image/jpeg',
        data: Buffer.from('bukan gambar'),
      }),
    )
    expect(r.code).toBe('VALIDATION')
  })
})
