import { describe, expect, it } from 'vitest'
import type { QuoteInContext } from '@shared/api'
import { quoteAttribution } from './attribution'

const clipping: QuoteInContext['clipping'] = {
  id: 'c1',
  title: 'Talks resume',
  outlet: 'The Ledger',
  publishedAt: '2022-03-03',
  capturedAt: '2022-03-05T12:00:00.000Z',
  url: null
}

const speaker: NonNullable<QuoteInContext['speaker']> = {
  id: 's1',
  kind: 'person',
  name: 'Ada Byrne',
  role: 'Foreign minister',
  aliases: [],
  createdAt: '2022-03-01T00:00:00.000Z',
  updatedAt: '2022-03-01T00:00:00.000Z'
}

describe('quoteAttribution', () => {
  it('credits speaker and role, venue, then outlet and publication date', () => {
    expect(quoteAttribution({ speaker, venue: 'press conference', clipping })).toBe(
      'Ada Byrne, Foreign minister · press conference · The Ledger, 3 Mar 2022'
    )
  })

  it('says the speaker is not tagged and falls back to the capture date', () => {
    expect(
      quoteAttribution({
        speaker: null,
        venue: null,
        clipping: { ...clipping, outlet: null, publishedAt: null }
      })
    ).toBe('Speaker not tagged · 5 Mar 2022')
  })
})
