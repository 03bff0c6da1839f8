import MiniSearch, { type SearchOptions } from 'minisearch'

/** What the index knows of one clipping: its text fields, its quotes and the names of their speakers. */
export interface ClippingSearchDocument {
  id: string
  title: string
  body: string
  outlet: string
  byline: string
  tags: string
  quotes: string
  speakers: string
  capturedAt: string
}

/** One search hit. */
export interface SearchHit {
  id: string
  score: number
  capturedAt: string
}

const FIELDS = ['title', 'body', 'outlet', 'byline', 'tags', 'quotes', 'speakers'] as const

// Words so common that indexing them costs memory and finds everything; queries made only of them are scanned.
const STOP_WORDS = new Set(
  (
    'a an and are as at be but by for from had has have he her his i in is it its of on or our ' +
    'she that the their them they this to was we were which who will with you'
  ).split(' ')
)

const WORD_SEPARATOR = /[^\p{L}\p{N}]+/u

// Documents indexed per turn of the event loop while the index builds in the background.
const BUILD_CHUNK = 200

/** Lower-cases and strips accents, so that "Zoë" is found by "zoe". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

function processTerm(term: string): string | null {
  const folded = foldText(term)
  return folded && !STOP_WORDS.has(folded) ? folded : null
}

/** The query's words, folded (accents and case removed). */
export function queryWords(query: string): string[] {
  return foldText(query)
    .split(WORD_SEPARATOR)
    .filter((word) => word !== '')
}

const SEARCH_OPTIONS: SearchOptions = {
  combineWith: 'AND',
  prefix: (term) => term.length >= 2,
  fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
  maxFuzzy: 2,
  boost: { title: 4, speakers: 3, quotes: 2, tags: 2, outlet: 1.5, byline: 1.5, body: 1 }
}

/**
 * The in-memory full-text index over clippings. Built in the background after the library opens;
 * until it is ready, and for queries made only of stop words, searches scan the documents instead.
 */
export class ClippingSearchIndex {
  private readonly index = new MiniSearch<ClippingSearchDocument>({
    fields: [...FIELDS],
    storeFields: [],
    tokenize: (text) => text.split(WORD_SEPARATOR),
    processTerm,
    searchOptions: SEARCH_OPTIONS
  })
  private readonly documentFor: (id: string) => ClippingSearchDocument | undefined
  private readonly allIds: () => Iterable<string>
  private building: Promise<void> = Promise.resolve()
  private built = false
  private stopped = false

  /** Creates an empty index reading documents through `documentFor` and listing them with `allIds`. */
  constructor(
    documentFor: (id: string) => ClippingSearchDocument | undefined,
    allIds: () => Iterable<string>
  ) {
    this.documentFor = documentFor
    this.allIds = allIds
  }

  /** Starts indexing every document in small chunks, leaving the event loop free in between. */
  startBuilding(): Promise<void> {
    const ids = [...this.allIds()]
    this.building = (async () => {
      for (let offset = 0; offset < ids.length && !this.stopped; offset += BUILD_CHUNK) {
        for (const id of ids.slice(offset, offset + BUILD_CHUNK)) {
          // A document changed since the build began is already indexed in its new form.
          if (this.index.has(id)) continue
          const document = this.documentFor(id)
          if (document) this.index.add(document)
        }
        await new Promise<void>((resolve) => setImmediate(resolve))
      }
      this.built = !this.stopped
    })()
    return this.building
  }

  /** Resolves once the background build has finished. */
  whenReady(): Promise<void> {
    return this.building
  }

  /** Whether searches use the index (true) or still scan (false). */
  get ready(): boolean {
    return this.built
  }

  /** Stops a build in progress (the library is closing). */
  stop(): void {
    this.stopped = true
  }

  /** Indexes a clipping's current form, replacing any earlier one. */
  update(document: ClippingSearchDocument): void {
    if (this.index.has(document.id)) this.index.discard(document.id)
    this.index.add(document)
  }

  /** Removes a clipping from the index. */
  remove(id: string): void {
    if (this.index.has(id)) this.index.discard(id)
  }

  /** Clippings matching every word of the query (prefix and typo-tolerant), best first, then newest. */
  search(query: string): SearchHit[] {
    const words = queryWords(query)
    if (words.length === 0) return []
    const useIndex = this.built && words.some((word) => !STOP_WORDS.has(word))
    const hits = useIndex ? this.searchIndex(query) : this.scan(words)
    return hits.sort((a, b) => b.score - a.score || compareNewestFirst(a.capturedAt, b.capturedAt))
  }

  private searchIndex(query: string): SearchHit[] {
    const hits: SearchHit[] = []
    for (const result of this.index.search(query)) {
      const document = this.documentFor(String(result.id))
      if (document)
        hits.push({ id: document.id, score: result.score, capturedAt: document.capturedAt })
    }
    return hits
  }

  private scan(words: string[]): SearchHit[] {
    const hits: SearchHit[] = []
    for (const id of this.allIds()) {
      const document = this.documentFor(id)
      if (!document) continue
      const title = ` ${foldText(document.title).split(WORD_SEPARATOR).join(' ')}`
      const text = ` ${foldText(FIELDS.map((field) => document[field]).join(' '))
        .split(WORD_SEPARATOR)
        .join(' ')}`
      if (words.every((word) => text.includes(` ${word}`))) {
        const inTitle = words.filter((word) => title.includes(` ${word}`)).length
        hits.push({ id, score: 1 + inTitle, capturedAt: document.capturedAt })
      }
    }
    return hits
  }
}

/** Orders ISO timestamps newest first. */
export function compareNewestFirst(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0
}
