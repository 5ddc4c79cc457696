import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { directoryFileStore } from './file-store'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'loket-files-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('the data directory file store', () => {
  it('six writers of the same bytes at once all succeed, and one file is kept', async () => {
    const store = directoryFileStore(dir)
    const data = Buffer.from('the same KTP scan, uploaded six times at once')
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => store.put(data)))
    expect(results.map((r) => r.status)).toEqual(Array(6).fill('fulfilled'))
    const sha = (results[0] as PromiseFulfilledResult<string>).value
    expect((await store.get(sha)).equals(data)).toBe(true)
    // No temporary file is left behind, only the stored one.
    expect(readdirSync(path.join(dir, sha.slice(0, 2)))).toEqual([sha])
  })

  it('storing bytes that are already stored is success', async () => {
    const store = directoryFileStore(dir)
    const data = Buffer.from('already here')
    const first = await store.put(data)
    expect(await store.put(data)).toBe(first)
  })
})
