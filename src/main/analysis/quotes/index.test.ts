import { describe, expect, it } from 'vitest'
import { attributeQuotes } from './index'

const BRITISH = [
  'Truss vows to ‘tighten the vice’ on Moscow',
  '',
  'By Jane Reporter, Political Correspondent',
  '',
  'UK Foreign Secretary Liz Truss has said Britain will keep up the pressure on the Kremlin.',
  '',
  'In a video address, she said: ‘We will not stand by while the Ukrainians’ cities are shelled. This is not the ’90s any more.’',
  '',
  'Prime Minister Boris Johnson told The Times that the sanctions were working. ‘They are biting,’ Mr Johnson said. ‘Ukraine’s courage doesn’t waver.’',
  '',
  'The Prime Minister added at a press conference:',
  '',
  '‘We are going to keep going.',
  '',
  '‘We will give Ukraine the weapons it needs.',
  '',
  '‘And we will not rest until the invasion fails.’',
  '',
  'Dr Sarah Hale, a historian at King’s College London, said the ‘rock ’n’ roll diplomacy’ of the past was over.',
  '',
  'Contact the newsroom: ‘Tips’ go to news@example.co.uk'
].join('\n')

function expectedSpan(body: string, text: string): { start: number; end: number } {
  const start = body.indexOf(text)
  return { start, end: start + text.length }
}

describe('attributeQuotes on a British-style article', () => {
  const footerStart = BRITISH.indexOf('Contact the newsroom')
  const result = attributeQuotes(BRITISH, {
    boilerplate: [{ start: footerStart, end: BRITISH.length, text: BRITISH.slice(footerStart) }]
  })
  const summary = result.quotes.map((q) => ({
    start: q.start,
    end: q.end,
    speaker: q.speaker
  }))

  it('finds every quote with its exact span and speaker, and nothing in the footer', () => {
    const threeParagraphs = BRITISH.slice(
      BRITISH.indexOf('We are going'),
      BRITISH.indexOf('invasion fails.') + 'invasion fails.'.length
    )
    expect(summary).toEqual([
      { ...expectedSpan(BRITISH, 'tighten the vice'), speaker: 'Liz Truss' },
      {
        ...expectedSpan(
          BRITISH,
          'We will not stand by while the Ukrainians’ cities are shelled. This is not the ’90s any more.'
        ),
        speaker: 'Liz Truss'
      },
      { ...expectedSpan(BRITISH, 'They are biting,'), speaker: 'Boris Johnson' },
      { ...expectedSpan(BRITISH, 'Ukraine’s courage doesn’t waver.'), speaker: 'Boris Johnson' },
      { ...expectedSpan(BRITISH, threeParagraphs), speaker: 'Boris Johnson' },
      { ...expectedSpan(BRITISH, 'rock ’n’ roll diplomacy'), speaker: 'Sarah Hale' }
    ])
  })

  it('keeps text equal to the body slice, quote marks excluded', () => {
    for (const quote of result.quotes) {
      expect(quote.text).toBe(BRITISH.slice(quote.start, quote.end))
      expect(quote.text).not.toMatch(/^[‘“'"]|[’”'"]$/u)
    }
  })

  it('keeps roles and venues and tells partial quotes from direct ones', () => {
    const [headline, address, , , conference, partial] = result.quotes
    expect(headline.kind).toBe('partial')
    expect(address).toMatchObject({ kind: 'direct', venue: 'a video address' })
    expect(conference).toMatchObject({ kind: 'direct', venue: 'a press conference' })
    expect(partial).toMatchObject({ kind: 'partial', role: 'historian at King’s College London' })
    const truss = result.speakers.find((s) => s.name === 'Liz Truss')
    expect(truss?.role).toBe('UK Foreign Secretary')
    const johnson = result.speakers.find((s) => s.name === 'Boris Johnson')
    expect(johnson?.aliases).toContain('Mr Johnson')
  })
})

describe('attributeQuotes on American-style marks', () => {
  it('attributes said-after, said-before and according-to quotes, and resolves "he"', () => {
    const body = [
      'Senator Tom Baker spoke in Ohio on Monday.',
      '',
      '"We will win this state," Baker said. "Nobody doubts it."',
      '',
      'According to the Ohio Herald, "the crowd was the largest of the year."',
      '',
      '“It was a good day,” he told reporters.'
    ].join('\n')
    const { quotes } = attributeQuotes(body)
    expect(quotes.map((q) => [q.text, q.speaker])).toEqual([
      ['We will win this state,', 'Tom Baker'],
      ['Nobody doubts it.', 'Tom Baker'],
      ['the crowd was the largest of the year.', 'Ohio Herald'],
      ['It was a good day,', 'Tom Baker']
    ])
  })

  it('gives speaker null rather than a guess when nobody is named', () => {
    const { quotes } = attributeQuotes('The sign read: "Closed for the season, see you in spring."')
    expect(quotes).toHaveLength(1)
    expect(quotes[0].speaker).toBeNull()
  })

  it('lowers the confidence of a quote whose closing mark is missing, and warns', () => {
    const body = 'Ann Lee said: "We are done here.\n\nThe meeting ended.'
    const { quotes, warnings } = attributeQuotes(body)
    expect(quotes).toHaveLength(1)
    expect(quotes[0].text).toBe('We are done here.')
    expect(quotes[0].confidence).toBeLessThan(0.6)
    expect(warnings.length).toBeGreaterThan(0)
  })

  it('does not propose titles after a possessive or markup attributes', () => {
    const body =
      'He spoke on NBC’s “Meet the Press” on Sunday.\n\n<tweet author="@someone">Hello</tweet>'
    expect(attributeQuotes(body).quotes).toEqual([])
  })

  it('is deterministic', () => {
    expect(attributeQuotes(BRITISH)).toEqual(attributeQuotes(BRITISH))
  })
})
