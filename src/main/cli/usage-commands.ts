import { bytesText } from '@shared/bytes'
import { cliActor } from '../core/audit'
import { checkFup, collectUsage } from '../core/usage'
import type { CommandDef } from './commands'
import { firstCompanyId } from './db'
import { withNetwork } from './network-deps'
import { count } from './words'

export const usageCommands: Record<string, CommandDef> = {
  'usage collect': {
    usage:
      'usage collect [--json]   (baca penghitung byte semua router aktif sekarang, lalu cek kuota/FUP)',
    run: async ({ dataDir, out }) => {
      const { fup, ...r } = await withNetwork(dataDir, async (deps, db) => {
        const companyId = await firstCompanyId(db)
        const collected = await collectUsage(deps, companyId)
        return { ...collected, fup: await checkFup(deps, { ...cliActor(companyId), companyId }) }
      })
      const lines = [
        `Pemakaian dicatat dari ${count(r.routers.length)} router` +
          (r.problems.length ? `, ${count(r.problems.length)} router tidak menjawab` : ''),
        ...r.routers.map(
          (x) =>
            `  ${x.router}: ${count(x.read)} layanan terbaca, ${count(x.offline)} tidak online, ` +
            `unduh ${bytesText(x.downloadBytes)}, unggah ${bytesText(x.uploadBytes)} (${x.ms} ms)`,
        ),
        ...r.problems.map((p) => `  ${p.router}: gagal (${p.error})`),
        `FUP ${fup.period}: ${count(fup.warned)} peringatan 80%, ${count(fup.throttled)} layanan ` +
          `pindah ke FUP, ${count(fup.restored)} kembali normal, ${count(fup.jobs)} pekerjaan router`,
      ]
      out.result({ routers: r.routers, problems: r.problems, fup }, lines.join('\n'))
      return r.routers.length === 0 && r.problems.length > 0 ? 1 : 0
    },
  },
}
