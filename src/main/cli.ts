import { parseArgs } from 'node:util'
import { commands as baseCommands, type CommandArgs, type CommandDef } from './cli/commands'
import { demoDataCommand } from './cli/demo-data-command'
import { billingCommands } from './cli/billing-commands'
import { importCommands } from './cli/import-commands'
import { paymentImportCommands } from './cli/payment-import-command'
import { reportCommands } from './cli/report-commands'
import { networkCommands } from './cli/network-commands'
import { routerCommands } from './cli/router-commands'
import { channelCommands } from './cli/channel-commands'
import { jobCommands } from './cli/job-commands'
import { paymentCommands } from './cli/payment-commands'
import { userCommands } from './cli/user-commands'
import { updateCommands } from './cli/update-commands'
import { dbCommands } from './cli/db-commands'
import { backupCommands } from './cli/backup-commands'
import { companyCommands } from './cli/company-commands'
import { ticketCommands } from './cli/ticket-commands'
import { stockCommands } from './cli/stock-commands'
import { acsCommands } from './cli/acs-commands'
import { gatewayCommands } from './cli/gateway-commands'
import { oltCommands } from './cli/olt-commands'
import { usageCommands } from './cli/usage-commands'
import { optionError } from './cli/option-errors'
import { createOutput, reportError } from './cli/output'

/**
 * `npm run cli -- <command> --data-dir DIR [--json]`. Commands use the same core services as the
 * API; with --json each prints one JSON object. Exit code 0 on success, 1 on failure, 2 on misuse.
 */
const commands: Record<string, CommandDef> = {
  ...baseCommands,
  ...importCommands,
  ...billingCommands,
  ...reportCommands,
  ...paymentImportCommands,
  ...networkCommands,
  ...routerCommands,
  ...channelCommands,
  ...jobCommands,
  ...paymentCommands,
  ...userCommands,
  ...updateCommands,
  ...dbCommands,
  ...backupCommands,
  ...companyCommands,
  ...ticketCommands,
  ...stockCommands,
  ...acsCommands,
  ...gatewayCommands,
  ...oltCommands,
  ...usageCommands,
  'demo-data': demoDataCommand,
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: {
      ...Object.fromEntries(
        Object.values(commands)
          .flatMap((c) => c.stringOptions ?? [])
          .map((name) => [name, { type: 'string' as const }]),
      ),
      ...Object.fromEntries(
        Object.values(commands)
          .flatMap((c) => c.listOptions ?? [])
          .map((name) => [name, { type: 'string' as const, multiple: true }]),
      ),
      'data-dir': { type: 'string' },
      database: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
    },
  })
  const json = values.json === true
  const out = createOutput(json)
  const name = [positionals.slice(0, 2).join(' '), positionals[0] ?? ''].find((n) => n in commands)
  if (!name || values.help) {
    const lines = Object.values(commands).map((c) => `  ${c.usage}`)
    const text = `Usage: npm run cli -- <command> --data-dir DIR [--database postgres://…] [--json]\n\nCommands:\n${lines.join('\n')}`
    if (json)
      console.log(
        JSON.stringify({ ok: !!values.help, usage: Object.values(commands).map((c) => c.usage) }),
      )
    else console.log(text)
    return values.help ? 0 : 2
  }
  const dataDir =
    typeof values['data-dir'] === 'string' ? values['data-dir'] : process.env.LOKET_DATA_DIR
  if (!dataDir) {
    reportError(optionError('data-dir', 'cli.data_dir'), json)
    return 2
  }
  // Every command opens its database through openDatabase, which reads this (and the host's own
  // --database does the same): one switch for the engine, not an option threaded through each.
  if (typeof values.database === 'string') process.env.LOKET_DATABASE = values.database
  try {
    return await commands[name]!.run({
      positionals: positionals.slice(name.split(' ').length),
      dataDir,
      values: Object.fromEntries(
        Object.entries(values).filter(([, v]) => !Array.isArray(v)),
      ) as CommandArgs['values'],
      lists: Object.fromEntries(
        (commands[name]!.listOptions ?? []).map((o) => {
          const v = (values as Record<string, unknown>)[o]
          return [o, Array.isArray(v) ? (v as string[]) : []]
        }),
      ),
      out,
    })
  } catch (error) {
    reportError(error, json, commands[name])
    return 1
  }
}

// Exit only once stdout is flushed: a large --json answer (a run's skipped list) written to a pipe
// would otherwise be cut off by process.exit.
main(process.argv.slice(2)).then((code) => process.stdout.write('', () => process.exit(code)))
