import { Receiver as LibraryReceiver } from 'node-routeros'
import { describe, expect, it, vi } from 'vitest'
import { encodeSentence } from './codec'
import { SentenceReceiver, type ReceiverHooks } from './receiver'

/** A length prefix of exactly `size` bytes (non-minimal ones are legal and decode the same). */
function prefix(length: number, size: number): Buffer {
  switch (size) {
    case 1:
      return Buffer.from([length])
    case 2:
      return Buffer.from([0x80 | (length >> 8), length & 0xff])
    case 3:
      return Buffer.from([0xc0 | (length >> 16), (length >> 8) & 0xff, length & 0xff])
    case 4: {
      const b = Buffer.alloc(4)
      b.writeUInt32BE((0xe0000000 | length) >>> 0)
      return b
    }
    default: {
      const b = Buffer.alloc(5)
      b[0] = 0xf0
      b.writeUInt32BE(length, 1)
      return b
    }
  }
}

function sentence(words: string[], size?: number): Buffer {
  if (size === undefined) return encodeSentence(words)
  const parts = words.flatMap((w) => {
    const bytes = Buffer.from(w, 'latin1')
    return [prefix(bytes.length, size), bytes]
  })
  return Buffer.concat([...parts, Buffer.from([0])])
}

function collect(hooks: Partial<ReceiverHooks> = {}) {
  const got: [string, string[]][] = []
  const all: ReceiverHooks = {
    fatal: vi.fn(),
    protocolError: vi.fn(),
    readerError: vi.fn(),
    untagged: vi.fn(),
    ...hooks,
  }
  const receiver = new SentenceReceiver(all)
  const listen = (tag: string) => receiver.read(tag, (packet) => got.push([tag, packet]))
  return { receiver, got, hooks: all, listen }
}

/** Deterministic pseudo-random chunk sizes. */
function* chunks(bytes: Buffer, seed: number, max: number): Generator<Buffer> {
  let s = seed
  let off = 0
  while (off < bytes.length) {
    s = (s * 1103515245 + 12345) % 2147483648
    const n = 1 + (s % max)
    yield bytes.subarray(off, off + n)
    off += n
  }
}

const REPLIES: { tag: string; words: string[] }[] = []
for (let i = 0; i < 30; i++) {
  const tag = `t${i}`
  const comment = i % 4 === 0 ? 'x'.repeat(300) : `c${i}`
  REPLIES.push({ tag, words: ['!re', `=name=user${i}`, `=comment=${comment}`, `.tag=${tag}`] })
  if (i % 5 === 0) REPLIES.push({ tag, words: ['!empty', `.tag=${tag}`] })
  REPLIES.push({ tag, words: ['!done', `.tag=${tag}`] })
}
const STREAM = Buffer.concat(REPLIES.map((r) => sentence(r.words)))
const EXPECTED = REPLIES.filter((r) => r.words[0] !== '!empty').map(
  (r) => [r.tag, r.words.filter((w) => !w.startsWith('.tag='))] as [string, string[]],
)

