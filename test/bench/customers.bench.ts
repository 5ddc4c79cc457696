import { execFileSync } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { generateDemoData } from '@core/demo-data'
import { ROOT, freePort, initDataDir, report, spawnHost, stopHost, waitHealthy } from './lib'

const cli = (...args: string[]) =>
  JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', ...args, '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
    }),
  ) as Record<string, unknown>

/** demo-data for 50,000 customers (the whole command, process start to exit). */
async function demoData(): Promise<string> {
  const samples: number[] = []
  let keep = ''
  for (let i = 0; i < 3; i++) {
    const dir = initDataDir('loket-bench-demo-')
    const t = performance.now()
    cli(
      'demo-data',
      '--customers',
      '50000',
      '--seed',
      'bench',
      '--as-of',
      '2026-11-22',
      '--data-dir',
      dir,
    )
    samples.push(performance.now() - t)
    if (i === 0) keep = dir
    else rmSync(dir, { recursive: true, force: true })
  }
  report('demo_data_50000_customers', 'ms', samples)
  return keep
}

/**
 * What a cashier types, at 50,000 customers, through the HTTP API (customers.list, first page,
 * no sort: ranked by relevance as the counter asks): names and surnames, phones written several
 * ways, codes, SIDs, street fragments. Broad one-word queries that match a third of the base are
 * reported on their own. Target: p95 ≤ 7 ms (the figure before ranking), aiming at 5 ms.
 */
export async function search(dataDir: string, name = 'customer_search_http_50000'): Promise<void> {
  const data = generateDemoData({ customers: 50_000, seed: 'bench', asOf: '2026-11-22' })
  const pick = (i: number) => data.customers[(i * 7919) % data.customers.length]!
  const queries: string[] = []
  for (let i = 0; i < 40; i++) {
    const c = pick(i)
    queries.push(c.name.split(' ').slice(-2).join(' '))
    if (c.phone)
      queries.push(
        `0${c.phone.slice(2, 5)}-${c.phone.slice(5, 9)}-${c.phone.slice(9)}`,
        `+${c.phone}`,
        c.phone.slice(-7),
      )
    queries.push(
      `CBG01-${String(1 + ((i * 613) % 9000)).padStart(4, '0')}`,
      `SID${String(1 + i * 1201).padStart(6, '0')}`,
    )
  }
  const broad = ['perum', 'jl. raya', '0812', 'blok']
  const port = await freePort()
  const child = spawnHost(dataDir, port)
  try {
    await waitHealthy(port)
    const login = await fetch(`http://127.0.0.1:${port}/api/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'owner', password: 'Sangat-Rahasia-42' }),
    })
    const token = ((await login.json()) as { result: { data: { token: string } } }).result.data
      .token
    const run = async (q: string) => {
      const t = performance.now()
      const res = await fetch(
        `http://127.0.0.1:${port}/api/trpc/customers.list?input=${encodeURIComponent(JSON.stringify({ q, limit: 200 }))}`,
        {
          headers: { authorization: `Bearer ${token}` },
        },
      )
      if (!res.ok) throw new Error(`${q}: HTTP ${res.status}`)
      await res.json()
      return performance.now() - t
    }
    for (const q of queries.slice(0, 20)) await run(q) // warm-up
    const samples: number[] = []
    for (let round = 0; round < 3; round++) for (const q of queries) samples.push(await run(q))
    report(name, 'ms', samples, {
      queries: queries.length,
      ranked: true,
      target_p95: 7,
    })
    const wide: number[] = []
    for (let round = 0; round < 5; round++) for (const q of broad) wide.push(await run(q))
    report(`${name}_broad_one_word`, 'ms', wide, { queries: broad })
  } finally {
    await stopHost(child)
  }
}

/** Import of a 10,000-row customer CSV through the CLI (read, validate, match, commit). */
async function importRows(): Promise<void> {
  const data = generateDemoData({ customers: 10_000, seed: 'impor', asOf: '2026-11-22' })
  const csvFile = path.join(tmpdir(), 'loket-bench-10000.csv')
  const cell = (v: unknown) =>
    v == null ? '' : String(v).includes(';') ? `"${String(v)}"` : String(v)
  const lines = [
    'nama;telepon;email;alamat;area;kategori;nik;npwp;paket;harga;tanggal_aktif;jadwal_tagihan;status;username_pppoe;password_pppoe;ip_statis;catatan',
  ]
  for (const c of data.customers) {
    const schedule = c.billingSchedule
      ? c.billingSchedule.kind === 'fixed'
        ? c.billingSchedule.day
        : 'aktivasi'
      : ''
    lines.push(
      [
        c.name,
        c.phone,
        c.email,
        c.address,
        c.areaCode,
        c.category,
        c.nik,
        c.npwp,
        c.productName,
        c.priceOverride,
        c.activationDate,
        schedule,
        c.status,
        c.pppoeUsername,
        c.pppoePassword,
        c.staticIp,
        c.notes,
      ]
        .map(cell)
        .join(';'),
    )
  }
  writeFileSync(csvFile, lines.join('\r\n'))
  const areas = path.join(tmpdir(), 'loket-bench-areas.csv')
  const products = path.join(tmpdir(), 'loket-bench-products.csv')
  writeFileSync(areas, ['kode;nama', ...data.areas.map((a) => `${a.code};${a.name}`)].join('\n'))
  writeFileSync(
    products,
    [
      'nama;tipe_layanan;harga;prabayar',
      ...data.products.map(
        (p) => `${p.name};${p.serviceType};${p.monthlyPrice};${p.prepaid ? 'ya' : 'tidak'}`,
      ),
    ].join('\n'),
  )
  const samples: number[] = []
  for (let i = 0; i < 3; i++) {
    const dir = initDataDir('loket-bench-import-')
    cli('import', 'areas', areas, '--data-dir', dir)
    cli('import', 'products', products, '--data-dir', dir)
    const t = performance.now()
    const result = cli('import', 'customers', csvFile, '--data-dir', dir)
    samples.push(performance.now() - t)
    if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result).slice(0, 500)}`)
    rmSync(dir, { recursive: true, force: true })
  }
  report('import_10000_customer_rows_cli', 'ms', samples, {
    target: 5000,
    note: 'whole CLI process',
  })
}

export async function run(): Promise<void> {
  const dir = await demoData()
  await search(dir)
  await importRows()
  rmSync(dir, { recursive: true, force: true })
}
