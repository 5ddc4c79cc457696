import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { importMessagesEn, importMessagesId } from './messages'

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()

describe('import messages', () => {
  it('Indonesian and English have the same keys and the same {{params}}', () => {
    expect(Object.keys(importMessagesEn).sort()).toEqual(Object.keys(importMessagesId).sort())
    for (const [key, text] of Object.entries(importMessagesId)) {
      expect([key, placeholders(importMessagesEn[key as keyof typeof importMessagesEn])]).toEqual([
        key,
        placeholders(text),
      ])
    }
  })

  it('every import.* key the code uses has a text', () => {
    const dir = new URL('.', import.meta.url)
    const used = new Set<string>()
    for (const file of readdirSync(dir).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
    )) {
      const source = readFileSync(new URL(file, dir), 'utf8')
      for (const m of source.matchAll(/'import\.(\w+)'/g)) used.add(m[1]!)
    }
    expect(used.size).toBeGreaterThan(20)
    for (const key of used) expect(importMessagesId).toHaveProperty(key)
  })
})
