import { MODULE_KEYS, MODULES, isModuleKey, type ModuleState } from '@shared/modules'
import { cliActor } from '../core/audit'
import { saveModules } from '../core/companies'
import { getModules } from '../core/settings'
import type { CommandDef } from './commands'
import { cliDeps, firstCompanyId, withDb } from './db'
import { optionError } from './option-errors'

const ON = new Set(['on', 'true', '1'])
const OFF = new Set(['off', 'false', '0'])

/** `--set hotspot=off` (repeatable) as the change to save; a wrong key or value says what fits. */
function changeOf(sets: string[]): Partial<ModuleState> {
  const change: Partial<ModuleState> = {}
  for (const set of sets) {
    const [key = '', value = ''] = set.split('=', 2).map((s) => s.trim())
    if (!isModuleKey(key))
      throw optionError('set', 'cli.one_of', { choices: MODULE_KEYS.join(', ') })
    const v = value.toLowerCase()
    if (!ON.has(v) && !OFF.has(v)) throw optionError('set', 'cli.one_of', { choices: 'on, off' })
    change[key] = ON.has(v)
  }
  return change
}

export const companyCommands: Record<string, CommandDef> = {
  'company modules': {
    usage:
      'company modules [--set hotspot=on|off …]   (which modules are on; switching one off deletes nothing)',
    listOptions: ['set'],
    run: async ({ dataDir, lists, out }) => {
      const change = changeOf(lists.set ?? [])
      const modules = await withDb(dataDir, async (db) => {
        const companyId = await firstCompanyId(db)
        if (Object.keys(change).length === 0) return getModules(db, companyId)
        // The host's own console acts with the owner's authority (audited as the console).
        return saveModules(cliDeps(db, dataDir), { ...cliActor(companyId), companyId }, change)
      })
      const lines = MODULE_KEYS.map(
        (key) => `  ${MODULES[key].label} (${key}): ${modules[key] ? 'menyala' : 'mati'}`,
      )
      out.result({ ok: true, modules }, ['Modul:', ...lines].join('\n'))
      return 0
    },
  },
}
