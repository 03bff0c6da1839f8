import { describe, expect, it } from 'vitest'
import type { Briefing, Clipping, Quote } from '../model'
import {
  briefingQuoteText,
  buildBriefingDocument,
  excerptOf,
  formatLongDate,
  quoteParagraphs,
  sicWordsOf,
  type BriefingDocument,
  type ResolvedClippingItem,
  type ResolvedQuoteItem
} from './document'
import {
  sampleClipping,
  sampleItem,
  sampleLookup,
  samplePerson,
  sampleQuote
} from './sample-library'

function briefingOf(items: Briefing['sections'][number]['items']): Briefing {
  return {
    id: 'b1',
    title: 'T',
    date: '2026-11-24',
    author: 'A',
    createdAt: '2026-11-24T00:00:00Z',
    updatedAt: '2026-11-24T00:00:00Z',
    sections: [{ id: 's1', heading: 'H', items }]
  }
}

describe('formatLongDate', () => {
  it('writes the calendar date of the string in English, whatever the time zone', () => {
    expect(formatLongDate('2026-11-24')).toBe('24 November 2026')
    expect(formatLongDate('2026-11-24T23:30:00-05:00')).toBe('24 November 2026')
    expect(formatLongDate('2026-01-05T00:10:00Z')).toBe('5 January 2026')
  })

  it('gives back what it cannot read as a date', () => {
    expect(formatLongDate('last Tuesday')).toBe('last Tuesday')
    expect(formatLongDate('2026-13-01')).toBe('2026-13-01')
  })
})

describe('excerptOf', () => {
  it('keeps a short first paragraph whole, its lines joined', () => {
    const body = 'Engineers restored power\nto two thirds of homes.\n\nSecond paragraph.'
    expect(excerptOf({ body, boilerplate: [] })).toBe(
      'Engineers restored power to two thirds of homes.'
    )
  })

  it('cuts a long first paragraph at the 60th word, with an ellipsis', () => {
    const words = Array.from({ length: 75 }, (_, index) => `w${index + 1}`)
    words[59] = 'w60,'
    const excerpt = excerptOf({ body: words.join(' '), boilerplate: [] })
    expect(excerpt).toBe(`${words.slice(0, 59).join(' ')} w60…`)
  })

  it('skips a first paragraph set aside as boilerplate', () => {
    const body = 'Share this article\n\nThe real start.'
    expect(excerptOf({ body, boilerplate: [{ start: 0, end: 18 }] })).toBe('The real start.')
  })

  it('starts at the article text, past a pasted headline, byline and dateline', () => {
    const body =
      'Port reopens after talks\n\nBy Jane Reed, Shipping Correspondent\n\n24 November 2026\n\n' +
      'The harbour reopened on Monday.\n\nMore text.'
    expect(excerptOf({ body, boilerplate: [], title: 'Port reopens after talks' })).toBe(
      'The harbour reopened on Monday.'
    )
  })
})

describe('sic markers', () => {
  it('reads the word before each "[sic]" of a note, without its quotation marks', () => {
    expect(sicWordsOf('“goverment” [sic]; also recieve[sic] — as printed')).toEqual([
      'goverment',
      'recieve'
    ])
    expect(sicWordsOf('nothing to flag')).toEqual([])
  })

  it('inserts [sic] after the first whole-word occurrence only when asked', () => {
    const text = 'The goverment will act.\n\nThe goverment knows.'
    expect(quoteParagraphs(text, ['goverment'], false)).toEqual([
      [{ text: 'The goverment will act.', sic: false }],
      [{ text: 'The goverment knows.', sic: false }]
    ])
    expect(quoteParagraphs(text, ['goverment'], true)).toEqual([
      [
        { text: 'The goverment', sic: false },
        { text: '[sic]', sic: true },
        { text: ' will act.', sic: false }
      ],
      [{ text: 'The goverment knows.', sic: false }]
    ])
    expect(quoteParagraphs('governments', ['government'], true)).toEqual([
      [{ text: 'governments', sic: false }]
    ])
  })
})

