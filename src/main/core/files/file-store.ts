import { createHash, randomUUID } from 'node:crypto'
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * Where uploaded documents (KTP scans, later BAST signatures) live: content-addressed files in
 * the data directory, named by their SHA-256, so the database only keeps the hash and a file is
 * written once however often it is attached.
 */
export interface FileStore {
  put(data: Buffer): Promise<string>
  get(sha256: string): Promise<Buffer>
}

export function directoryFileStore(dir: string): FileStore {
  const fileOf = (sha: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha)) throw new Error(`not a sha256: ${sha}`)
    return path.join(dir, sha.slice(0, 2), sha)
  }
  return {
    async put(data) {
      const sha = createHash('sha256').update(data).digest('hex')
      const target = fileOf(sha)
      // The name is the content: a file already there holds these very bytes.
      if (await exists(target)) return sha
      // KTP scans are the owner's only (see core/db/private-data-dir).
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 })
      // Write then rename: a crash never leaves a half-written file under the final name. Each
      // write has its own temporary name, so writers of the same bytes never share one.
      const temp = `${target}.${process.pid}.${randomUUID()}.tmp`
      try {
        await writeFile(temp, data, { flush: true, mode: 0o600 })
        await rename(temp, target)
      } catch (error) {
        await rm(temp, { force: true })
        // Another writer got there first (Windows refuses a rename over a file in use).
        if (!(await exists(target))) throw error
      }
      return sha
    },
    get: (sha) => readFile(fileOf(sha)),
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file)
    return true
  } catch {
    return false
  }
}

/** For tests and in-memory hosts: files in a Map. */
export function memoryFileStore(): FileStore {
  const files = new Map<string, Buffer>()
  return {
    async put(data) {
      const sha = createHash('sha256').update(data).digest('hex')
      files.set(sha, Buffer.from(data))
      return sha
    },
    async get(sha) {
      const f = files.get(sha)
      if (!f) throw new Error(`no file ${sha}`)
      return f
    },
  }
}
