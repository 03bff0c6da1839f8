import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractTextMetadata, findArticleUrl } from './metadata'

const trussKyiv = readFileSync(join(__dirname, 'fixtures/truss-kyiv.txt'), 'utf8')

describe('extractTextMetadata', () => {
  it('reads headline, byline, date and the outlet from a contact footer', () => {
    const metadata = extractTextMetadata(trussKyiv)
    expect(metadata).toMatchObject({
      title: 'Truss warns Moscow over ‘reckless’ troop build-up',
      outlet: 'Metro',
      byline: 'Jane Smith, Political Correspondent',
      publishedAt: '2026-11-24T14:05:00Z',
      url: null
    })
    expect(metadata.bylineSpans.map((span) => trussKyiv.slice(span.start, span.end))).toEqual([
      'By Jane Smith, Political Correspondent'
    ])
  })

  it('reads "By … for Outlet", a labelled URL and a plain date', () => {
    const body = [
      'Harbour strike enters second week',
      'By Tom Reid for Metro.co.uk',
      'Published: 3 March 2026',
      'Dockers in Felixstowe voted to continue the strike, their union said.',
      'Source: https://metro.co.uk/2026/03/03/harbour-strike'
    ].join('\n\n')
    expect(extractTextMetadata(body)).toEqual({
      title: 'Harbour strike enters second week',
      outlet: 'Metro',
      byline: 'Tom Reid',
      publishedAt: '2026-03-03',
      url: 'https://metro.co.uk/2026/03/03/harbour-strike',
      bylineSpans: [{ start: 35, end: 62 }]
    })
  })

  it('leaves the place a reporter filed from out of the byline', () => {
    for (const line of [
      'By Tomas Varga in Kharkiv',
      'By Tomas Varga, reporting from Port Talbot'
    ]) {
      const body = `Repairs near completion\n\n${line}\n\nEngineers worked through the night.`
      expect(extractTextMetadata(body).byline).toBe('Tomas Varga')
    }
    const pair = 'Repairs near completion\n\nBy Ann Lee and Tom Reid in New York\n\nText.'
    expect(extractTextMetadata(pair).byline).toBe('Ann Lee and Tom Reid')
  })

  it('takes the outlet from a copyright or source line before an address', () => {
    expect(extractTextMetadata('Headline here\n\nText.\n\n© The Guardian 2026').outlet).toBe(
      'The Guardian'
    )
    expect(extractTextMetadata('Headline here\n\nText.\n\nSource: BBC News').outlet).toBe(
      'BBC News'
    )
  })

  it('names an unknown outlet from a contact address, and a known one from the URL', () => {
    expect(
      extractTextMetadata(
        'Flood warning\n\nText.\n\nGot a story? Email newsdesk@riverside-post.co.uk'
      ).outlet
    ).toBe('Riverside Post')
    expect(
      extractTextMetadata('Flood warning\n\nhttps://www.bbc.co.uk/news/uk-123\n\nText.').outlet
    ).toBe('BBC News')
  })

  it('ignores a personal address and a date inside the story', () => {
    const body =
      'Flood warning\n\nResidents said the river rose on 2 February 2024, and wrote to jo@gmail.com.'
    expect(extractTextMetadata(body)).toMatchObject({ outlet: null, publishedAt: '2024-02-02' })
  })

  it('uses the first line, shortened, when it is a long sentence', () => {
    const sentence = `${'The council said '.repeat(20)}it would act.`
    const { title } = extractTextMetadata(sentence)
    expect(title!.endsWith('…')).toBe(true)
    expect(title!.length).toBeLessThanOrEqual(201)
  })

  it('skips a one-word section label above the headline', () => {
    expect(extractTextMetadata('Politics\nChancellor unveils budget\n\nText.').title).toBe(
      'Chancellor unveils budget'
    )
  })
})

