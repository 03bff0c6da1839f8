import { describe, expect, it } from 'vitest'
import type { Analysis } from '@shared/model'
import { formatAnalysisJsonLine, formatAnalysisSummary } from './cli-output'

const analysis: Analysis = {
  title: 'Truss warns Moscow',
  outlet: 'Metro',
  byline: 'Jane Smith',
  publishedAt: '2026-11-24',
  url: null,
  body: 'Truss warns Moscow\n\n‘We stand firm,’ Ms Truss said.\n\nShare this article',
  boilerplate: [{ start: 52, end: 70, text: 'Share this article' }],
  quotes: [
    {
      start: 21,
      end: 34,
      text: 'We stand firm',
      speaker: 'Liz Truss',
      role: 'Foreign Secretary',
      venue: null,
      kind: 'direct',
      confidence: 0.95
    }
  ],
  people: [{ name: 'Liz Truss', aliases: ['Ms Truss'], role: 'Foreign Secretary' }],
  organisations: [{ name: 'Nato', aliases: ['NATO'] }],
  places: [{ name: 'Moscow' }],
  warnings: ['A warning']
}

describe('formatAnalysisJsonLine', () => {
  it('prints exactly the CLI contract’s keys, in order, on one line', () => {
    const line = formatAnalysisJsonLine('articles/truss.txt', analysis)
    expect(line).not.toContain('\n')
    expect(line).toBe(
      '{"file":"articles/truss.txt","title":"Truss warns Moscow","outlet":"Metro","byline":"Jane Smith",' +
        '"publishedAt":"2026-11-24","url":null,' +
        '"boilerplate":[{"start":52,"end":70,"text":"Share this article"}],' +
        '"quotes":[{"start":21,"end":34,"text":"We stand firm","speaker":"Liz Truss","role":"Foreign Secretary",' +
        '"venue":null,"kind":"direct","confidence":0.95}],' +
        '"people":[{"name":"Liz Truss","aliases":["Ms Truss"],"role":"Foreign Secretary"}],' +
        '"organisations":[{"name":"Nato","aliases":["NATO"]}],"places":[{"name":"Moscow"}]}'
    )
  })
})

describe('formatAnalysisSummary', () => {
  it('lists metadata, quotes with speakers, entities, boilerplate and warnings', () => {
    expect(formatAnalysisSummary('truss.txt', analysis)).toBe(
      [
        'truss.txt',
        '  Title:     Truss warns Moscow',
        '  Outlet:    Metro',
        '  Byline:    Jane Smith',
        '  Published: 2026-11-24',
        '  URL:       —',
        '  Quotes (1):',
        '    [21–34] “We stand firm” — Liz Truss, Foreign Secretary (direct, 0.95)',
        '  People (1):',
        '    Liz Truss (Ms Truss) — Foreign Secretary',
        '  Organisations: Nato (NATO)',
        '  Places: Moscow',
        '  Boilerplate set aside (1):',
        '    [52–70] Share this article',
        '  Warning: A warning'
      ].join('\n')
    )
  })
})
