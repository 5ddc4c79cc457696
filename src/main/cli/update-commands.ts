import { readFile } from 'node:fs/promises'
import { systemClock } from '../core/clock'
import { publishUpdate } from '../core/updates'
import type { CommandDef } from './commands'
import { argumentError, optionError } from './option-errors'
import { count } from './words'

/**
 * `updates publish`: puts an installer on this host's update feed (/updates/). Desktops and
 * clients on the LAN update from here, never from the internet.
 */
export const updateCommands: Record<string, CommandDef> = {
  'updates publish': {
    usage: 'updates publish FILE --version V [--notes FILE]   (installer → <data-dir>/updates/)',
    stringOptions: ['version', 'notes'],
    run: async ({ dataDir, positionals, values, out }) => {
      const file = positionals[0]
      if (!file) throw argumentError('FILE', 'cli.file_installer')
      const version = values.version
      if (typeof version !== 'string' || !version) throw optionError('version', 'cli.required')
      let notes: string | null = null
      if (typeof values.notes === 'string') {
        try {
          notes = await readFile(values.notes, 'utf8')
        } catch {
          throw optionError('notes', 'cli.update_notes', { file: values.notes })
        }
      }
      const u = await publishUpdate(dataDir, { file, version, notes }, systemClock)
      out.result(
        {
          ok: true,
          version: u.version,
          previousVersion: u.previousVersion,
          path: u.path,
          sha512: u.sha512,
          size: u.size,
          blockmap: u.blockmap,
          releaseDate: u.releaseDate,
          dir: u.dir,
        },
        [
          `Versi ${u.version} diterbitkan di ${u.dir}` +
            (u.previousVersion ? ` (sebelumnya ${u.previousVersion}).` : '.'),
          `  penginstal: ${u.path} (${count(u.size)} bita)`,
          `  blockmap: ${u.blockmap ?? 'tidak ada (desktop mengunduh penginstal utuh)'}`,
          '  Desktop dan klien memeriksa host saat dibuka dan setiap hari.',
        ].join('\n'),
      )
      return 0
    },
  },
}