describe('buildBriefingDocument', () => {
  const ledger = sampleClipping({
    id: 'c1',
    title: 'Kyiv asks for time',
    outlet: 'The Northern Ledger',
    byline: 'Hannah Okafor',
    url: 'https://northernledger.example/a',
    publishedAt: null,
    capturedAt: '2026-11-20T10:00:00Z',
    body: '“We need time,” she said. “Not talks.”'
  })
  const courier = sampleClipping({ id: 'c2', title: 'Grid repairs', body: 'Engineers worked.' })
  const kovalenko = samplePerson('p1', 'Olena Kovalenko', 'Deputy Foreign Minister')
  const lookup = sampleLookup({
    quotes: [
      sampleQuote('q1', ledger, '“We need time,”', { speakerId: 'p1', venue: 'video address' }),
      sampleQuote('q2', ledger, '“Not talks.”', { speakerId: 'p-deleted' }),
      sampleQuote('q3', { ...ledger, id: 'c-deleted' }, '“Not talks.”')
    ],
    clippings: [ledger, courier],
    sources: [kovalenko]
  })

  it('numbers each cited clipping once, in order of first citation', () => {
    const doc = buildBriefingDocument(
      briefingOf([
        sampleItem('i1', 'clipping', 'c2'),
        sampleItem('i2', 'quote', 'q1'),
        sampleItem('i3', 'quote', 'q2')
      ]),
      lookup
    )
    expect(doc.sources.map((source) => [source.number, source.clippingId])).toEqual([
      [1, 'c2'],
      [2, 'c1']
    ])
    const items = doc.sections[0].items as ResolvedQuoteItem[]
    expect(items[1].source?.number).toBe(2)
    expect(items[2].source?.number).toBe(2)
  })

  it('resolves a quote with its speaker, role, venue and the clipping’s capture date', () => {
    const doc = buildBriefingDocument(briefingOf([sampleItem('i1', 'quote', 'q1', 'Why')]), lookup)
    expect(doc.sections[0].items[0]).toEqual({
      kind: 'quote',
      text: '“We need time”',
      quoteKind: 'direct',
      confirmed: true,
      speaker: 'Olena Kovalenko',
      role: 'Deputy Foreign Minister',
      venue: 'video address',
      sicWords: [],
      source: {
        number: 1,
        clippingId: 'c1',
        title: 'Kyiv asks for time',
        outlet: 'The Northern Ledger',
        byline: 'Hannah Okafor',
        date: '2026-11-20T10:00:00Z',
        url: 'https://northernledger.example/a'
      },
      comment: 'Why'
    })
  })

  it('keeps a quote whose speaker or clipping has gone, unattributed or uncited', () => {
    const doc = buildBriefingDocument(
      briefingOf([sampleItem('i1', 'quote', 'q2'), sampleItem('i2', 'quote', 'q3')]),
      lookup
    )
    const [orphanSpeaker, orphanClipping] = doc.sections[0].items as ResolvedQuoteItem[]
    expect(orphanSpeaker.speaker).toBeNull()
    expect(orphanClipping.text).toBe('“Not talks.”')
    expect(orphanClipping.source).toBeNull()
    expect(doc.sources.map((source) => source.clippingId)).toEqual(['c1'])
  })

  it('puts a visible line in place of a quote or clipping no longer in the library', () => {
    const doc = buildBriefingDocument(
      briefingOf([
        sampleItem('i1', 'quote', 'q-gone', 'kept comment'),
        sampleItem('i2', 'clipping', 'c-gone')
      ]),
      lookup
    )
    expect(doc.sections[0].items).toEqual([
      {
        kind: 'missing',
        missing: 'quote',
        label: '[quote no longer in the library]',
        comment: 'kept comment'
      },
      {
        kind: 'missing',
        missing: 'clipping',
        label: '[clipping no longer in the library]',
        comment: ''
      }
    ])
    expect(doc.sources).toEqual([])
  })
})

describe('briefingQuoteText', () => {
  it('drops a trailing comma, semicolon or colon left by the sentence the quote was cut from', () => {
    expect(briefingQuoteText('We did not come into politics to shut libraries,')).toBe(
      'We did not come into politics to shut libraries'
    )
    expect(briefingQuoteText('the money is not there;')).toBe('the money is not there')
    expect(briefingQuoteText('He put it simply: \n')).toBe('He put it simply')
    expect(briefingQuoteText('Footfall is a blunt measure, ;')).toBe('Footfall is a blunt measure')
  })

  it('drops it inside the closing quotation marks a quote keeps', () => {
    expect(briefingQuoteText('“We need time,”')).toBe('“We need time”')
    expect(briefingQuoteText('‘Until somebody answers that question,’')).toBe(
      '‘Until somebody answers that question’'
    )
  })

  it('keeps a final full stop, question or exclamation mark and ellipsis', () => {
    for (const text of ['It is ours.', 'Who pays?', 'Enough!', 'And then…', '“Not talks.”']) {
      expect(briefingQuoteText(text)).toBe(text)
    }
  })

  it('touches only the end of the quote, across paragraphs', () => {
    expect(briefingQuoteText('One, two; three:\n\n‘Four, five,')).toBe(
      'One, two; three:\n\n‘Four, five'
    )
  })
})

