import { describe, expect, it } from 'vitest'
import { changelogBlocks } from './changelog-blocks'

describe('release notes from CHANGELOG.md', () => {
  it('reads headings, bullets with their continuation lines, and paragraphs', () => {
    const md = [
      '# Changelog',
      '',
      'What changed,',
      'newest first.',
      '',
      '## 0.2.0',
      '### Updates (issue 14)',
      '- `updates publish` puts an installer',
      '  on the feed.',
      '- Tentang Loket.',
    ].join('\n')
    expect(changelogBlocks(md)).toEqual([
      { kind: 'heading', level: 1, text: 'Changelog' },
      { kind: 'paragraph', text: 'What changed, newest first.' },
      { kind: 'heading', level: 2, text: '0.2.0' },
      { kind: 'heading', level: 3, text: 'Updates (issue 14)' },
      { kind: 'list', items: ['updates publish puts an installer on the feed.', 'Tentang Loket.'] },
    ])
  })
})
