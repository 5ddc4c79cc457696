import { describe, expect, it } from 'vitest'
import { parseInline, parseMarkdown, safeHref, splitFrontMatter } from './markdown'

describe('help articles: the Markdown subset', () => {
  it('reads headings, paragraphs joined across lines, lists with continuation lines and notes', () => {
    const md = [
      '## Langkah',
      '',
      'Buka menu',
      '**Kasir**.',
      '',
      '1. Ketik nama',
      '   pelanggan.',
      '2. Tekan `Enter`.',
      '',
      '- satu',
      '- dua',
      '',
      '> Catatan *penting*.',
    ].join('\n')
    expect(parseMarkdown(md)).toEqual([
      { kind: 'heading', level: 2, text: 'Langkah', children: [{ kind: 'text', text: 'Langkah' }] },
      {
        kind: 'paragraph',
        children: [
          { kind: 'text', text: 'Buka menu ' },
          { kind: 'strong', children: [{ kind: 'text', text: 'Kasir' }] },
          { kind: 'text', text: '.' },
        ],
      },
      {
        kind: 'list',
        ordered: true,
        items: [
          [{ kind: 'text', text: 'Ketik nama pelanggan.' }],
          [
            { kind: 'text', text: 'Tekan ' },
            { kind: 'code', text: 'Enter' },
            { kind: 'text', text: '.' },
          ],
        ],
      },
      {
        kind: 'list',
        ordered: false,
        items: [[{ kind: 'text', text: 'satu' }], [{ kind: 'text', text: 'dua' }]],
      },
      {
        kind: 'note',
        children: [
          { kind: 'text', text: 'Catatan ' },
          { kind: 'em', children: [{ kind: 'text', text: 'penting' }] },
          { kind: 'text', text: '.' },
        ],
      },
    ])
  })

  it('reads a table with its header row', () => {
    const blocks = parseMarkdown(
      '| Tombol | Fungsi |\n|---|---|\n| F2 | Tunai |\n| F3 | Transfer |',
    )
    expect(blocks).toEqual([
      {
        kind: 'table',
        header: [[{ kind: 'text', text: 'Tombol' }], [{ kind: 'text', text: 'Fungsi' }]],
        rows: [
          [[{ kind: 'text', text: 'F2' }], [{ kind: 'text', text: 'Tunai' }]],
          [[{ kind: 'text', text: 'F3' }], [{ kind: 'text', text: 'Transfer' }]],
        ],
      },
    ])
  })

  it('keeps snake_case words and a lone asterisk as text', () => {
    expect(parseInline('kode_pelanggan, jumlah_bayar dan 2 * 3')).toEqual([
      { kind: 'text', text: 'kode_pelanggan, jumlah_bayar dan 2 * 3' },
    ])
  })

  it('links to the web, to mail and inside the app; anything else is only its text', () => {
    expect(safeHref('https://wa.me/628')).toEqual({ href: 'https://wa.me/628', internal: false })
    expect(safeHref('mailto:cs@isp.id')).toEqual({ href: 'mailto:cs@isp.id', internal: false })
    expect(safeHref('/bantuan/kasir')).toEqual({ href: '/bantuan/kasir', internal: true })
    expect(safeHref('/network?tab=reconcile')).toEqual({
      href: '/network?tab=reconcile',
      internal: true,
    })
    for (const bad of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'java\tscript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox',
      '//evil.example/x',
      '/\\evil.example',
      'bantuan/kasir',
      '',
    ]) {
      expect(safeHref(bad), bad).toBeNull()
    }
    expect(parseInline('[klik](javascript:alert(1))')).not.toContainEqual(
      expect.objectContaining({ kind: 'link' }),
    )
    expect(parseInline('[klik](javascript:alert)')).toEqual([{ kind: 'text', text: 'klik' }])
  })

  it('reads front matter as key: value, the first colon only', () => {
    const { meta, body } = splitFrontMatter(
      '---\ntitle: Kasir: menerima pembayaran\nsummary: Singkat.\n---\n\n## Isi\n',
    )
    expect(meta).toEqual({ title: 'Kasir: menerima pembayaran', summary: 'Singkat.' })
    expect(body).toBe('\n## Isi\n')
  })
})
