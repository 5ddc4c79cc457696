import { bytesText } from '@shared/bytes'
import { collectUsage } from '../core/usage'
import type { CommandDef } from './commands'
import { firstCompanyId } from './db'
import { withNetwork } from './network-deps'
import { count } from './words'

export const usageCommands: Record<string, CommandDef> = {
  'usage collect': {
    usage: 'usage collect [--json]   (baca penghitung byte semua router aktif sekarang)',
    run: async ({ dataDir, out }) => {
      const r = await withNetwork(dataDir, async (deps, db) =>
        collectUsage(deps, await firstCompanyId(db)),
      )
      const lines = [
        `Pemakaian dicatat dari ${count(r.routers.length)} router` +
          (r.problems.length ? `, ${count(r.problems.length)} router tidak menjawab` : ''),
        ...r.routers.map(
          (x) =>
            `  ${x.router}: ${count(x.read)} layanan terbaca, ${count(x.offline)} tidak online, ` +
            `unduh ${bytesText(x.downloadBytes)}, unggah ${bytesText(x.uploadBytes)} (${x.ms} ms)`,
        ),
        ...r.problems.map((p) => `  ${p.router}: gagal (${p.error})`),
      ]
      out.result({ routers: r.routers, problems: r.problems }, lines.join('\n'))
      return r.routers.length === 0 && r.problems.length > 0 ? 1 : 0
    },
  },
}
