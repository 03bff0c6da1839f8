import type { Briefing, BriefingItem, Clipping, Quote, Source } from '../model'
import type { BriefingLookup } from './document'

const STAMP = '2026-11-24T09:00:00.000Z'

/** A stored clipping for tests and demos, with defaults for what a case does not care about. */
export function sampleClipping(
  fields: Partial<Clipping> & Pick<Clipping, 'id' | 'body'>
): Clipping {
  return {
    title: '',
    outlet: null,
    byline: null,
    url: null,
    publishedAt: null,
    capturedAt: STAMP,
    boilerplate: [],
    tags: [],
    note: '',
    contentHash: `hash-${fields.id}`,
    ...fields
  }
}

/** A confirmed quote of a clipping, its text taken from the clipping's body as the store does. */
export function sampleQuote(
  id: string,
  clipping: Clipping,
  text: string,
  fields: Partial<Quote> = {}
): Quote {
  const start = clipping.body.indexOf(text)
  if (start < 0) throw new Error(`Quote ${id} is not in clipping ${clipping.id}`)
  return {
    id,
    clippingId: clipping.id,
    start,
    end: start + text.length,
    text,
    speakerId: null,
    venue: null,
    kind: 'direct',
    status: 'confirmed',
    confidence: null,
    tags: [],
    note: '',
    createdAt: STAMP,
    updatedAt: STAMP,
    ...fields
  }
}

/** A person quoted in the library. */
export function samplePerson(id: string, name: string, role: string | null): Source {
  return { id, kind: 'person', name, aliases: [], role, createdAt: STAMP, updatedAt: STAMP }
}

/** A briefing item; notes carry text, quotes and clippings a reference. */
export function sampleItem(
  id: string,
  kind: BriefingItem['kind'],
  refOrText: string,
  comment = ''
): BriefingItem {
  return kind === 'note'
    ? { id, kind, refId: null, text: refOrText, comment }
    : { id, kind, refId: refOrText, text: '', comment }
}

/** A lookup over the given quotes, clippings and sources, as the store provides it. */
export function sampleLookup(entries: {
  quotes: Quote[]
  clippings: Clipping[]
  sources: Source[]
}): BriefingLookup {
  return {
    quote: (id) => entries.quotes.find((quote) => quote.id === id),
    clipping: (id) => entries.clippings.find((clipping) => clipping.id === id),
    source: (id) => entries.sources.find((source) => source.id === id)
  }
}

/**
 * A realistic two-page briefing over invented articles, for the PDF tests and for looking at
 * the print stylesheet. The outlets, people and words are made up.
 */
