import { describe, expect, it } from 'vitest'
import { ClippingSearchIndex, foldText, type ClippingSearchDocument } from './search-index'

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

  it('answers a query of only common words by scanning, and before the index is built', async () => {
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
})
