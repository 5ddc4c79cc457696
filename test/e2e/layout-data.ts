import { expect, type APIRequestContext } from '@playwright/test'
import type { MessageSim } from '../sim/messaging/index'
import type { RouterSim } from '../sim/routeros/index'
import { addSimRouter, call, setUpCompany } from './api'
import { addDays, demoData, jakartaToday } from './demo-data'
import type { Host } from './fixtures'

/** What the page visits need to open a record that has something on it. */
export interface LayoutData {
  /** A customer with a paid invoice, a partly paid one and a credit note. */
  customer: { id: number; code: string }
  /** An invoice paid in part, with a credit note. */
  invoiceId: number
  /** A customer imported from the router and isolated there. */
  routerCustomerId: number
  batchId: number
  /** A device ticket of the customer, assigned and in progress. */
  ticketId: number
}

interface Invoice {
  id: number
  customerId: number
  customerCode: string
  total: number
  balance: number
}

/** Twelve PPPoE customers on the router, two thirds of them online, as an operator arrives. */
export function seedRouter(sim: RouterSim): void {
  for (const [name, rate] of [
    ['10M', '10M/10M'],
    ['20M', '20M/20M'],
    ['ISOLIR', '256k/256k'],
  ] as const)
    sim.state.add('/ppp/profile', { name, 'rate-limit': rate })
  const names = ['Budi Santoso', 'Siti Aminah', 'Agus Salim', 'Dewi Lestari', 'Rudi Hartono']
  const online: { name: string; address: string; callerId: string; uptime: string }[] = []
  for (let i = 1; i <= 12; i++) {
    const name = `pel${String(i).padStart(3, '0')}`
    sim.state.add('/ppp/secret', {
      name,
      password: `rahasia${i}`,
      service: 'pppoe',
      profile: i % 3 === 0 ? '20M' : '10M',
      comment: `${names[i % names.length]} ${i}`,
    })
    if (i % 3 !== 0)
      online.push({
        name,
        address: `10.10.10.${i}`,
        callerId: `AA:BB:CC:DD:EE:${String(i).padStart(2, '0')}`,
        uptime: `${i}d${i}h12m`,
      })
  }
  sim.state.setOnline(online)
}

/**
 * A company with what fills every page: 300 demo customers and a run 20 days old (so the aging,
 * the reminders and tomorrow's isolir have rows), payments of each method, a reversal, a credit
 * note, a promise, reminders sent through the WhatsApp simulator, a router with imported
 * customers (one isolated, one profile changed behind Loket's back, one secret Loket does not
 * know), a hotspot batch, a POP, a price list, job runs and a second user.
 */
