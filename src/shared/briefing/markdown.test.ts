import { describe, expect, it } from 'vitest'
import type { Briefing } from '../model'
import { buildBriefingDocument } from './document'
import { escapeMarkdown, renderBriefingMarkdown } from './markdown'
import {
  sampleClipping,
  sampleItem,
  sampleLookup,
  samplePerson,
  sampleQuote
} from './sample-library'

const ledger = sampleClipping({
  id: 'c-ledger',
  title: 'Kyiv asks allies for time, not talks',
  outlet: 'The Northern Ledger',
  byline: 'Hannah Okafor',
  url: 'https://northernledger.example/world/kyiv-asks-for-time',
  publishedAt: '2026-11-24T07:30:00Z',
  body: [
    '‘We will not trade Ukraine’s sovereignty for a quiet winter. Nobody here is asking us to.',
    '‘What we ask for is time – time to rebuild the grid.’',
    'A diplomat said the mood was “sober but not gloomy”.'
  ].join('\n\n')
})
const courier = sampleClipping({
  id: 'c-courier',
  title: 'Grid repairs race the first frost',
  outlet: 'Baltic Courier',
  byline: 'Tomas Varga',
  url: 'https://balticcourier.example/grid',
  publishedAt: '2026-11-23',
  body: [
    'Share this article',
    'Engineers working through the night in the Kharkiv region have restored power to about two thirds of the homes cut off by last week’s strikes, the regional administration said, but they warn that the repaired network has almost no spare capacity left for the first hard frost of the season, which forecasters now expect before the end of the month, and possibly sooner.',
    'Second paragraph.'
  ].join('\n\n'),
  boilerplate: [{ start: 0, end: 18 }]
})
const gazette = sampleClipping({
  id: 'c-gazette',
  title: 'Minister defends gas storage refill',
  outlet: 'Westminster Gazette',
  byline: null,
  url: null,
  publishedAt: '2026-11-22T16:05:00Z',
  body: '“Storage is at 94% – *ahead* of [the] target,” he told MPs. “Ready for an average winter, yes.”'
})
const kovalenko = samplePerson('p-kovalenko', 'Olena Kovalenko', null)
const whitfield = samplePerson('p-whitfield', 'Daniel Whitfield', 'Energy Secretary')
const lookup = sampleLookup({
  clippings: [ledger, courier, gazette],
  sources: [kovalenko, whitfield],
  quotes: [
    sampleQuote(
      'q-sovereignty',
      ledger,
      '‘We will not trade Ukraine’s sovereignty for a quiet winter. Nobody here is asking us to.\n\n‘What we ask for is time – time to rebuild the grid.’',
      { speakerId: kovalenko.id }
    ),
    sampleQuote('q-storage', gazette, '“Storage is at 94% – *ahead* of [the] target,”', {
      speakerId: whitfield.id,
      venue: 'statement to the Commons'
    }),
    sampleQuote('q-average', gazette, '“Ready for an average winter, yes.”', { kind: 'partial' })
  ]
})
const briefing: Briefing = {
  id: 'b1',
  title: 'Ukraine briefing',
  date: '2026-11-24',
  author: 'Maria Lind',
  createdAt: '2026-11-24T09:00:00Z',
  updatedAt: '2026-11-24T09:00:00Z',
  sections: [
    {
      id: 's1',
      heading: 'Diplomacy',
      items: [
        sampleItem(
          'i1',
          'note',
          'Kyiv’s line is consistent.\n\nExpect the same at NATO on Thursday.'
        ),
        sampleItem('i2', 'quote', 'q-sovereignty', 'Strongest statement yet.'),
        sampleItem('i3', 'clipping', 'c-courier', 'Best account so far.')
      ]
    },
    {
      id: 's2',
      heading: 'Energy',
      items: [
        sampleItem('i4', 'quote', 'q-storage', 'Hold him to this in January.'),
        sampleItem('i5', 'quote', 'q-average'),
        sampleItem('i6', 'quote', 'q-gone', 'The grid operator’s warning.')
      ]
    }
  ]
}

describe('renderBriefingMarkdown', () => {
  it('renders a known briefing exactly', () => {
    const markdown = renderBriefingMarkdown(buildBriefingDocument(briefing, lookup))
    expect(markdown).toBe(EXPECTED)
  })

  it('gives the same text for the same briefing, however often and in whatever time zone', () => {
    const first = renderBriefingMarkdown(buildBriefingDocument(briefing, lookup))
    const zone = process.env.TZ
    process.env.TZ = 'Pacific/Kiritimati'
    try {
      const again = renderBriefingMarkdown(buildBriefingDocument(structuredClone(briefing), lookup))
      expect(again).toBe(first)
    } finally {
      process.env.TZ = zone
    }
  })

  it('inserts [sic] after a word the quote’s note flags, only with the sic option', () => {
    const clipping = sampleClipping({ id: 'c', body: 'The goverment will act.' })
    const quote = sampleQuote('q', clipping, 'The goverment will act.', { note: 'goverment [sic]' })
    const withTypo: Briefing = {
      ...briefing,
      sections: [{ id: 's', heading: 'S', items: [sampleItem('i', 'quote', 'q')] }]
    }
    const doc = buildBriefingDocument(
      withTypo,
      sampleLookup({ quotes: [quote], clippings: [clipping], sources: [] })
    )
    expect(renderBriefingMarkdown(doc)).toContain('> The goverment will act.\n')
    expect(renderBriefingMarkdown(doc, { sic: true })).toContain(
      '> The goverment \\[*sic*\\] will act.\n'
    )
  })
})

