import { existsSync } from 'node:fs'
import { open, readdir, rm } from 'node:fs/promises'
import path from 'node:path'

/**
 * The names a backup in progress uses, and their cleanup. Each carries the writer's process id:
 * a leftover whose writer is gone (killed, crashed) is removed by `backup list`; one whose
 * writer still runs is left alone.
 */

export const PARTIAL_SUFFIX = '.partial'

export const partialName = (file: string, pid: number) => `${file}.${pid}${PARTIAL_SUFFIX}`

export const snapshotName = (pid: number, id: string) => `.snapshot-${pid}-${id}.sqlite`

const LEFTOVER =
  /^(?:.+\.loket-backup\.(\d+)\.partial|\.snapshot-(\d+)-[0-9a-f-]+\.sqlite(?:-wal|-shm|-journal)?)$/

function running(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Removes the leftovers of backups whose writer is gone; returns their names. */
export async function removeLeftovers(folder: string): Promise<string[]> {
  if (!existsSync(folder)) return []
  const removed: string[] = []
  for (const name of await readdir(folder)) {
    const match = LEFTOVER.exec(name)
    if (!match) continue
    const pid = Number(match[1] ?? match[2])
    if (pid === process.pid || running(pid)) continue
    await rm(path.join(folder, name), { force: true })
    removed.push(name)
  }
  return removed
}

/** Makes a rename durable: the directory entry itself is flushed (POSIX; Windows has no such call). */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