export async function seedEveryPage(
  request: APIRequestContext,
  host: Host,
  sim: RouterSim,
  wa: MessageSim,
): Promise<{ token: string; data: LayoutData }> {
  const token = await setUpCompany(request, host)
  const api = <T>(procedure: string, input: unknown, kind?: 'query') =>
    call<T>(request, host, token, procedure, input, kind)
  const today = jakartaToday()
  const asOf = addDays(today, -20)
  const period = asOf.slice(0, 7)
  await demoData(host, { customers: 300, seed: 'layout-1366', asOf })

  const areas = await api<{ id: number; code: string }[]>('catalog.areas', undefined, 'query')
  const area = areas.find((a) => a.code === 'CBG01')!
  const products = await api<{ id: number; monthlyPrice: number }[]>(
    'catalog.products',
    undefined,
    'query',
  )
  await api('catalog.savePop', {
    name: 'POP Cibinong Utama',
    areaId: area.id,
    address: 'Jl. Raya Cibinong No. 12, Pabuaran',
    notes: 'Tiang di samping masjid, kunci di Pak RT',
  })
  await api('catalog.savePriceList', {
    name: 'Harga khusus Perumahan Cibinong Asri',
    areaId: area.id,
    items: products.slice(0, 2).map((p) => ({ productId: p.id, price: p.monthlyPrice - 10_000 })),
  })

  const router = await addSimRouter(request, host, token, sim.port)
  await api('routerImport.commit', { routerId: router.id, areaId: area.id })

  await api('billing.runPeriod', { period, asOf })
  const { rows } = await api<{ rows: Invoice[] }>(
    'billing.invoices',
    { period, limit: 60 },
    'query',
  )
  const open = rows.filter(
    (r, i) => r.balance > 20_000 && rows.findIndex((x) => x.customerId === r.customerId) === i,
  )
  const [full, partial, ewallet, reversed, promised] = open as [
    Invoice,
    Invoice,
    Invoice,
    Invoice,
    Invoice,
  ]
  const pay = (i: Invoice, amount: number, method: string, reference?: string) =>
    api<{ paymentId: number }>('payments.record', {
      customerId: i.customerId,
      amount,
      method,
      reference,
      invoiceId: i.id,
    })
  await pay(full, full.balance, 'cash')
  await pay(partial, Math.floor(partial.balance / 2), 'transfer', 'TRF-BCA-0001')
  await pay(ewallet, ewallet.balance, 'ewallet', 'DANA-778812')
  const mistaken = await pay(reversed, reversed.balance, 'cash')
  await api('payments.reverse', { paymentId: mistaken.paymentId, reason: 'Salah pelanggan' })
  await api('billing.creditNote', {
    invoiceId: partial.id,
    amount: 5_000,
    reason: 'Gangguan jaringan dua hari',
  })
  await api('collections.createPromise', {
    customerId: promised.customerId,
    untilDate: addDays(today, 5),
    note: 'Gajian tanggal 25',
  })

  await api('channels.set', { provider: 'fonnte', token: wa.tokens.fonnte, baseUrl: wa.url })
  await api('collections.queueReminders', { period, clientId: 'layout-1366-reminders' })

  // On the router: one customer isolated through Loket, one profile changed in Winbox, one
  // secret Loket has never seen — so the queue, the reconciliation and the batch have rows.
  const candidates = await api<{ rows: { serviceId: number; customerId: number }[] }>(
    'network.isolirCandidates',
    { action: 'isolir', routerId: router.id },
    'query',
  )
  const isolated = candidates.rows[0]!
  await api('network.isolir', {
    action: 'isolir',
    serviceIds: [isolated.serviceId],
    reason: 'Uji tampilan',
  })
  sim.state.set('/ppp/secret', 'pel002', { profile: '20M' })
  sim.state.add('/ppp/secret', {
    name: 'tamu-lama',
    password: 'x',
    service: 'pppoe',
    profile: '10M',
  })

  const profile = await api<{ id: number }>('hotspot.saveProfile', {
    routerId: router.id,
    name: '1hari',
    rateLimit: '2M/2M',
    validity: '1d',
    price: 5_000,
  })
  const batch = await api<{ id: number }>('hotspot.createBatch', {
    profileId: profile.id,
    count: 10,
    prefix: 'HS',
    length: 6,
    charset: 'numeric',
    mode: 'voucher',
  })

  await api('schedule.runNow', { job: 'reconcile' })
  await api('schedule.runNow', { job: 'restore' })
  // One backup, verified, for the Backup & Restore page's list (made in the host's background).
  await api('backups.create', {})
  const progress = () =>
    api<{ status: string; file: string } | null>('backups.progress', undefined, 'query')
  await expect.poll(async () => (await progress())?.status, { timeout: 60_000 }).toBe('done')
  await api('backups.verify', { file: (await progress())!.file })
  await api('users.create', {
    name: 'Teknisi Lapangan',
    username: 'teknisi',
    password: 'Lapangan-Rahasia-77',
    role: 'technician',
  })
  const technicians = await api<{ id: number; username: string }[]>(
    'tickets.assignees',
    undefined,
    'query',
  )
  const ticket = await api<{ id: number }>('tickets.open', {
    customerId: partial.customerId,
    category: 'perangkat',
    priority: 'darurat',
    medium: 'whatsapp',
    title: 'ONT mati total setelah listrik padam, lampu PON berkedip merah',
    deviceSerial: 'ZTEGC8F1A2B3',
    picName: 'Ibu Sari',
    picPhone: '081299998888',
    assigneeId: technicians.find((u) => u.username === 'teknisi')!.id,
  })
  await api('tickets.update', { id: ticket.id, status: 'dalam_proses', note: 'Teknisi berangkat.' })
  await seedWarehouse(api)
  // Registrasi: a long name at Survei (with its priority) and one just registered.
  for (const [name, survey] of [
    ['Raden Mas Bagus Wicaksono Adiningrat Kusumawardhana', true],
    ['Gilang Anugrah', false],
  ] as const) {
    const prospect = await api<{ id: number }>('customers.create', { areaId: area.id, name })
    const card = await api<{ id: number }>('registrations.open', { customerId: prospect.id })
    if (survey)
      await api('registrations.scheduleSurvey', {
        registrationId: card.id,
        priority: 'tinggi',
        date: today,
      })
  }

  return {
    token,
    data: {
      customer: { id: partial.customerId, code: partial.customerCode },
      invoiceId: partial.id,
      routerCustomerId: isolated.customerId,
      batchId: batch.id,
      ticketId: ticket.id,
    },
  }
}