describe('renderBriefingMarkdown for review', () => {
  const courier = sampleClipping({
    id: 'c-courier',
    title: 'Council votes to close Riverside library branches despite protests',
    outlet: 'The Northfield Courier',
    publishedAt: '2027-03-12',
    body: '"We did not come into politics to shut libraries," said Priya Raman. "Residents told this council, in their thousands, that these libraries matter," Mr Okonkwo said.'
  })
  const raman = samplePerson('p-raman', 'Priya Raman', 'council leader')
  const okonkwo = samplePerson('p-okonkwo', 'Daniel Okonkwo', 'Councillor')
  const quotes = [
    sampleQuote('q-raman', courier, 'We did not come into politics to shut libraries,', {
      speakerId: raman.id,
      status: 'suggested'
    }),
    sampleQuote(
      'q-okonkwo',
      courier,
      'Residents told this council, in their thousands, that these libraries matter,',
      { speakerId: okonkwo.id }
    )
  ]
  const review: Briefing = {
    ...briefing,
    sections: [
      {
        id: 's',
        heading: 'The vote',
        items: [sampleItem('i1', 'quote', 'q-raman'), sampleItem('i2', 'quote', 'q-okonkwo')]
      }
    ]
  }
  const markdown = renderBriefingMarkdown(
    buildBriefingDocument(
      review,
      sampleLookup({ quotes, clippings: [courier], sources: [raman, okonkwo] })
    )
  )

  it('marks an unconfirmed quote “[unconfirmed]” after its citation, and only that one', () => {
    expect(markdown).toContain(
      '— Priya Raman, council leader, *The Northfield Courier*, 12 March 2027 [1] [unconfirmed]\n'
    )
    expect(markdown).toContain(
      '— Daniel Okonkwo, Councillor, *The Northfield Courier*, 12 March 2027 [1]\n'
    )
    expect(markdown.match(/\[unconfirmed\]/g)).toHaveLength(1)
  })

  it('ends each quote without the comma the sentence left on it', () => {
    expect(markdown).toContain('> We did not come into politics to shut libraries\n')
    expect(markdown).toContain(
      '> Residents told this council, in their thousands, that these libraries matter\n'
    )
  })
})

describe('escapeMarkdown', () => {
  it('escapes what Markdown would read as markup, and leaves quotation marks alone', () => {
    expect(escapeMarkdown('# 1. a_b *c* <b>d</b> [e](f) `g` ~h~ | &amp; ‘i’ “j” k’s')).toBe(
      '\\# 1. a\\_b \\*c\\* \\<b\\>d\\</b\\> \\[e\\](f) \\`g\\` \\~h\\~ \\| \\&amp; ‘i’ “j” k’s'
    )
  })

  it('escapes list, heading and rule markers only at the start of a line', () => {
    expect(escapeMarkdown('- a\n+ b\n2024. c\n3) d\n=== e\nf - g. 5. h')).toBe(
      '\\- a\n\\+ b\n2024\\. c\n3\\) d\n\\=== e\nf - g. 5. h'
    )
  })
})

const EXPECTED = `# Ukraine briefing

24 November 2026 · Maria Lind

## Diplomacy

Kyiv’s line is consistent.

Expect the same at NATO on Thursday.

> ‘We will not trade Ukraine’s sovereignty for a quiet winter. Nobody here is asking us to.
>
> ‘What we ask for is time – time to rebuild the grid.’

— Olena Kovalenko, *The Northern Ledger*, 24 November 2026 [1]

Strongest statement yet.

**Grid repairs race the first frost** — *Baltic Courier*, Tomas Varga, 23 November 2026 [2]

> Engineers working through the night in the Kharkiv region have restored power to about two thirds of the homes cut off by last week’s strikes, the regional administration said, but they warn that the repaired network has almost no spare capacity left for the first hard frost of the season, which forecasters now expect before the end of the month…

Best account so far.

## Energy

> “Storage is at 94% – \\*ahead\\* of \\[the\\] target”

— Daniel Whitfield, Energy Secretary, statement to the Commons, *Westminster Gazette*, 22 November 2026 [3]

Hold him to this in January.

> “Ready for an average winter, yes.”

— Unattributed, *Westminster Gazette*, 22 November 2026 (partial quote) [3]

*\\[quote no longer in the library\\]*

The grid operator’s warning.

## Sources

1. Kyiv asks allies for time, not talks. *The Northern Ledger*, Hannah Okafor, 24 November 2026. <https://northernledger.example/world/kyiv-asks-for-time>
2. Grid repairs race the first frost. *Baltic Courier*, Tomas Varga, 23 November 2026. <https://balticcourier.example/grid>
3. Minister defends gas storage refill. *Westminster Gazette*, 22 November 2026.
`
