import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { keyedSpan, type KeyedQuote } from '../../../bench/stories'
import { analyzePaste } from './index'

// Stories written for these tests in styles the research corpus lacks: a tabloid human-interest
// piece with a contact footer, first names used alone and a shared household; an Australian
// regional report with several officials and residents.
describe.each(['tabloid-tortoise', 'abc-flood-pods'])('the %s story', (name) => {
  const body = readFileSync(join(__dirname, `fixtures/${name}.txt`), 'utf8')
  const key = JSON.parse(readFileSync(join(__dirname, `fixtures/${name}.json`), 'utf8')) as {
    quotes: KeyedQuote[]
  }
  const analysis = analyzePaste({ text: body })

  it('finds every quote with its exact span', () => {
    const found = analysis.quotes.map((q) => `${q.start}-${q.end}`)
    for (const quote of key.quotes) {
      const span = keyedSpan(body, quote)
      expect(span).not.toBeNull()
      expect(found).toContain(`${span!.start}-${span!.end}`)
    }
  })

  it('names the right speaker for every quote', () => {
    for (const quote of key.quotes) {
      const span = keyedSpan(body, quote)!
      const proposal = analysis.quotes.find((q) => q.start === span.start && q.end === span.end)
      expect({ quote: proposal?.text, speaker: proposal?.speaker }).toEqual({
        quote: body.slice(span.start, span.end),
        speaker: expect.toBeOneOf([quote.speaker].flat())
      })
    }
  })
})