describe('SentenceReceiver', () => {
  it('ends sentences at the zero-length word however TCP splits the bytes', () => {
    const splits = [1, 2, 3, 7, 64, 1500]
    for (const max of splits) {
      for (let seed = 1; seed <= 20; seed++) {
        const { receiver, got, listen } = collect()
        for (let i = 0; i < 30; i++) listen(`t${i}`)
        for (const chunk of chunks(STREAM, seed, max)) receiver.processRawData(chunk)
        expect(got).toEqual(EXPECTED)
      }
    }
  })

  it('reads every cut of a two-sentence stream, including inside a length prefix', () => {
    const words = ['!re', `=comment=${'y'.repeat(200)}`, '=name=budi', '.tag=a']
    const stream = Buffer.concat([sentence(words), sentence(['!done', '.tag=a'])])
    for (let cut = 1; cut < stream.length; cut++) {
      const { receiver, got, listen } = collect()
      listen('a')
      receiver.processRawData(stream.subarray(0, cut))
      receiver.processRawData(stream.subarray(cut))
      expect(got).toEqual([
        ['a', ['!re', `=comment=${'y'.repeat(200)}`, '=name=budi']],
        ['a', ['!done']],
      ])
    }
  })

  it.each([1, 2, 3, 4, 5])('decodes %i-byte length prefixes split anywhere', (size) => {
    const words = ['!re', '=name=budi', '=profile=10M', '.tag=a']
    const stream = Buffer.concat([sentence(words, size), sentence(['!done', '.tag=a'], size)])
    for (let cut = 1; cut < stream.length; cut++) {
      const { receiver, got, listen } = collect()
      listen('a')
      receiver.processRawData(stream.subarray(0, cut))
      receiver.processRawData(stream.subarray(cut))
      expect(got).toEqual([
        ['a', ['!re', '=name=budi', '=profile=10M']],
        ['a', ['!done']],
      ])
    }
  })

  it('reads words long enough to need 2-, 3- and 4-byte prefixes', () => {
    const lengths = [0x7f, 0x80, 0x3fff, 0x4000, 0x1fffff, 0x200000]
    const words = lengths.map((n, i) => `=f${i}=${'z'.repeat(n - `=f${i}=`.length)}`)
    const bytes = sentence(['!re', ...words, '.tag=big'])
    expect(bytes.length).toBeGreaterThan(0x200000 * 2)
    const { receiver, got, listen } = collect()
    listen('big')
    for (const chunk of chunks(bytes, 7, 65_536)) receiver.processRawData(chunk)
    expect(got).toHaveLength(1)
    expect(got[0]![1].slice(1).map((w) => Buffer.byteLength(w, 'latin1'))).toEqual(lengths)
  })

  it('decodes win1252', () => {
    const { receiver, got, listen } = collect()
    listen('a')
    receiver.processRawData(sentence(['!re', '=comment=Café €5', '.tag=a']))
    expect(got).toEqual([['a', ['!re', '=comment=Café €5']]])
    // 'é' is one byte (0xE9) and '€' is 0x80 on the wire, as RouterOS sends them.
    expect(encodeSentence(['é€']).subarray(1, 3)).toEqual(Buffer.from([0xe9, 0x80]))
  })

  it('treats !empty as no rows and still delivers the !done after it', () => {
    const { receiver, got, listen } = collect()
    listen('p')
    receiver.processRawData(
      Buffer.concat([sentence(['!empty', '.tag=p']), sentence(['!done', '.tag=p'])]),
    )
    expect(got).toEqual([['p', ['!done']]])
  })

  it('drops untagged sentences and replies to tags no longer read, without throwing', () => {
    const { receiver, got, hooks, listen } = collect()
    listen('a')
    receiver.stop('a')
    expect(() =>
      receiver.processRawData(
        Buffer.concat([
          sentence(['!re', '=name=x']),
          sentence(['!done']),
          sentence(['!done', '.tag=a']),
          sentence(['!done', '.tag=never']),
        ]),
      ),
    ).not.toThrow()
    expect(got).toEqual([])
    expect(hooks.untagged).toHaveBeenCalledTimes(2)
  })

  it('reports !fatal (bare reason word or =message=) and stops reading', () => {
    const { receiver, got, hooks, listen } = collect()
    listen('a')
    receiver.processRawData(
      Buffer.concat([
        sentence(['!fatal', 'session terminated on request']),
        sentence(['!done', '.tag=a']),
      ]),
    )
    expect(hooks.fatal).toHaveBeenCalledWith('session terminated on request')
    expect(got).toEqual([])
    const other = collect()
    other.receiver.processRawData(sentence(['!fatal', '=message=out of memory']))
    expect(other.hooks.fatal).toHaveBeenCalledWith('out of memory')
  })

  it('reports a reserved control byte as a protocol error instead of throwing', () => {
    const { receiver, hooks } = collect()
    expect(() => receiver.processRawData(Buffer.from([0xf8, 1, 2, 3]))).not.toThrow()
    expect(hooks.protocolError).toHaveBeenCalledOnce()
    receiver.processRawData(sentence(['!done']))
    expect(hooks.protocolError).toHaveBeenCalledOnce()
  })

  it('keeps going when a reader throws', () => {
    const { receiver, hooks } = collect()
    const after = vi.fn()
    receiver.read('a', () => {
      throw new Error('boom')
    })
    receiver.read('b', after)
    expect(() =>
      receiver.processRawData(
        Buffer.concat([sentence(['!done', '.tag=a']), sentence(['!done', '.tag=b'])]),
      ),
    ).not.toThrow()
    expect(hooks.readerError).toHaveBeenCalledOnce()
    expect(after).toHaveBeenCalledWith(['!done'])
  })
})

describe('node-routeros 1.6.9 Receiver (why it is replaced)', () => {
  it('loses the rest of the stream when a chunk ends inside a 2-byte length prefix', () => {
    const receiver = new LibraryReceiver({ emit: () => true } as never)
    const got: [string, string[]][] = []
    for (const tag of ['a', 'b']) receiver.read(tag, (packet) => got.push([tag, [...packet]]))
    const long = `=comment=${'x'.repeat(200)}`
    const first = sentence(['!re', '=name=budi', long, '.tag=a'])
    const stream = Buffer.concat([
      first,
      sentence(['!done', '.tag=a']),
      sentence(['!done', '.tag=b']),
    ])
    // '!re' (4 bytes) and '=name=budi' (11 bytes), then the comment's 2-byte prefix arrives
    // split over two chunks.
    const cut = 4 + 11
    expect(stream[cut]! & 0xc0).toBe(0x80)
    const parts = [stream.subarray(0, cut), stream.subarray(cut, cut + 1), stream.subarray(cut + 1)]
    try {
      for (const part of parts) receiver.processRawData(part)
    } catch {
      // it may also throw UNREGISTEREDTAG from here, i.e. from the socket's 'data' handler
    }
    expect(got).not.toEqual([
      ['a', ['!re', '=name=budi', long]],
      ['a', ['!done']],
      ['b', ['!done']],
    ])
    const ours = collect()
    ours.listen('a')
    ours.listen('b')
    for (const part of parts) ours.receiver.processRawData(part)
    expect(ours.got).toEqual([
      ['a', ['!re', '=name=budi', long]],
      ['a', ['!done']],
      ['b', ['!done']],
    ])
  })

  it('never delivers a sentence whose terminating zero byte arrives in the next chunk', () => {
    const receiver = new LibraryReceiver({ emit: () => true } as never)
    const got: string[][] = []
    receiver.read('a', (packet) => got.push([...packet]))
    const bytes = sentence(['!done', '=ret=*1A', '.tag=a'])
    receiver.processRawData(bytes.subarray(0, bytes.length - 1))
    receiver.processRawData(bytes.subarray(bytes.length - 1))
    expect(got).toEqual([])
    const ours = collect()
    ours.listen('a')
    ours.receiver.processRawData(bytes.subarray(0, bytes.length - 1))
    ours.receiver.processRawData(bytes.subarray(bytes.length - 1))
    expect(ours.got).toEqual([['a', ['!done', '=ret=*1A']]])
  })
})