describe('extractTextMetadata: a byline without "By"', () => {
  const header = (...lines: string[]) =>
    [
      ...lines,
      'Bin collections across Harrowfield were suspended after the fire, the council said.'
    ].join('\n\n')

  it('reads a name above a role line, with the role, and keeps the headline', () => {
    const body = header(
      'Depot fire halts bin rounds',
      'Priyanka Lowther\nLocal government reporter',
      'Mon 9 Mar 2026 08.10 GMT'
    )
    expect(extractTextMetadata(body)).toMatchObject({
      title: 'Depot fire halts bin rounds',
      byline: 'Priyanka Lowther, Local government reporter'
    })
  })

  it('reads Irish names with particles and accents', () => {
    const body = header('Depot fire halts bin rounds', 'Máire Ní Fhloinn\nEducation Correspondent')
    expect(extractTextMetadata(body).byline).toBe('Máire Ní Fhloinn, Education Correspondent')
  })

  it('reads a name above a "Published" or date line, never a role, headline, place or credit', () => {
    expect(
      extractTextMetadata(
        header('Depot fire halts bin rounds', 'Dominic Farrow-Hale\nPublished March 9, 2026 7:40am')
      ).byline
    ).toBe('Dominic Farrow-Hale')
    expect(
      extractTextMetadata(
        header('Depot fire halts bin rounds', 'Rupert Vane', 'Thursday 12 March 2026 6.00pm GMT')
      ).byline
    ).toBe('Rupert Vane')
    for (const body of [
      header('Depot fire halts bin rounds', 'Political Correspondent', 'Published 9 March 2026'),
      header('Mayor Backs Tram Plan', 'Published 9 March 2026'),
      header('Politics', 'Mayor Backs Tram Plan', 'Published 9 March 2026'),
      header('Depot fire halts bin rounds', 'New Brighton', '9 March 2026'),
      header('Depot fire halts bin rounds', 'Hong Kong', '9 March 2026'),
      header('Depot fire halts bin rounds', 'Getty Images', 'Published 9 March 2026')
    ]) {
      expect(extractTextMetadata(body).byline).toBeNull()
    }
  })

  it('reads a name straight under a headline only when it starts with a known first name', () => {
    expect(extractTextMetadata(header('Depot fire halts bin rounds', 'Simon Hartley')).byline).toBe(
      'Simon Hartley'
    )
    expect(
      extractTextMetadata(header('Depot fire halts bin rounds', 'Harrowfield Borough')).byline
    ).toBeNull()
    expect(
      extractTextMetadata(header('Council says depot fire was arson.', 'Simon Hartley')).byline
    ).toBeNull()
  })

  it('never takes a sentence opening with "By", or a title-case headline with a role word', () => {
    expect(
      extractTextMetadata('Depot fire\n\nBy March the council had spent £2m on agency crews.')
        .byline
    ).toBeNull()
    expect(
      extractTextMetadata('Council Leader Quits, Blames Editor’s Campaign.\n\nText.').byline
    ).toBeNull()
  })
})

describe('extractTextMetadata: a wire dateline', () => {
  it('names the agency in brackets when nothing better does, and only at a paragraph’s start', () => {
    for (const [line, outlet] of [
      ['EDINBURGH, March 9 (Reuters) - Scottish ministers froze rail fares.', 'Reuters'],
      ['CARDIFF (AP) — Welsh ministers froze rail fares.', 'Associated Press'],
      ['BRUSSELS, Mar. 9 (dpa) - Belgian ministers froze rail fares.', 'dpa'],
      ['(Reuters) - Scottish ministers froze rail fares.', 'Reuters'],
      [
        'CARDIFF (AP) — Welsh ministers froze fares.\n\n© Harrowfield Gazette',
        'Harrowfield Gazette'
      ],
      ['The figures (Reuters) - first published on Monday - were wrong.', null]
    ]) {
      expect(extractTextMetadata(`Rail fares frozen\n\n${line}`).outlet).toBe(outlet)
    }
  })
})

describe('findArticleUrl', () => {
  it('prefers a URL on its own line to one inside a sentence, and trims punctuation', () => {
    expect(
      findArticleUrl('See https://example.org/report). More.\n\nhttps://metro.co.uk/news/a-b/\n')
    ).toBe('https://metro.co.uk/news/a-b/')
    expect(findArticleUrl('Read it at (https://example.org/report).')).toBe(
      'https://example.org/report'
    )
  })
})
