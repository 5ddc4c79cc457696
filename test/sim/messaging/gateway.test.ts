import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startMessageSim, type MessageSim } from './gateway'

let sim: MessageSim
beforeEach(async () => {
  sim = await startMessageSim()
})
afterEach(async () => {
  await sim.close()
})

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()
const post = (path: string, token: string, fields: Record<string, string>) =>
  fetch(`${sim.url}${path}`, {
    method: 'POST',
    headers: { Authorization: token, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form(fields),
  })

describe('the WhatsApp gateway simulator', () => {
  it('speaks Fonnte: bare token, form fields, {"status":true,"id":[…]}', async () => {
    const res = await post('/send', sim.tokens.fonnte, {
      target: '6281234567890',
      message: 'Halo',
      countryCode: '62',
    })
    const json = (await res.json()) as { status: boolean; id: string[] }
    expect(json.status).toBe(true)
    expect(json.id).toHaveLength(1)
    expect(sim.received).toMatchObject([
      { provider: 'fonnte', target: '6281234567890', message: 'Halo', id: json.id[0] },
    ])
  })

  it('refuses a wrong Fonnte token with HTTP 200 and a reason, and records nothing', async () => {
    const res = await post('/send', `Bearer ${sim.tokens.fonnte}`, {
      target: '6281234567890',
      message: 'Halo',
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: false, reason: 'invalid token' })
    expect(sim.received).toHaveLength(0)
  })

  it('speaks Wablas: /api/send-message with phone and message', async () => {
    const res = await post('/api/send-message', sim.tokens.wablas, {
      phone: '6281234567890',
      message: 'Tagihan',
    })
    const json = (await res.json()) as { status: boolean; data: { messages: { id: string }[] } }
    expect(json.status).toBe(true)
    expect(json.data.messages[0]!.id).toBe(sim.received[0]!.id)
    expect(sim.received[0]).toMatchObject({ provider: 'wablas', message: 'Tagihan' })
  })

  it('takes the URL template by GET with the key in the query', async () => {
    const res = await fetch(
      `${sim.url}/url-send?key=${sim.tokens.url}&phone=6281234567890&text=${encodeURIComponent('Halo & sampai jumpa')}`,
    )
    expect(await res.json()).toMatchObject({ ok: true })
    expect(sim.received[0]).toMatchObject({ provider: 'url', message: 'Halo & sampai jumpa' })
  })

  it('fails the next messages as told, then accepts again', async () => {
    sim.failNext(1, 'down')
    sim.failNext(1, 'reject')
    sim.failNext(1, 'disconnected')
    const fields = { target: '6281234567890', message: 'x' }
    expect((await post('/send', sim.tokens.fonnte, fields)).status).toBe(503)
    expect(await (await post('/send', sim.tokens.fonnte, fields)).json()).toEqual({
      status: false,
      reason: 'invalid target',
    })
    expect(await (await post('/send', sim.tokens.fonnte, fields)).json()).toMatchObject({
      status: false,
      reason: expect.stringContaining('disconnected device'),
    })
    expect((await (await post('/send', sim.tokens.fonnte, fields)).json()) as object).toMatchObject(
      {
        status: true,
      },
    )
    expect(sim.received).toHaveLength(1)
    expect(sim.requests.map((r) => r.status)).toEqual([503, 200, 200, 200])
  })

  it('goes down (connection refused) and comes back on the same port', async () => {
    const port = sim.port
    await sim.down()
    await expect(fetch(`${sim.url}/send`, { method: 'POST' })).rejects.toThrow()
    await sim.up()
    expect(sim.port).toBe(port)
    const res = await post('/send', sim.tokens.fonnte, { target: '6281234567890', message: 'x' })
    expect(res.status).toBe(200)
  })
})