/** Gudang: two warehouses, three items (one low, one serial-numbered), requests in every state. */
async function seedWarehouse(
  api: <T>(procedure: string, input: unknown, kind?: 'query') => Promise<T>,
): Promise<void> {
  const pusat = await api<{ id: number }>('warehouse.saveWarehouse', {
    name: 'Gudang Pusat Cibinong',
    address: 'Jl. Raya Cibinong No. 12',
  })
  await api('warehouse.saveWarehouse', { name: 'Gudang Bojonggede', address: null })
  const ont = await api<{ id: number }>('warehouse.saveItem', {
    name: 'ONT ZTE F609 V5.3',
    unit: 'pcs',
    serial: true,
    lowThreshold: 2,
  })
  const kabel = await api<{ id: number }>('warehouse.saveItem', {
    name: 'Kabel dropcore 1 core precon',
    unit: 'meter',
    lowThreshold: 500,
  })
  const konektor = await api<{ id: number }>('warehouse.saveItem', {
    name: 'Fast connector SC/UPC',
    unit: 'pcs',
    lowThreshold: 20,
  })
  await api('warehouse.stockIn', {
    itemId: ont.id,
    warehouseId: pusat.id,
    qty: 3,
    serials: ['ZTEGC8A1B2C3', 'ZTEGC8A1B2C4', 'ZTEGC8A1B2C5'],
    note: 'pembelian dari distributor',
  })
  await api('warehouse.stockIn', { itemId: kabel.id, warehouseId: pusat.id, qty: 300 })
  await api('warehouse.stockIn', { itemId: konektor.id, warehouseId: pusat.id, qty: 150 })
  const people = await api<{ id: number }[]>('warehouse.people', undefined, 'query')
  const ask = (forId: number, lines: { itemId: number; qty: number }[]) =>
    api<{ id: number }>('warehouse.createRequest', {
      forKind: 'installation',
      forId,
      warehouseId: pusat.id,
      technicianId: people[0]!.id,
      lines,
    })
  const a = await ask(1, [
    { itemId: ont.id, qty: 1 },
    { itemId: kabel.id, qty: 120 },
  ])
  await api('warehouse.decideRequest', { id: a.id, approve: true })
  await api('warehouse.issueRequest', { id: a.id, serials: { [ont.id]: ['ZTEGC8A1B2C3'] } })
  const b = await ask(2, [{ itemId: konektor.id, qty: 4 }])
  await api('warehouse.decideRequest', { id: b.id, approve: true })
  await ask(3, [{ itemId: kabel.id, qty: 80 }])
}
