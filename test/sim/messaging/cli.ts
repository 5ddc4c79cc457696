/**
 * tsx test/sim/messaging/cli.ts [--port 18080] [--smtp-port 12525] [--fonnte-token T]
 *                               [--wablas-token T] [--url-key K] [--latency MS]
 *
 * Runs the WhatsApp gateway simulator (Fonnte, Wablas, URL template) and the SMTP simulator on
 * 127.0.0.1 until SIGINT/SIGTERM, printing every message they accept. Set a channel to it with
 * e.g. `npm run cli -- channel set whatsapp --provider fonnte --token fonnte-token-sim
 * --base-url http://127.0.0.1:18080`.
 */
import { parseArgs } from 'node:util'
import { DEFAULT_TOKENS, startMessageSim } from './gateway'
import { startSmtpSim } from './smtp'

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '18080' },
      'smtp-port': { type: 'string', default: '12525' },
      'fonnte-token': { type: 'string', default: DEFAULT_TOKENS.fonnte },
      'wablas-token': { type: 'string', default: DEFAULT_TOKENS.wablas },
      'url-key': { type: 'string', default: DEFAULT_TOKENS.url },
      latency: { type: 'string', default: '0' },
    },
    strict: true,
  })
  const wa = await startMessageSim({
    port: Number(values.port),
    latencyMs: Number(values.latency),
    tokens: {
      fonnte: values['fonnte-token'],
      wablas: values['wablas-token'],
      url: values['url-key'],
    },
  })
  const mail = await startSmtpSim({ port: Number(values['smtp-port']) })
  console.log(`WhatsApp gateway simulator on ${wa.url}`)
  console.log(`  Fonnte:  POST ${wa.url}/send  (Authorization: ${wa.tokens.fonnte})`)
  console.log(`  Wablas:  POST ${wa.url}/api/send-message  (Authorization: ${wa.tokens.wablas})`)
  console.log(
    `  URL:     ${wa.url}/url-send?key={token}&phone={phone}&text={message}  (key ${wa.tokens.url})`,
  )
  console.log(`SMTP simulator on 127.0.0.1:${mail.port} (no TLS, any login)`)
  let shownWa = 0
  let shownMail = 0
  const timer = setInterval(() => {
    for (const m of wa.received.slice(shownWa))
      console.log(`[${m.provider}] → ${m.target}: ${m.message.replace(/\n/g, ' ⏎ ')}`)
    shownWa = wa.received.length
    for (const m of mail.received.slice(shownMail))
      console.log(`[smtp] ${m.from} → ${m.to.join(', ')}: ${m.subject}`)
    shownMail = mail.received.length
  }, 200)
  const stop = (): void => {
    clearInterval(timer)
    void Promise.all([wa.close(), mail.close()]).then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