export function sampleBriefing(): { briefing: Briefing; lookup: BriefingLookup } {
  const ledger = sampleClipping({
    id: 'c-ledger',
    title: 'Kyiv asks allies for time, not talks, as winter closes in',
    outlet: 'The Northern Ledger',
    byline: 'Hannah Okafor, Diplomatic Correspondent',
    url: 'https://northernledger.example/world/2026/nov/24/kyiv-asks-allies-for-time',
    publishedAt: '2026-11-24T07:30:00Z',
    body: [
      'Ukraine’s deputy foreign minister told a gathering of European ministers on Monday that her government would not be pressed into early negotiations, and asked instead for faster delivery of air-defence systems promised in the spring.',
      '‘We will not trade Ukraine’s sovereignty for a quiet winter. Nobody in this room is asking us to, and I thank you for that.',
      '‘What we are asking for is time – time to rebuild the grid, and time for our partners to deliver what they have already promised.’',
      'Olena Kovalenko was speaking by video link to the meeting in Vilnius, which she had been due to attend in person.',
      'One diplomat present described the mood as “sober but not gloomy”. Another said allies were “still counting what is actually in the warehouses”.'
    ].join('\n\n')
  })
  const courier = sampleClipping({
    id: 'c-courier',
    title: 'Grid repairs race against the first hard frost',
    outlet: 'Baltic Courier',
    byline: 'Tomas Varga',
    url: 'https://balticcourier.example/energy/grid-repairs-first-frost',
    publishedAt: '2026-11-23',
    body: [
      'Engineers working through the night in the Kharkiv region have restored power to roughly two thirds of the homes cut off by last week’s strikes on substations, according to the regional administration, but warn that the repaired network has almost no spare capacity left for the first sustained frost of the season, which forecasters expect before the end of the month.',
      'Share this article'
    ].join('\n\n')
  })
  const gazette = sampleClipping({
    id: 'c-gazette',
    title: 'Minister defends pace of gas storage refill',
    outlet: 'Westminster Gazette',
    byline: 'Priya Natarajan',
    url: 'https://westminstergazette.example/politics/gas-storage-refill?ref=briefing&src=feed',
    publishedAt: '2026-11-22T16:05:00Z',
    body: [
      'The energy secretary told MPs that the country’s storage sites were “on course, if not ahead of where we hoped to be” and dismissed warnings of rationing as premature.',
      '“I have read the reports. I have also read the numbers, and the numbers say we are ready,” Daniel Whitfield said in a statement to the Commons. “If that changes, this House will hear it from me first.”',
      'A senior industry figure, speaking on condition of anonymity, said: “Ready for an average winter, yes. Nobody I know is planning for an average winter.”'
    ].join('\n\n')
  })
  const kovalenko = samplePerson('s-kovalenko', 'Olena Kovalenko', 'Deputy Foreign Minister')
  const whitfield = samplePerson('s-whitfield', 'Daniel Whitfield', 'Energy Secretary')
  const quotes = [
    sampleQuote(
      'q-sovereignty',
      ledger,
      '‘We will not trade Ukraine’s sovereignty for a quiet winter. Nobody in this room is asking us to, and I thank you for that.\n\n‘What we are asking for is time – time to rebuild the grid, and time for our partners to deliver what they have already promised.’',
      { speakerId: kovalenko.id, venue: 'video address' }
    ),
    sampleQuote('q-warehouses', ledger, 'still counting what is actually in the warehouses', {
      kind: 'partial'
    }),
    sampleQuote(
      'q-numbers',
      gazette,
      '“I have read the reports. I have also read the numbers, and the numbers say we are ready,”',
      { speakerId: whitfield.id, venue: 'statement to the Commons' }
    ),
    sampleQuote(
      'q-average',
      gazette,
      '“Ready for an average winter, yes. Nobody I know is planning for an average winter.”'
    )
  ]
  const briefing: Briefing = {
    id: 'b-ukraine',
    title: 'Ukraine: diplomacy and the winter grid',
    date: '2026-11-24',
    author: 'Maria Lind, Foreign Desk',
    createdAt: STAMP,
    updatedAt: STAMP,
    sections: [
      {
        id: 'sec-diplomacy',
        heading: 'Diplomacy',
        items: [
          sampleItem(
            'i-1',
            'note',
            'Kyiv’s line this week is consistent across ministers: no early talks, faster deliveries. Expect the same message at Thursday’s NATO foreign ministers’ meeting.'
          ),
          sampleItem(
            'i-2',
            'quote',
            'q-sovereignty',
            'The strongest public statement yet that Kyiv will not be hurried into negotiations. Note the explicit thanks to the room: she is not accusing anyone present.'
          ),
          sampleItem(
            'i-3',
            'quote',
            'q-warehouses',
            'Unnamed diplomat; useful colour, but we cannot run it without a second source.'
          )
        ]
      },
      {
        id: 'sec-energy',
        heading: 'Energy and the grid',
        items: [
          sampleItem(
            'i-4',
            'clipping',
            courier.id,
            'The best on-the-ground account so far. Varga’s figures match the regional administration’s own.'
          ),
          sampleItem(
            'i-5',
            'quote',
            'q-numbers',
            'Whitfield is committing himself publicly; worth holding him to this in January.'
          ),
          sampleItem('i-6', 'quote', 'q-average'),
          sampleItem(
            'i-7',
            'quote',
            'q-deleted',
            'This was the grid operator’s warning from Friday.'
          )
        ]
      }
    ]
  }
  return {
    briefing,
    lookup: sampleLookup({
      quotes,
      clippings: [ledger, courier, gazette],
      sources: [kovalenko, whitfield]
    })
  }
}
