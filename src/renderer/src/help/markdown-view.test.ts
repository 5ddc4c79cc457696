import { MantineProvider } from '@mantine/core'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { MemoryRouter } from 'react-router'
import { describe, expect, it } from 'vitest'
import { MarkdownView } from './markdown-view'

const render = (source: string) =>
  renderToStaticMarkup(
    createElement(
      MantineProvider,
      null,
      createElement(MemoryRouter, null, createElement(MarkdownView, { source })),
    ),
  )

describe('a help article on the page', () => {
  it('shows HTML in an article as text: no script, image or handler reaches the page', () => {
    const html = render(
      [
        '<script>alert("x")</script>',
        '',
        'Teks <img src=x onerror="alert(1)"> dan <b>tebal</b>.',
        '',
        '- <iframe src="https://evil.example"></iframe>',
        '',
        '| a | b |',
        '|---|---|',
        '| <svg onload=alert(1)> | **ok** |',
      ].join('\n'),
    )
    expect(html).not.toMatch(/<script|<img|<iframe|<svg|<b>/i)
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;')
    expect(html).toContain('<strong>ok</strong>')
  })

  it('draws javascript: and data: links as plain text, and safe links as links', () => {
    const html = render(
      [
        '[jahat](javascript:alert%281%29) [juga](data:text/html,x) [aman](https://example.com)',
        '[kasir](/bantuan/kasir) [lagi](javascript:alert(1))',
      ].join('\n'),
    )
    expect(html).not.toMatch(/href="(javascript|data)/i)
    expect(html).not.toMatch(/javascript:alert%281%29|data:text/i)
    expect(html).toContain('jahat juga')
    // A target the subset cannot read stays as written text, not as a link.
    expect(html).toContain('[lagi](javascript:alert(1))')
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1])
    expect(hrefs).toEqual(['https://example.com', '/bantuan/kasir'])
    expect(html).toMatch(/href="https:\/\/example.com"[^>]*rel="noopener noreferrer"/)
  })
})
