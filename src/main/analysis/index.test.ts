import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ApiError } from '@shared/api'
import type { TextSpan } from '@shared/model'
import { analyzePaste, type AnalysisStages, type QuoteAttribution } from './index'

const trussKyiv = readFileSync(join(__dirname, 'fixtures/truss-kyiv.txt'), 'utf8')
const hostilePage = readFileSync(join(__dirname, 'fixtures/hostile-page.html'), 'utf8')

/** A stand-in quotes stage: one quote, one speaker, and a record of what it was given. */
function stubStages(): {
  stages: AnalysisStages
  calls: { body: string; boilerplate?: TextSpan[] }[]
} {
  const calls: { body: string; boilerplate?: TextSpan[] }[] = []
  const stages: AnalysisStages = {
    attributeQuotes: (body, options): QuoteAttribution => {
      calls.push({ body, boilerplate: options?.boilerplate })
      const text = 'Russia threatens nobody.'
      const start = body.indexOf(text)
      return {
        quotes: [
          {
            start,
            end: start + text.length,
            text,
            speaker: 'Dmitry Peskov',
            role: null,
            venue: 'video address',
            kind: 'direct',
            confidence: 0.9
          }
        ],
        speakers: [{ name: 'Dmitry Peskov', aliases: ['Peskov'], role: 'Kremlin spokesman' }],
        warnings: ['stub warning']
      }
    }
  }
  return { stages, calls }
}

describe('analyzePaste', () => {
  it('keeps plain text exactly as given (BOM removed) so offsets index it', () => {
    const { stages, calls } = stubStages()
    const analysis = analyzePaste({ text: `\uFEFF${trussKyiv}` }, stages)
    expect(analysis.body).toBe(trussKyiv)
    // The quote stage reads the body with the byline blanked out, offsets unchanged.
    const byline = 'By Jane Smith, Political Correspondent'
    expect(calls[0]!.body).toBe(trussKyiv.replace(byline, ' '.repeat(byline.length)))
    expect(calls[0]!.boilerplate).toEqual(analysis.boilerplate)
    for (const span of [...analysis.boilerplate, ...analysis.quotes]) {
      expect(analysis.body.slice(span.start, span.end)).toBe(span.text)
    }
    expect(analysis).toMatchObject({
      title: 'Truss warns Moscow over ‘reckless’ troop build-up',
      outlet: 'Metro',
      byline: 'Jane Smith, Political Correspondent',
      publishedAt: '2026-11-24T14:05:00Z',
      url: null,
      warnings: ['stub warning']
    })
    expect(analysis.boilerplate.map((span) => span.text)).toEqual([
      'Get in touch with our news team by emailing us at webnews@metro.co.uk.',
      'For more stories like this, check our news page.',
      '(Picture: Getty)'
    ])
    expect(analysis.people.find((person) => person.name === 'Dmitry Peskov')).toEqual({
      name: 'Dmitry Peskov',
      aliases: ['Peskov'],
      role: 'Kremlin spokesman'
    })
  })

  it('lets a given URL win over one in the text', () => {
    const { stages } = stubStages()
    const analysis = analyzePaste(
      { text: 'Headline\n\nhttps://example.org/a\n\nBody.', url: 'https://www.bbc.co.uk/news/1' },
      stages
    )
    expect(analysis.url).toBe('https://www.bbc.co.uk/news/1')
    expect(analysis.outlet).toBe('BBC News')
  })

  it('turns HTML into sanitised paragraphs separated by blank lines, with page metadata', () => {
    const { stages } = stubStages()
    const analysis = analyzePaste({ html: hostilePage, text: 'ignored plain text' }, stages)
    expect(analysis.body.split('\n\n')).toHaveLength(5)
    expect(analysis.body).not.toMatch(/<|alert|attacker/)
    expect(analysis).toMatchObject({
      title: 'Kyiv braces for winter as grid repairs race on',
      outlet: 'Metro',
      byline: 'Sam Carter',
      url: 'https://metro.co.uk/2026/11/24/kyiv-braces-for-winter'
    })
    expect(analysis.warnings[0]).toMatch(/^Removed from the pasted page: /)
  })

  it('uses the plain text when the HTML has no readable text', () => {
    const { stages } = stubStages()
    const analysis = analyzePaste({ html: '<img src="x.png">', text: 'Only text' }, stages)
    expect(analysis.body).toBe('Only text')
  })

  it('refuses HTML with no text and no plain text', () => {
    const { stages } = stubStages()
    expect(() => analyzePaste({ html: '<script>x()</script><img src="x">' }, stages)).toThrow(
      new ApiError(
        'INVALID_INPUT',
        'The pasted page has no readable text. Copy the article’s text and paste that.'
      )
    )
  })

  it('runs the real quotes stage and keeps every quote verbatim in the body', () => {
    const analysis = analyzePaste({ text: trussKyiv })
    expect(analysis.quotes.length).toBeGreaterThan(0)
    for (const quote of analysis.quotes) {
      expect(analysis.body.slice(quote.start, quote.end)).toBe(quote.text)
    }
  })

  it('names a speaker by the fullest form the article uses, with the role it gave', () => {
    const text =
      'Harbour deal welcomed\n\n' +
      'The deal was welcomed by Dmytro Koval, the deputy agriculture minister.\n\n' +
      'In a video address, Koval said: ‘Our farmers have waited long enough.’\n\n' +
      '‘Nobody will pay,’ Koval told The Times.'
    const analysis = analyzePaste({ text })
    expect(analysis.quotes.map((q) => [q.text, q.speaker, q.venue])).toEqual([
      ['Our farmers have waited long enough.', 'Dmytro Koval', 'a video address'],
      ['Nobody will pay,', 'Dmytro Koval', 'The Times']
    ])
    const person = analysis.people.find((p) => p.name === 'Dmytro Koval')
    expect(person?.aliases).toContain('Koval')
  })

  it('keeps page metadata within what the library stores', () => {
    const title = 'Long headline words '.repeat(75)
    const analysis = analyzePaste({
      html: `<html><head><title>${title}</title></head><body><p>The port reopened on Monday.</p></body></html>`
    })
    expect(analysis.title!.length).toBeLessThanOrEqual(1000)
    expect(analysis.title).toMatch(/^Long headline words Long .* (Long|headline|words)…$/)
  })

  it('never takes the article’s author for a speaker or a person cited', () => {
    const text = [
      'Council delays harbour vote',
      '',
      'Ellen Sandoval',
      'Local democracy reporter',
      '',
      'The council met on Tuesday and put the vote off again.',
      '',
      '‘We are not ready,’ she said.'
    ].join('\n')
    const analysis = analyzePaste({ text })
    expect(analysis.byline).toBe('Ellen Sandoval, Local democracy reporter')
    expect(analysis.quotes.map((q) => q.speaker)).toEqual([null])
    expect(analysis.people.map((p) => p.name)).not.toContain('Ellen Sandoval')
  })

  it('drops a venue that is the article’s own outlet, keeps another outlet', () => {
    const text = [
      'Harbour plan delayed',
      '',
      'By Tom Reid for The Harbour Courier',
      '',
      '‘We need another month,’ Mayor Ann Lee told the Courier.',
      '',
      '‘It is a mess,’ Cllr Bob Hale told The Times.'
    ].join('\n')
    const analysis = analyzePaste({ text })
    expect(analysis.outlet).toBe('The Harbour Courier')
    expect(analysis.quotes.map((q) => q.venue)).toEqual([null, 'The Times'])
  })
})
