import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
const root = path.resolve(import.meta.dirname, '../..')
const tsx = path.join(root, 'node_modules/.bin/tsx')

export interface CliResult {
  code: number
  stdout: string
  stderr: string
  /** The one JSON object `--json` prints ({} for a human-readable run). */
  json: Record<string, unknown>
}

/**
 * The real CLI (`npm run cli`) in a child process on a data directory: what operators and
 * scripts run. `--json` unless `human` is asked for; a failing command resolves with its code.
 */
export async function runCli(
  dataDir: string,
  args: string[],
  o: { human?: boolean } = {},
): Promise<CliResult> {
  const argv = ['src/main/cli.ts', ...args, '--data-dir', dataDir, ...(o.human ? [] : ['--json'])]
  const parse = (stdout: string) =>
    o.human ? {} : (JSON.parse(stdout.trim()) as Record<string, unknown>)
  try {
    const { stdout, stderr } = await run(tsx, argv, { cwd: root })
    return { code: 0, stdout, stderr, json: parse(stdout) }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr, json: parse(e.stdout) }
  }
}