describe('buildBriefingDocument for review', () => {
  const raman = sampleClipping({
    id: 'c-text',
    title: 'Council votes to close Riverside library branches despite protests',
    outlet: 'The Northfield Courier',
    byline: 'Marguerite Delacroix, Local Government Reporter',
    url: null,
    publishedAt: '2027-03-12',
    body: '"We did not come into politics to shut libraries," said council leader Priya Raman.'
  })
  const suggested = sampleQuote(
    'q-suggested',
    raman,
    'We did not come into politics to shut libraries,',
    {
      status: 'suggested'
    }
  )
  const rejected = sampleQuote('q-rejected', raman, 'council leader Priya Raman', {
    status: 'rejected'
  })
  const confirmed = sampleQuote('q-confirmed', raman, 'said council leader')

  function resolveQuotes(...quotes: Quote[]): ResolvedQuoteItem[] {
    const doc = buildBriefingDocument(
      briefingOf(quotes.map((quote, index) => sampleItem(`i${index}`, 'quote', quote.id))),
      sampleLookup({ quotes, clippings: [raman], sources: [] })
    )
    return doc.sections[0].items as ResolvedQuoteItem[]
  }

  it('marks a quote that is not confirmed, whether suggested or rejected', () => {
    expect(resolveQuotes(suggested, rejected, confirmed).map((item) => item.confirmed)).toEqual([
      false,
      false,
      true
    ])
  })

  it('shows a quote without its trailing comma and leaves the stored quote verbatim', () => {
    const [item] = resolveQuotes(suggested)
    expect(item.text).toBe('We did not come into politics to shut libraries')
    expect(suggested.text).toBe('We did not come into politics to shut libraries,')
  })
})

describe('the source list of a briefing', () => {
  const text = sampleClipping({
    id: 'c-text',
    title: 'Council votes to close Riverside library branches despite protests',
    outlet: 'The Northfield Courier',
    byline: 'Marguerite Delacroix, Local Government Reporter',
    url: 'https://northfieldcourier.example/news/riverside',
    publishedAt: '2027-03-12',
    body: 'Northfield city council voted seven to four.'
  })
  const html = sampleClipping({
    ...text,
    id: 'c-html',
    title: ' council votes to close Riverside library branches despite protests ',
    outlet: 'the Northfield Courier',
    byline: null,
    url: 'https://northfieldcourier.example/news/riverside-libraries-close',
    publishedAt: '2027-03-12T09:00:00Z',
    body: 'Northfield city council voted seven to four on Wednesday night.'
  })
  const other = sampleClipping({ ...text, id: 'c-other', url: null, publishedAt: '2027-03-13' })
  const sameUrl = sampleClipping({
    id: 'c-same-url',
    title: 'Riverside branches to shut',
    outlet: null,
    url: 'https://NorthfieldCourier.example/news/riverside/#comments',
    publishedAt: null,
    capturedAt: '2027-04-01T10:00:00Z',
    body: 'Updated version.'
  })

  function sourcesOf(...clippings: Clipping[]): Briefing['sections'][number]['items'] {
    return clippings.map((clipping, index) => sampleItem(`i${index}`, 'clipping', clipping.id))
  }

  function build(...clippings: Clipping[]): BriefingDocument {
    return buildBriefingDocument(
      briefingOf(sourcesOf(...clippings)),
      sampleLookup({ quotes: [], clippings: [text, html, other, sameUrl], sources: [] })
    )
  }

  it('cites the same article pasted twice (same title, outlet and date) as one source', () => {
    const doc = build(html, text)
    expect(doc.sources).toHaveLength(1)
    expect(doc.sources[0]).toMatchObject({
      number: 1,
      clippingId: 'c-html',
      url: 'https://northfieldcourier.example/news/riverside-libraries-close',
      // The first citation lacked a byline; the merged entry takes it from the other paste.
      byline: 'Marguerite Delacroix, Local Government Reporter'
    })
    const items = doc.sections[0].items as ResolvedClippingItem[]
    expect(items.map((item) => item.source.number)).toEqual([1, 1])
  })

  it('cites two clippings at the same address as one source', () => {
    const doc = build(text, sameUrl)
    expect(doc.sources.map((source) => source.clippingId)).toEqual(['c-text'])
  })

  it('keeps articles of the same title on other days, or from other addresses, apart', () => {
    expect(build(text, other).sources.map((source) => source.number)).toEqual([1, 2])
  })
})
