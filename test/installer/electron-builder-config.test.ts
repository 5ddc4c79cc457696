import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'
import type { Configuration } from 'app-builder-lib'
import { DebugLogger } from 'builder-util'
import { minimatch } from 'minimatch'
import { describe, expect, it } from 'vitest'
import { DEFAULT_LAN_PORT } from '../../src/main/desktop/startup'

// The Windows installer cannot be built on this Linux machine (no Wine, no Electron download), so
// this checks what can be checked without building: electron-builder's own loader and schema
// validation accept build/electron-builder.yml, and the NSIS include opens and closes the port the
// desktop really serves the LAN on.

const root = fileURLToPath(new URL('../../', import.meta.url))
const CONFIG_FILE = 'build/electron-builder.yml'

/** The configuration exactly as `electron-builder --config build/electron-builder.yml` loads it. */
const loadConfig = () => getConfig(root, CONFIG_FILE, null)

/** electron-builder's validation (the same call its build makes before packaging anything). */
const validate = (config: object) =>
  validateConfiguration(config as Configuration, new DebugLogger(false))

type Nsis = Record<string, unknown>
const nsisOf = (config: Configuration) => config.nsis as Nsis

/** The installer script's `!define NAME value` lines. */
function defines(script: string): Map<string, string> {
  const found = new Map<string, string>()
  for (const m of script.matchAll(/^!define\s+(\w+)\s+(?:"([^"]*)"|(\S+))/gm)) {
    found.set(m[1]!, m[2] ?? m[3]!)
  }
  return found
}

/** The body of `!macro NAME` … `!macroend`, with `!insertmacro` of the script's own macros expanded. */
function macroBody(script: string, name: string): string {
  const m = new RegExp(`^!macro ${name}\\s*$([\\s\\S]*?)^!macroend`, 'm').exec(script)
  if (!m) return ''
  return m[1]!.replace(/^\s*!insertmacro\s+(\w+)\s*$/gm, (line, inner: string) =>
    script.includes(`!macro ${inner}`) ? macroBody(script, inner) : line,
  )
}

interface NetshRule {
  verb: 'add' | 'delete'
  args: Record<string, string>
}

/** Every `netsh advfirewall firewall add|delete rule …` in `text`, its `${DEFINES}` resolved. */
function netshRules(text: string, values: Map<string, string>): NetshRule[] {
  const resolved = text.replace(/\$\{(\w+)\}/g, (whole, name: string) => values.get(name) ?? whole)
  return [...resolved.matchAll(/netsh advfirewall firewall (add|delete) rule ([^'\n]*)'/g)].map(
    (m) => ({
      verb: m[1] as NetshRule['verb'],
      args: Object.fromEntries(
        [...m[2]!.matchAll(/(\w+)=(?:"([^"]*)"|(\S+))/g)].map((a) => [
          a[1]!.toLowerCase(),
          a[2] ?? a[3]!,
        ]),
      ),
    }),
  )
}

describe('Windows installer configuration (build/electron-builder.yml)', () => {
  it("passes electron-builder's own schema validation", async () => {
    const config = await loadConfig()
    await expect(validate(config)).resolves.toBeUndefined()
  })

  it('is refused by that validation when it is broken, so the check above can fail', async () => {
    const config = await loadConfig()
    const misspelt = { ...config, nsis: { ...nsisOf(config), perMachin: true } }
    await expect(validate(misspelt)).rejects.toThrow(/Invalid configuration/)
    const wrongType = { ...config, nsis: { ...nsisOf(config), perMachine: 'yes' } }
    await expect(validate(wrongType)).rejects.toThrow(/perMachine.*boolean/)
    const unknownTop = { ...config, installerPort: DEFAULT_LAN_PORT }
    await expect(validate(unknownTop)).rejects.toThrow(/Invalid configuration/)
  })

  it('builds an NSIS installer that installs per machine', async () => {
    const config = await loadConfig()
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }])
    expect(nsisOf(config).perMachine).toBe(true)
    expect(nsisOf(config).oneClick).toBe(false)
  })

  it('rebuilds better-sqlite3 for Electron and keeps its .node binary out of app.asar', async () => {
    const config = await loadConfig()
    expect(config.npmRebuild).not.toBe(false)
    const patterns = [config.asarUnpack ?? []].flat()
    const binary = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'
    expect(patterns.some((p) => minimatch(binary, p))).toBe(true)
  })

  it("takes updates from the host's /updates/ on its LAN port, never from the internet", async () => {
    const config = await loadConfig()
    const publish = [config.publish].flat()
    expect(publish).toHaveLength(1)
    expect(publish[0]).toMatchObject({ provider: 'generic' })
    const url = new URL((publish[0] as { url: string }).url)
    expect(url.pathname).toBe('/updates/')
    expect(Number(url.port)).toBe(DEFAULT_LAN_PORT)
  })
})

describe('NSIS include (firewall rule for the LAN port)', () => {
  const includeFile = async () => {
    const include = nsisOf(await loadConfig()).include
    expect(typeof include).toBe('string')
    const file = path.join(root, include as string)
    expect(existsSync(file)).toBe(true)
    return readFileSync(file, 'utf8')
  }

  it('allows inbound TCP on the desktop host port on install', async () => {
    const script = await includeFile()
    const added = netshRules(macroBody(script, 'customInstall'), defines(script)).filter(
      (r) => r.verb === 'add',
    )
    expect(added).toHaveLength(1)
    expect(added[0]!.args).toMatchObject({
      dir: 'in',
      action: 'allow',
      protocol: 'TCP',
      localport: String(DEFAULT_LAN_PORT),
    })
    expect(added[0]!.args.name).toMatch(/Loket/)
  })

  it('deletes that same rule, on that same port, on uninstall', async () => {
    const script = await includeFile()
    const values = defines(script)
    const [added] = netshRules(macroBody(script, 'customInstall'), values).filter(
      (r) => r.verb === 'add',
    )
    const deleted = netshRules(macroBody(script, 'customUnInstall'), values)
    expect(deleted.map((r) => r.verb)).toEqual(['delete'])
    expect(deleted[0]!.args.name).toBe(added!.args.name)
    expect(deleted[0]!.args.localport).toBe(String(DEFAULT_LAN_PORT))
    expect(deleted[0]!.args.protocol).toBe(added!.args.protocol)
  })
})
