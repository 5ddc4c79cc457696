import { describe, expect, it } from 'vitest'
import { SentenceParser, decodeLength, encodeLength, encodeSentence, encodeWord } from './words.js'

const hex = (b: Buffer): string => b.toString('hex').toUpperCase()

describe('RouterOS word length prefix', () => {
  const cases: [number, string][] = [
    [0x00, '00'],
    [0x01, '01'],
    [0x7f, '7F'],
    [0x80, '8080'],
    [0x3fff, 'BFFF'],
    [0x4000, 'C04000'],
    [0x1fffff, 'DFFFFF'],
    [0x200000, 'E0200000'],
    [0xfffffff, 'EFFFFFFF'],
    [0x10000000, 'F010000000'],
    [0xffffffff, 'F0FFFFFFFF'],
  ]
  it.each(cases)('encodes %i as %s and decodes it back', (length, bytes) => {
    const enc = encodeLength(length)
    expect(hex(enc)).toBe(bytes)
    expect(decodeLength(enc)).toEqual({ length, size: enc.length })
  })

  it('reports an incomplete prefix as null and rejects control bytes', () => {
    expect(decodeLength(Buffer.from([0xc0, 0x40]))).toBeNull()
    expect(decodeLength(Buffer.from([0xf0, 0, 0, 0]))).toBeNull()
    expect(decodeLength(Buffer.alloc(0))).toBeNull()
    expect(() => decodeLength(Buffer.from([0xf8]))).toThrow(/control byte/)
  })

  it('round-trips words of every prefix size', () => {
    for (const len of [0, 1, 0x7f, 0x80, 0x3fff, 0x4000, 0x200000]) {
      const word = 'x'.repeat(len)
      const enc = encodeWord(word)
      const dec = decodeLength(enc)!
      expect(dec.length).toBe(len)
      expect(enc.length).toBe(dec.size + len)
    }
  })
})

describe('SentenceParser', () => {
  const sentences = [
    ['/ppp/secret/print', '=.proplist=.id,name', '?name=budi', '.tag=7'],
    ['/login', '=name=admin', `=password=${'p'.repeat(200)}`],
    ['/x', '=v=a=b=c', 'é ü'],
  ]
  const wire = Buffer.concat(sentences.map(encodeSentence))

  it('parses a stream split at every possible boundary (two chunks)', () => {
    for (let cut = 0; cut <= wire.length; cut++) {
      const got: string[][] = []
      const p = new SentenceParser((w) => got.push(w))
      p.feed(wire.subarray(0, cut))
      p.feed(wire.subarray(cut))
      expect(got).toEqual(sentences)
      expect(p.buffered).toBe(0)
    }
  })

  it('parses a stream delivered one byte at a time', () => {
    const got: string[][] = []
    const p = new SentenceParser((w) => got.push(w))
    for (let i = 0; i < wire.length; i++) p.feed(wire.subarray(i, i + 1))
    expect(got).toEqual(sentences)
  })

  it('parses a 3-byte and a 4-byte prefixed word split inside the prefix', () => {
    const big = ['/big', `=data=${'z'.repeat(0x4000)}`, `=more=${'y'.repeat(0x200000)}`]
    const enc = encodeSentence(big)
    const firstWord = encodeWord('/big').length
    for (const cut of [firstWord + 1, firstWord + 2, firstWord + 3 + 0x4006 + 2]) {
      const got: string[][] = []
      const p = new SentenceParser((w) => got.push(w))
      p.feed(enc.subarray(0, cut))
      expect(got).toEqual([])
      p.feed(enc.subarray(cut))
      expect(got).toEqual([big])
    }
  })

  it('throws on a reserved control byte', () => {
    const p = new SentenceParser(() => {})
    expect(() => p.feed(Buffer.from([0xff, 0x00]))).toThrow()
  })
})
