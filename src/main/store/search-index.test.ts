import { describe, expect, it } from 'vitest'
import {
  ClippingSearchIndex,
  foldText,
  indexTerms,
  withinDistance,
  type ClippingSearchDocument
} from './search-index'

function documentOf(id: string, fields: Partial<ClippingSearchDocument>): ClippingSearchDocument {
  return {
    id,
    title: '',
    body: '',
    outlet: '',
    byline: '',
    tags: '',
    quotes: '',
    speakers: '',
    capturedAt: '2026-01-01T00:00:00.000Z',
    ...fields
  }
}

function indexOf(documents: ClippingSearchDocument[]) {
  const byId = new Map(documents.map((document) => [document.id, document]))
  return {
    index: new ClippingSearchIndex(
      (id) => byId.get(id),
      () => byId.keys()
    ),
    byId
  }
}

describe('ClippingSearchIndex', () => {
  const documents = [
    documentOf('old', {
      title: 'Harbour bridge delayed',
      body: 'Work on the harbour bridge stopped.',
      capturedAt: '2026-01-01T00:00:00.000Z'
    }),
    documentOf('new', {
      title: 'Council news',
      body: 'The bridge over the river reopened.',
      speakers: 'Zoë Martín',
      capturedAt: '2026-03-01T00:00:00.000Z'
    }),
    documentOf('other', { title: 'Budget', body: 'To be or not to be.', tags: 'Money' })
  ]

  it('ranks a title match first, then newer clippings among equals', async () => {
    const { index } = indexOf(documents)
    await index.startBuilding()
    expect(index.ready).toBe(true)
    expect(index.search('bridge').map((hit) => hit.id)).toEqual(['old', 'new'])
  })

  it('matches word prefixes, one-letter typos and names without their accents', async () => {
    const { index } = indexOf(documents)
    await index.startBuilding()
    expect(index.search('harb').map((hit) => hit.id)).toEqual(['old'])
    expect(index.search('reoppened').map((hit) => hit.id)).toEqual(['new'])
    expect(index.search('zoe martin').map((hit) => hit.id)).toEqual(['new'])
    expect(index.search('bridge harbour').map((hit) => hit.id)).toEqual(['old'])
  })

  it('answers before the index is built, and a query made only of common words', async () => {
    const { index } = indexOf(documents)
    expect(index.ready).toBe(false)
    expect(index.search('harbour').map((hit) => hit.id)).toEqual(['old'])
    await index.startBuilding()
    expect(index.search('to be').map((hit) => hit.id)).toEqual(['other'])
  })

  it('follows updates and removals', async () => {
    const { index, byId } = indexOf(documents)
    await index.startBuilding()
    const renamed = documentOf('other', { title: 'Ferry fares' })
    byId.set('other', renamed)
    index.update(renamed)
    expect(index.search('budget')).toEqual([])
    expect(index.search('ferry').map((hit) => hit.id)).toEqual(['other'])
    byId.delete('other')
    index.remove('other')
    expect(index.search('ferry')).toEqual([])
  })

  it('folds case and accents', () => {
    expect(foldText('Zoë ÁLVAREZ')).toBe('zoe alvarez')
  })

  it('ranks title, speaker and quote matches above body-only ones, then newest first', async () => {
    const { index } = indexOf([
      documentOf('body-new', {
        body: 'The ferry ran late.',
        capturedAt: '2026-05-01T00:00:00.000Z'
      }),
      documentOf('body-old', { body: 'A ferry sank.', capturedAt: '2026-02-01T00:00:00.000Z' }),
      documentOf('title', { title: 'Ferry strike', capturedAt: '2026-01-01T00:00:00.000Z' }),
      documentOf('quote', {
        body: 'He said: “The ferry is safe.”',
        quotes: 'The ferry is safe.',
        capturedAt: '2026-01-02T00:00:00.000Z'
      }),
      documentOf('speaker', {
        body: 'Words from Ann Ferry.',
        speakers: 'Ann Ferry',
        capturedAt: '2026-01-03T00:00:00.000Z'
      })
    ])
    await index.startBuilding()
    expect(index.search('ferry').map((hit) => hit.id)).toEqual([
      'title',
      'speaker',
      'quote',
      'body-new',
      'body-old'
    ])
  })

  it('matches every word, in any field, and only the last word as a prefix', async () => {
    const { index } = indexOf(documents)
    await index.startBuilding()
    expect(index.search('council reopened').map((hit) => hit.id)).toEqual(['new'])
    expect(index.search('council harbour')).toEqual([])
    expect(index.search('bridge harb').map((hit) => hit.id)).toEqual(['old'])
    expect(index.search('harb bridge')).toEqual([])
    expect(index.search('council re').map((hit) => hit.id)).toEqual(['new'])
  })

  it('ranks an exact word above a longer word it begins', async () => {
    const { index } = indexOf([
      documentOf('longer', {
        body: 'Talks on negotiations.',
        capturedAt: '2026-03-01T00:00:00.000Z'
      }),
      documentOf('exact', {
        body: 'A negotiation stalled.',
        capturedAt: '2026-01-01T00:00:00.000Z'
      })
    ])
    await index.startBuilding()
    expect(index.search('negot').map((hit) => hit.id)).toEqual(['longer', 'exact'])
    expect(index.search('negotiation').map((hit) => hit.id)).toEqual(['exact', 'longer'])
  })

  it('finds words whatever their apostrophes and accents', async () => {
    const { index } = indexOf([
      documentOf('ukraine', { body: 'Ukraine’s army held the line.' }),
      documentOf('obrien', { body: "Siobhán O’Brien didn't say." }),
      documentOf('street', { title: 'Große Straße', body: 'Smørrebrød in Łódź.' })
    ])
    await index.startBuilding()
    const find = (query: string) => index.search(query).map((hit) => hit.id)
    expect(find('ukraine')).toEqual(['ukraine'])
    expect(find("Ukraine's army")).toEqual(['ukraine'])
    expect(find('o’brien')).toEqual(['obrien'])
    expect(find("O'Brien")).toEqual(['obrien'])
    expect(find('brien')).toEqual(['obrien'])
    expect(find('siobhan didnt')).toEqual(['obrien'])
    expect(find('strasse lodz smorrebrod')).toEqual(['street'])
  })

  it('cuts text into the terms it is indexed under', () => {
    expect(indexTerms("Ukraine’s O’Brien said “Don't”—twice, at 9:30.")).toEqual([
      'ukraine',
      'obrien',
      'brien',
      'said',
      'dont',
      'twice',
      'at',
      '9',
      '30'
    ])
    expect(indexTerms("O'Brien", false)).toEqual(['obrien'])
  })

  it('corrects a typo only in a word the library does not contain', async () => {
    const { index } = indexOf([
      documentOf('trial', { body: 'The trial opened.' }),
      documentOf('trail', { body: 'The trail closed.' })
    ])
    await index.startBuilding()
    expect(index.search('trial').map((hit) => hit.id)).toEqual(['trial'])
    expect(index.search('trail').map((hit) => hit.id)).toEqual(['trail'])
    expect(index.search('triall').map((hit) => hit.id)).toEqual(['trial'])
    expect(withinDistance('reoppened', 'reopened', 1)).toBe(true)
    expect(withinDistance('budgat', 'budget', 1)).toBe(true)
    expect(withinDistance('budgat', 'bridge', 2)).toBe(false)
  })

  it('sees a clipping added, changed or removed after the build at once', async () => {
    const { index, byId } = indexOf(documents)
    await index.startBuilding()
    const added = documentOf('added', {
      title: 'Tram depot',
      capturedAt: '2026-04-01T00:00:00.000Z'
    })
    byId.set('added', added)
    index.update(added)
    expect(index.search('bridge tram')).toEqual([])
    expect(index.search('tram').map((hit) => hit.id)).toEqual(['added'])
    const moved = { ...added, title: 'Bridge depot' }
    byId.set('added', moved)
    index.update(moved)
    expect(index.search('tram')).toEqual([])
    expect(index.search('bridge').map((hit) => hit.id)).toEqual(['old', 'added', 'new'])
    byId.delete('added')
    index.remove('added')
    expect(index.search('bridge').map((hit) => hit.id)).toEqual(['old', 'new'])
    expect(index.stats().documents).toBe(3)
  })

  it('rebuilds itself in the background once edits leave many tombstones', async () => {
    const words = Array.from({ length: 1000 }, (_, index) => `word${index}`).join(' ')
    const { index, byId } = indexOf(documents)
    await index.startBuilding()
    for (let edit = 0; edit < 150; edit++) {
      const edited = documentOf('edited', { title: `Draft ${edit}`, body: words })
      byId.set('edited', edited)
      index.update(edited)
    }
    await index.whenReady()
    // Without a rebuild, 149 replaced forms of 1,001 words each would leave 149,149 dead postings.
    expect(index.stats().documents).toBe(4)
    expect(index.stats().deadPostings).toBeLessThan(50_000)
    expect(index.search('draft 149').map((hit) => hit.id)).toEqual(['edited'])
    expect(index.search('draft 148')).toEqual([])
    expect(index.search('bridge').map((hit) => hit.id)).toEqual(['old', 'new'])
  })
})
