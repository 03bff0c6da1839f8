import { createHash, randomUUID } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { z } from 'zod'
import {
  ApiError,
  type CommandOutput,
  type LibraryChange,
  type LibraryNotice,
  type ParsedInput
} from '@shared/api'
import {
  BriefingSchema,
  ClippingSchema,
  IsoDateSchema,
  MAX_PASTE_BYTES,
  QuoteSchema,
  SourceSchema,
  normaliseTags,
  sameTag,
  type Briefing,
  type Clipping,
  type Quote,
  type Source
} from '@shared/model'
import { excerptOf } from '@shared/briefing/document'
import { ensureWritableDataDir } from './data-dir'
import { DurableJsonFile, type DurableFileSystem } from './durable-file'
import { acquireLibraryLock, type LibraryLock } from './instance-lock'
import {
  LIBRARY_SCHEMA_VERSION,
  backupLibraryFiles,
  libraryMigrations,
  planMigrations,
  type Migration
} from './migrations'
import {
  ClippingsFileSchema,
  listMonths,
  QuotesFileSchema,
  clippingsFilePath,
  quotesFilePath,
  type ClippingsFile,
  type QuotesFile
} from './month-files'
import {
  ClippingSearchIndex,
  clippingSearchDocument,
  compareNewestFirst,
  foldText,
  queryWords,
  type ClippingSearchDocument,
  type SearchIndexStats
} from './search-index'

/** The `sources.json` file. */
const SourcesFileSchema = z.object({ sources: z.array(SourceSchema) })
type SourcesFile = z.infer<typeof SourcesFileSchema>

/** The `briefings.json` file. */
const BriefingsFileSchema = z.object({ briefings: z.array(BriefingSchema) })
type BriefingsFile = z.infer<typeof BriefingsFileSchema>

/** The `meta.json` file. */
const MetaSchema = z.object({
  schemaVersion: z.number().int().nonnegative(),
  createdAt: IsoDateSchema
})
type Meta = z.infer<typeof MetaSchema>

/** How a store is opened; everything but `now` exists for tests and benchmarks. */
export interface LibraryStoreOptions {
  /** The clock for capture and edit times. */
  now?: () => Date
  /** The file system the durable files write through (a test injects failures). */
  fs?: DurableFileSystem
  /** The migrations to run, oldest first; the real list unless a test fakes one. */
  migrations?: readonly Migration[]
}

/** The library status, without the `mode`, which the caller knows and the store does not. */
export type LibraryStatus = Omit<CommandOutput<'library.status'>, 'mode'>

type Change = {
  /** New contents of `clippings/YYYY-MM.json`, by month. */
  clippingMonths?: Map<string, ClippingsFile>
  /** New contents of `quotes/YYYY-MM.json`, by month. */
  quoteMonths?: Map<string, QuotesFile>
  sources?: SourcesFile
  briefings?: BriefingsFile
  /** Clippings whose search entry must be refreshed. */
  clippingIds?: Iterable<string>
  changes: LibraryChange[]
}

/**
 * The library on disk: one writer behind a lock, every change through one queue, each method's promise
 * resolving only once its change is durably saved. Reads are answered from memory.
 */
export class LibraryStore {
  /** The library folder. */
  readonly dataDir: string
  private readonly lock: LibraryLock
  private readonly now: () => Date
  private readonly fs: DurableFileSystem | undefined
  private readonly clippingFiles = new Map<string, Low<ClippingsFile>>()
  private readonly quoteFiles = new Map<string, Low<QuotesFile>>()
  private sourcesDb!: Low<SourcesFile>
  private briefingsDb!: Low<BriefingsFile>
  private readonly clippings = new Map<string, Clipping>()
  private readonly monthOfClipping = new Map<string, string>()
  private readonly clippingIdByHash = new Map<string, string>()
  private readonly quotes = new Map<string, Quote>()
  private readonly quoteIdsByClipping = new Map<string, string[]>()
  private readonly quoteIdsBySpeaker = new Map<string, Set<string>>()
  private readonly sources = new Map<string, Source>()
  private newestFirst: string[] = []
  private readonly searchIndex: ClippingSearchIndex
  private readonly listeners = new Set<(change: LibraryChange) => void>()
  private noticeList: LibraryNotice[] = []
  private queue: Promise<unknown> = Promise.resolve()
  private closing = false

  private constructor(dataDir: string, lock: LibraryLock, options: LibraryStoreOptions) {
    this.dataDir = dataDir
    this.lock = lock
    this.now = options.now ?? (() => new Date())
    this.fs = options.fs
    this.searchIndex = new ClippingSearchIndex(
      (id) => this.searchDocument(id),
      () => this.newestFirst
    )
  }

  /** Opens (creating if needed) the library in `dataDir`: takes the lock, migrates, loads, indexes. */
  static async open(dataDir: string, options: LibraryStoreOptions = {}): Promise<LibraryStore> {
    await ensureWritableDataDir(dataDir)
    const lock = await acquireLibraryLock(dataDir)
    const store = new LibraryStore(dataDir, lock, options)
    try {
      await store.load(options.migrations ?? libraryMigrations)
    } catch (error) {
      await lock.release()
      throw error
    }
    store.searchIndex.startBuilding()
    return store
  }

  /** Resolves once the full-text index is built; searches before then scan the library instead. */
  searchReady(): Promise<void> {
    return this.searchIndex.whenReady()
  }

  /** The full-text index's size and how its last build went (for the benchmark). */
  searchIndexStats(): SearchIndexStats {
    return this.searchIndex.stats()
  }

  /** Waits for queued changes to be saved, then releases the lock. Later changes are refused. */
  async close(): Promise<void> {
    this.closing = true
    this.searchIndex.stop()
    await this.queue
    await this.lock.release()
  }

  /** Calls `listener` after each change has been saved; returns a function that stops it. */
  onChange(listener: (change: LibraryChange) => void): () => void {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  /** What the user should know about loading the library (files recovered from backups, upgrades). */
  get notices(): LibraryNotice[] {
    return [...this.noticeList]
  }

  /** Forgets the notices once the user has read them. */
  dismissNotices(): CommandOutput<'library.dismissNotices'> {
    this.noticeList = []
    return { ok: true }
  }

  /** Where the library lives, its size and its notices. */
  status(): LibraryStatus {
    return {
      dataDir: this.dataDir,
      clippings: this.clippings.size,
      quotes: this.quotes.size,
      sources: this.sources.size,
      briefings: this.briefingsDb.data.briefings.length,
      notices: this.notices
    }
  }

  // Clippings

  /** Clippings newest first, or by relevance for a query, filtered by tag and source. */
  listClippings(input: ParsedInput<'clippings.list'>): CommandOutput<'clippings.list'> {
    const hits = input.query.trim() ? this.searchIndex.search(input.query) : undefined
    const bySource = input.sourceId ? this.sourceFilter(input.sourceId) : undefined
    const words = hits ? queryWords(input.query) : []
    if (hits && !input.tag && !bySource) {
      return {
        items: hits
          .slice(input.offset, input.offset + input.limit)
          .map((hit) => this.summary(this.requireClipping(hit.id), words)),
        total: hits.length
      }
    }
    const ids: Iterable<string> = hits ? hits.map((hit) => hit.id) : this.newestFirst
    if (!input.query.trim() && !input.tag && !bySource) {
      return {
        items: this.newestFirst
          .slice(input.offset, input.offset + input.limit)
          .map((id) => this.summary(this.requireClipping(id))),
        total: this.newestFirst.length
      }
    }
    const items: CommandOutput<'clippings.list'>['items'] = []
    let total = 0
    for (const id of ids) {
      const clipping = this.clippings.get(id)
      if (!clipping) continue
      if (input.tag && !clipping.tags.some((tag) => sameTag(tag, input.tag ?? ''))) continue
      if (bySource && !bySource(clipping)) continue
      if (total >= input.offset && items.length < input.limit) {
        items.push(this.summary(clipping, words))
      }
      total++
    }
    return { items, total }
  }

  /** One clipping with its quotes (in reading order) and their speakers. */
  getClipping(id: string): CommandOutput<'clippings.get'> {
    const clipping = this.requireClipping(id)
    const quotes = this.quotesOf(id)
    const speakers = new Map<string, Source>()
    for (const quote of quotes) {
      const speaker = quote.speakerId ? this.sources.get(quote.speakerId) : undefined
      if (speaker) speakers.set(speaker.id, speaker)
    }
    return { clipping, quotes, sources: [...speakers.values()] }
  }

  /** Saves a new clipping, its body exactly as given; a body already in the library is a CONFLICT. */
  createClipping(input: ParsedInput<'clippings.create'>): Promise<Clipping> {
    return this.enqueue(async () => {
      if (input.body.trim() === '') {
        throw new ApiError(
          'INVALID_INPUT',
          'The clipping has no text. Paste the article, then save.'
        )
      }
      if (Buffer.byteLength(input.body, 'utf8') > MAX_PASTE_BYTES) {
        throw new ApiError(
          'TOO_LARGE',
          'This article is longer than Clipdesk accepts (5 MB of text). Save it in parts.'
        )
      }
      const contentHash = hashBody(input.body)
      this.refuseDuplicate(contentHash)
      checkSpans(input.boilerplate, input.body.length, 'set-aside passage')
      const clipping: Clipping = {
        id: randomUUID(),
        title: input.title,
        outlet: orNull(input.outlet),
        byline: orNull(input.byline),
        url: orNull(input.url),
        publishedAt: input.publishedAt,
        capturedAt: this.timestamp(),
        body: input.body,
        boilerplate: input.boilerplate,
        tags: normaliseTags(input.tags),
        note: input.note,
        contentHash
      }
      const month = monthOf(clipping.capturedAt)
      await this.commit({
        clippingMonths: new Map([
          [month, { clippings: [...this.clippingsData(month).clippings, clipping] }]
        ]),
        clippingIds: [clipping.id],
        changes: [{ kind: 'clippings', ids: [clipping.id] }]
      })
      return clipping
    })
  }

  /** Changes a clipping's metadata, tags, note or set-aside passages; never its body. */
  updateClipping(id: string, patch: ParsedInput<'clippings.update'>['patch']): Promise<Clipping> {
    return this.enqueue(async () => {
      const current = this.requireClipping(id)
      const next: Clipping = { ...current }
      if (patch.title !== undefined) next.title = patch.title
      if (patch.outlet !== undefined) next.outlet = orNull(patch.outlet)
      if (patch.byline !== undefined) next.byline = orNull(patch.byline)
      if (patch.url !== undefined) next.url = orNull(patch.url)
      if (patch.publishedAt !== undefined) next.publishedAt = patch.publishedAt
      if (patch.tags !== undefined) next.tags = normaliseTags(patch.tags)
      if (patch.note !== undefined) next.note = patch.note
      if (patch.boilerplate !== undefined) {
        checkSpans(patch.boilerplate, current.body.length, 'set-aside passage')
        next.boilerplate = patch.boilerplate
      }
      const month = this.requireMonth(id)
      await this.commit({
        clippingMonths: new Map([
          [
            month,
            {
              clippings: this.clippingsData(month).clippings.map((clipping) =>
                clipping.id === id ? next : clipping
              )
            }
          ]
        ]),
        clippingIds: [id],
        changes: [{ kind: 'clippings', ids: [id] }]
      })
      return next
    })
  }

  /** Deletes a clipping and its quotes; answers both so that they can be restored. */
  deleteClipping(id: string): Promise<CommandOutput<'clippings.delete'>> {
    return this.enqueue(async () => {
      const clipping = this.requireClipping(id)
      const quotes = this.quotesOf(id)
      const month = this.requireMonth(id)
      await this.commit({
        clippingMonths: new Map([
          [
            month,
            { clippings: this.clippingsData(month).clippings.filter((item) => item.id !== id) }
          ]
        ]),
        quoteMonths: new Map([
          [
            month,
            { quotes: this.quotesData(month).quotes.filter((quote) => quote.clippingId !== id) }
          ]
        ]),
        clippingIds: [id],
        changes: [
          { kind: 'clippings', ids: [id] },
          { kind: 'quotes', ids: quotes.map((quote) => quote.id) }
        ]
      })
      return { clipping, quotes }
    })
  }

  /** Puts back a deleted clipping and its quotes (undo); a speaker deleted meanwhile is cleared. */
  restoreClipping(clipping: Clipping, quotes: Quote[]): Promise<Clipping> {
    return this.enqueue(async () => {
      if (this.clippings.has(clipping.id)) {
        throw new ApiError('CONFLICT', `“${displayTitle(clipping)}” is already in the library.`)
      }
      const contentHash = hashBody(clipping.body)
      this.refuseDuplicate(contentHash)
      const restored: Clipping = { ...clipping, tags: normaliseTags(clipping.tags), contentHash }
      const restoredQuotes = quotes.map((quote) => this.checkedRestoredQuote(quote, restored))
      const month = monthOf(restored.capturedAt)
      const restoredIds = new Set(restoredQuotes.map((quote) => quote.id))
      // Clippings first: a crash in between leaves the clipping without its quotes, never the reverse.
      await this.commit({
        clippingMonths: new Map([
          [month, { clippings: [...this.clippingsData(month).clippings, restored] }]
        ]),
        quoteMonths: new Map([
          [
            month,
            {
              quotes: [
                ...this.quotesData(month).quotes.filter((quote) => !restoredIds.has(quote.id)),
                ...restoredQuotes
              ]
            }
          ]
        ]),
        clippingIds: [restored.id],
        changes: [
          { kind: 'clippings', ids: [restored.id] },
          { kind: 'quotes', ids: restoredQuotes.map((quote) => quote.id) }
        ]
      })
      return restored
    })
  }

  // Quotes

  /** Tags a span of a clipping as a quote; its text is taken from the body. */
  createQuote(input: ParsedInput<'quotes.create'>): Promise<Quote> {
    return this.enqueue(async () => {
      const quote = this.newQuote(input, this.quotesOf(input.clippingId))
      await this.saveQuotes(quote.clippingId, (quotes) => [...quotes, quote], [quote.id])
      return quote
    })
  }

  /** Tags several spans of one clipping as quotes in a single write (analyser suggestions). */
  createQuotes(clippingId: string, inputs: ParsedInput<'quotes.create'>[]): Promise<Quote[]> {
    return this.enqueue(async () => {
      const created: Quote[] = []
      for (const input of inputs) {
        if (input.clippingId !== clippingId) {
          throw new ApiError('INVALID_INPUT', 'Every quote of one batch belongs to one clipping.')
        }
        created.push(this.newQuote(input, [...this.quotesOf(clippingId), ...created]))
      }
      if (created.length === 0) return created
      await this.saveQuotes(
        clippingId,
        (quotes) => [...quotes, ...created],
        created.map((quote) => quote.id)
      )
      return created
    })
  }

  private newQuote(input: ParsedInput<'quotes.create'>, existing: readonly Quote[]): Quote {
    const clipping = this.requireClipping(input.clippingId)
    const text = spanText(clipping.body, input.start, input.end)
    if (input.speakerId) this.requireSource(input.speakerId)
    if (existing.some((q) => q.start === input.start && q.end === input.end)) {
      throw new ApiError('CONFLICT', 'This passage is already tagged as a quote.')
    }
    const now = this.timestamp()
    return {
      id: randomUUID(),
      clippingId: clipping.id,
      start: input.start,
      end: input.end,
      text,
      speakerId: input.speakerId,
      venue: orNull(input.venue),
      kind: input.kind,
      status: input.status,
      confidence: input.confidence,
      tags: normaliseTags(input.tags),
      note: input.note,
      createdAt: now,
      updatedAt: now
    }
  }

  /** Changes a quote; a new span takes its text from the body again. */
  updateQuote(id: string, patch: ParsedInput<'quotes.update'>['patch']): Promise<Quote> {
    return this.enqueue(async () => {
      const current = this.requireQuote(id)
      const clipping = this.requireClipping(current.clippingId)
      const next: Quote = { ...current, updatedAt: this.timestamp() }
      if (patch.start !== undefined || patch.end !== undefined) {
        next.start = patch.start ?? current.start
        next.end = patch.end ?? current.end
        next.text = spanText(clipping.body, next.start, next.end)
      }
      if (patch.speakerId !== undefined) {
        if (patch.speakerId) this.requireSource(patch.speakerId)
        next.speakerId = patch.speakerId
      }
      if (patch.venue !== undefined) next.venue = orNull(patch.venue)
      if (patch.kind !== undefined) next.kind = patch.kind
      if (patch.status !== undefined) next.status = patch.status
      if (patch.tags !== undefined) next.tags = normaliseTags(patch.tags)
      if (patch.note !== undefined) next.note = patch.note
      await this.saveQuotes(
        clipping.id,
        (quotes) => quotes.map((quote) => (quote.id === id ? next : quote)),
        [id]
      )
      return next
    })
  }

  /** Removes a quote; answers it so that it can be restored. */
  deleteQuote(id: string): Promise<Quote> {
    return this.enqueue(async () => {
      const quote = this.requireQuote(id)
      await this.saveQuotes(quote.clippingId, (quotes) => quotes.filter((item) => item.id !== id), [
        id
      ])
      return quote
    })
  }

  /** Puts back a removed quote (undo); its clipping must still exist. */
  restoreQuote(quote: Quote): Promise<Quote> {
    return this.enqueue(async () => {
      const clipping = this.clippings.get(quote.clippingId)
      if (!clipping) {
        throw new ApiError(
          'NOT_FOUND',
          'The clipping this quote came from has been deleted. Restore the clipping first.'
        )
      }
      const restored = this.checkedRestoredQuote(quote, clipping)
      await this.saveQuotes(clipping.id, (quotes) => [...quotes, restored], [restored.id])
      return restored
    })
  }

  /** Quotes matching a text query, a speaker and a tag (on the quote or its clipping), newest clipping first. */
  searchQuotes(input: ParsedInput<'quotes.search'>): CommandOutput<'quotes.search'> {
    const words = queryWords(input.query)
    const candidates: Iterable<string> = input.speakerId
      ? (this.quoteIdsBySpeaker.get(input.speakerId) ?? [])
      : this.quotes.keys()
    const matches: Quote[] = []
    for (const id of candidates) {
      const quote = this.quotes.get(id)
      if (!quote) continue
      const clipping = this.clippings.get(quote.clippingId)
      if (!clipping) continue
      if (input.tag) {
        const tag = input.tag
        if (
          !quote.tags.some((t) => sameTag(t, tag)) &&
          !clipping.tags.some((t) => sameTag(t, tag))
        ) {
          continue
        }
      }
      if (words.length > 0 && !this.quoteMatches(quote, words)) continue
      matches.push(quote)
    }
    matches.sort((a, b) => this.compareQuotesNewestFirst(a, b))
    return {
      items: matches.slice(0, input.limit).map((quote) => this.inContext(quote)),
      total: matches.length
    }
  }

  // Sources

  /** Every source with its quote count, by name. */
  listSources(): CommandOutput<'sources.list'> {
    return [...this.sources.values()]
      .map((source) => ({
        ...source,
        quoteCount: this.quoteIdsBySpeaker.get(source.id)?.size ?? 0
      }))
      .sort((a, b) => compareNames(a.name, b.name))
  }

  /** One source with all of its quotes across the library, newest clipping first. */
  getSource(id: string): CommandOutput<'sources.get'> {
    const source = this.requireSource(id)
    const quotes = [...(this.quoteIdsBySpeaker.get(id) ?? [])]
      .map((quoteId) => this.quotes.get(quoteId))
      .filter((quote): quote is Quote => quote !== undefined)
      .sort((a, b) => this.compareQuotesNewestFirst(a, b))
      .map((quote) => this.inContext(quote))
    return { source, quotes }
  }

  /** Adds a person, organisation or outlet; one with the same name and kind is a CONFLICT. */
  createSource(input: ParsedInput<'sources.create'>): Promise<Source> {
    return this.enqueue(async () => {
      this.refuseDuplicateSource(input.name, input.kind)
      const now = this.timestamp()
      const source: Source = {
        id: randomUUID(),
        kind: input.kind,
        name: input.name,
        aliases: cleanAliases(input.aliases, input.name),
        role: orNull(input.role),
        createdAt: now,
        updatedAt: now
      }
      await this.commit({
        sources: { sources: [...this.sourcesDb.data.sources, source] },
        changes: [{ kind: 'sources', ids: [source.id] }]
      })
      return source
    })
  }

  /** The first source whose name or alias matches, case-insensitively (to reuse before creating). */
  findSourceByName(name: string): Source | undefined {
    const wanted = foldText(name.trim())
    for (const source of this.sources.values()) {
      if (foldText(source.name) === wanted) return source
    }
    for (const source of this.sources.values()) {
      if (source.aliases.some((alias) => foldText(alias) === wanted)) return source
    }
    return undefined
  }

  /** Renames a source or changes its kind, role or aliases; a rename keeps the old name as an alias. */
  updateSource(id: string, patch: ParsedInput<'sources.update'>['patch']): Promise<Source> {
    return this.enqueue(async () => {
      const current = this.requireSource(id)
      const next: Source = { ...current, updatedAt: this.timestamp() }
      if (patch.kind !== undefined) next.kind = patch.kind
      if (patch.role !== undefined) next.role = orNull(patch.role)
      let aliases = patch.aliases ?? current.aliases
      if (patch.name !== undefined && patch.name !== current.name) {
        this.refuseDuplicateSource(patch.name, next.kind, id)
        next.name = patch.name
        aliases = [...aliases, current.name]
      }
      next.aliases = cleanAliases(aliases, next.name)
      await this.commit({
        sources: {
          sources: this.sourcesDb.data.sources.map((source) => (source.id === id ? next : source))
        },
        clippingIds: this.clippingsQuoting([id]),
        changes: [{ kind: 'sources', ids: [id] }]
      })
      return next
    })
  }

  /** Merges sources into the target: their quotes move to it, their names and aliases become its aliases. */
  mergeSources(targetId: string, sourceIds: string[]): Promise<Source> {
    return this.enqueue(async () => {
      const target = this.requireSource(targetId)
      const merged = [...new Set(sourceIds)].map((id) => this.requireSource(id))
      if (merged.some((source) => source.id === targetId)) {
        throw new ApiError('INVALID_INPUT', 'A source cannot be merged into itself.')
      }
      const mergedIds = new Set(merged.map((source) => source.id))
      const next: Source = {
        ...target,
        aliases: cleanAliases(
          [...target.aliases, ...merged.flatMap((source) => [source.name, ...source.aliases])],
          target.name
        ),
        updatedAt: this.timestamp()
      }
      const movedQuoteIds = merged.flatMap((source) => [
        ...(this.quoteIdsBySpeaker.get(source.id) ?? [])
      ])
      const quoteMonths = new Map<string, QuotesFile>()
      for (const month of new Set(movedQuoteIds.map((id) => this.quoteMonth(id)))) {
        quoteMonths.set(month, {
          quotes: this.quotesData(month).quotes.map((quote) =>
            quote.speakerId && mergedIds.has(quote.speakerId)
              ? { ...quote, speakerId: targetId, updatedAt: next.updatedAt }
              : quote
          )
        })
      }
      const touched = this.clippingsQuoting([targetId, ...mergedIds])
      // Quotes move first: should the sources file fail, no quote points at a source that is gone.
      await this.commit({
        quoteMonths,
        sources: {
          sources: this.sourcesDb.data.sources
            .filter((source) => !mergedIds.has(source.id))
            .map((source) => (source.id === targetId ? next : source))
        },
        clippingIds: touched,
        changes: [
          { kind: 'sources', ids: [targetId, ...mergedIds] },
          { kind: 'quotes', ids: movedQuoteIds }
        ]
      })
      return next
    })
  }

  /** Deletes a source that no quote is attributed to; otherwise a CONFLICT. */
  deleteSource(id: string): Promise<CommandOutput<'sources.delete'>> {
    return this.enqueue(async () => {
      const source = this.requireSource(id)
      const count = this.quoteIdsBySpeaker.get(id)?.size ?? 0
      if (count > 0) {
        throw new ApiError(
          'CONFLICT',
          `${source.name} is the speaker of ${count} ${count === 1 ? 'quote' : 'quotes'}. ` +
            'Merge this source into another, or change those quotes’ speaker, before deleting it.'
        )
      }
      await this.commit({
        sources: { sources: this.sourcesDb.data.sources.filter((item) => item.id !== id) },
        changes: [{ kind: 'sources', ids: [id] }]
      })
      return { ok: true as const }
    })
  }

  // Tags

  /** Every tag on clippings and quotes, with counts, compared case-insensitively, alphabetically. */
  listTags(): CommandOutput<'tags.list'> {
    const counts = new Map<string, { tag: string; clippings: number; quotes: number }>()
    const count = (tag: string, field: 'clippings' | 'quotes') => {
      const key = tag.toLowerCase()
      const entry = counts.get(key) ?? { tag, clippings: 0, quotes: 0 }
      entry[field]++
      counts.set(key, entry)
    }
    for (const clipping of this.clippings.values())
      for (const tag of clipping.tags) count(tag, 'clippings')
    for (const quote of this.quotes.values()) for (const tag of quote.tags) count(tag, 'quotes')
    return [...counts.values()].sort((a, b) => compareNames(a.tag, b.tag))
  }

  // Briefings

  /** Every briefing, newest date first. */
  listBriefings(): Briefing[] {
    return [...this.briefingsDb.data.briefings].sort(
      (a, b) => compareNewestFirst(a.date, b.date) || compareNewestFirst(a.updatedAt, b.updatedAt)
    )
  }

  /** One briefing. */
  getBriefing(id: string): Briefing {
    return this.requireBriefing(id)
  }

  /** Creates a briefing with one empty section. */
  createBriefing(input: ParsedInput<'briefings.create'>): Promise<Briefing> {
    return this.enqueue(async () => {
      const now = this.timestamp()
      const briefing: Briefing = {
        id: randomUUID(),
        title: input.title,
        date: input.date,
        author: input.author,
        sections: [{ id: randomUUID(), heading: '', items: [] }],
        createdAt: now,
        updatedAt: now
      }
      await this.commit({
        briefings: { briefings: [...this.briefingsDb.data.briefings, briefing] },
        changes: [{ kind: 'briefings', ids: [briefing.id] }]
      })
      return briefing
    })
  }

  /** Replaces a briefing's title, date, author or sections. */
  updateBriefing(id: string, patch: ParsedInput<'briefings.update'>['patch']): Promise<Briefing> {
    return this.enqueue(async () => {
      const next: Briefing = { ...this.requireBriefing(id), updatedAt: this.timestamp() }
      if (patch.title !== undefined) next.title = patch.title
      if (patch.date !== undefined) next.date = patch.date
      if (patch.author !== undefined) next.author = patch.author
      if (patch.sections !== undefined) next.sections = patch.sections
      await this.commit({
        briefings: {
          briefings: this.briefingsDb.data.briefings.map((item) => (item.id === id ? next : item))
        },
        changes: [{ kind: 'briefings', ids: [id] }]
      })
      return next
    })
  }

  /** Deletes a briefing; answers it so that it can be restored. */
  deleteBriefing(id: string): Promise<Briefing> {
    return this.enqueue(async () => {
      const briefing = this.requireBriefing(id)
      await this.commit({
        briefings: { briefings: this.briefingsDb.data.briefings.filter((item) => item.id !== id) },
        changes: [{ kind: 'briefings', ids: [id] }]
      })
      return briefing
    })
  }

  /** Puts back a deleted briefing (undo). */
  restoreBriefing(briefing: Briefing): Promise<Briefing> {
    return this.enqueue(async () => {
      if (this.briefingsDb.data.briefings.some((item) => item.id === briefing.id)) {
        throw new ApiError(
          'CONFLICT',
          `The briefing “${briefing.title}” is already in the library.`
        )
      }
      await this.commit({
        briefings: { briefings: [...this.briefingsDb.data.briefings, briefing] },
        changes: [{ kind: 'briefings', ids: [briefing.id] }]
      })
      return briefing
    })
  }

  // Lookups for export

  /** The quotes and clippings a briefing's items point at; items whose target is gone are left out. */
  briefingReferences(id: string): CommandOutput<'briefings.references'> {
    const result: CommandOutput<'briefings.references'> = { quotes: [], clippings: [] }
    for (const item of this.getBriefing(id).sections.flatMap((section) => section.items)) {
      if (item.refId === null) continue
      if (item.kind === 'quote') {
        const quote = this.quotes.get(item.refId)
        if (quote && this.clippings.has(quote.clippingId)) result.quotes.push(this.inContext(quote))
      } else if (item.kind === 'clipping') {
        const clipping = this.clippings.get(item.refId)
        if (clipping) result.clippings.push(this.summary(clipping))
      }
    }
    return result
  }

  /** The stored quote, or undefined. */
  getQuoteRecord(id: string): Quote | undefined {
    return this.quotes.get(id)
  }

  /** The stored clipping, or undefined. */
  getClippingRecord(id: string): Clipping | undefined {
    return this.clippings.get(id)
  }

  /** The stored source, or undefined. */
  getSourceRecord(id: string): Source | undefined {
    return this.sources.get(id)
  }

  // Loading

  private async load(migrations: readonly Migration[]): Promise<void> {
    await this.loadMeta(migrations)
    this.sourcesDb = new Low<SourcesFile>(this.durable('sources.json', SourcesFileSchema), {
      sources: []
    })
    await this.sourcesDb.read()
    this.applySources()
    this.briefingsDb = new Low<BriefingsFile>(this.durable('briefings.json', BriefingsFileSchema), {
      briefings: []
    })
    await this.briefingsDb.read()

    for (const month of await listMonths(this.dataDir, 'clippings')) {
      const db = this.clippingsDb(month)
      await db.read()
      this.applyClippings(month, undefined, db.data, true)
    }
    for (const month of await listMonths(this.dataDir, 'quotes')) {
      const db = this.quotesDb(month)
      await db.read()
      this.indexQuotes(month, undefined)
    }
    this.newestFirst = [...this.clippings.values()]
      .sort((a, b) => compareClippings(a, b))
      .map((clipping) => clipping.id)
    this.reportDetachedQuotes()
  }

  private async loadMeta(migrations: readonly Migration[]): Promise<void> {
    const file = this.durable('meta.json', MetaSchema)
    let stored = await file.read()
    if (!stored) {
      const found = await this.existingLayoutVersion()
      if (found === null) {
        await file.write({ schemaVersion: LIBRARY_SCHEMA_VERSION, createdAt: this.timestamp() })
        return
      }
      // meta.json is gone but the library is not: read its files by the layout they have.
      stored = { schemaVersion: found, createdAt: this.timestamp() }
      this.noticeList.push({
        level: 'warning',
        message:
          `meta.json was missing, so Clipdesk recognised the library's files as schema ` +
          `version ${found} from their layout and opened them as such.`
      })
      if (found === LIBRARY_SCHEMA_VERSION) await file.write(stored)
    }
    if (stored.schemaVersion > LIBRARY_SCHEMA_VERSION) {
      throw new ApiError(
        'STORAGE',
        `This library was saved by a newer Clipdesk (schema version ${stored.schemaVersion}). ` +
          'Update Clipdesk to open it; nothing was changed.'
      )
    }
    if (stored.schemaVersion === LIBRARY_SCHEMA_VERSION) return
    const steps = planMigrations(stored.schemaVersion, LIBRARY_SCHEMA_VERSION, migrations)
    const stamp = this.timestamp().replace(/[:.]/g, '-')
    const backupDir = join(this.dataDir, 'backups', `before-upgrade-${stamp}`)
    await backupLibraryFiles(this.dataDir, backupDir)
    const meta: Meta = { ...stored }
    for (const step of steps) {
      await step.migrate(this.dataDir, (notice) => this.noticeList.push(notice))
      meta.schemaVersion = step.to
      await file.write(meta)
    }
    this.noticeList.push({
      level: 'info',
      message:
        `The library was upgraded from schema version ${stored.schemaVersion} to ` +
        `${LIBRARY_SCHEMA_VERSION} (${steps.map((step) => step.description).join('; ')}). ` +
        `A copy of the files from before the upgrade is in ${backupDir}.`
    })
  }

  /** The schema version the library's month files show, or null when there are none. */
  private async existingLayoutVersion(): Promise<number | null> {
    const months = await listMonths(this.dataDir, 'clippings')
    if (months.length === 0) return null
    const quotesFolder = await readdir(join(this.dataDir, 'quotes')).catch(() => [] as string[])
    if (quotesFolder.some((name) => name.endsWith('.json'))) return LIBRARY_SCHEMA_VERSION
    for (const month of months) {
      try {
        const text = await readFile(join(this.dataDir, clippingsFilePath(month)), 'utf8')
        // Version 1 kept each month's quotes inside its clippings file.
        return Array.isArray((JSON.parse(text) as { quotes?: unknown }).quotes) ? 1 : 2
      } catch {
        continue
      }
    }
    return 1
  }

  private durable<T>(relativePath: string, schema: z.ZodType<T>): DurableJsonFile<T> {
    return new DurableJsonFile<T>({
      file: join(this.dataDir, relativePath),
      dataDir: this.dataDir,
      schema,
      fs: this.fs,
      now: this.now,
      onNotice: (notice) => this.noticeList.push(notice)
    })
  }

  private clippingsDb(month: string): Low<ClippingsFile> {
    let db = this.clippingFiles.get(month)
    if (!db) {
      db = new Low<ClippingsFile>(this.durable(clippingsFilePath(month), ClippingsFileSchema), {
        clippings: []
      })
      this.clippingFiles.set(month, db)
    }
    return db
  }

  private clippingsData(month: string): ClippingsFile {
    return this.clippingsDb(month).data
  }

  private quotesDb(month: string): Low<QuotesFile> {
    let db = this.quoteFiles.get(month)
    if (!db) {
      db = new Low<QuotesFile>(this.durable(quotesFilePath(month), QuotesFileSchema), {
        quotes: []
      })
      this.quoteFiles.set(month, db)
    }
    return db
  }

  private quotesData(month: string): QuotesFile {
    return this.quotesDb(month).data
  }

  private reportDetachedQuotes(): void {
    let detached = 0
    for (const db of this.quoteFiles.values()) {
      for (const quote of db.data.quotes) {
        if (this.quotes.get(quote.id) !== quote) detached++
      }
    }
    if (detached > 0) {
      this.noticeList.push({
        level: 'warning',
        message:
          `${detached} ${detached === 1 ? 'quote does' : 'quotes do'} not match the text of ` +
          'their clipping, or their clipping is missing. They are kept in the library files but not shown.'
      })
    }
  }

  // Saving

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    if (this.closing) {
      return Promise.reject(
        new ApiError('UNAVAILABLE', 'The library has been closed. Open it again to make changes.')
      )
    }
    const run = this.queue.then(task)
    this.queue = run.catch(() => undefined)
    return run
  }

  /**
   * Refuses a change whose new or edited records the loader would reject (a title over its limit,
   * say): written, such a record would get its whole file quarantined at the next start.
   */
  private checkNewRecords(change: Change): void {
    for (const [month, next] of change.clippingMonths ?? []) {
      const before = this.clippingsDb(month).data?.clippings ?? []
      checkRecords(before, next.clippings, ClippingSchema, 'clipping')
    }
    for (const [month, next] of change.quoteMonths ?? []) {
      checkRecords(this.quotesDb(month).data?.quotes ?? [], next.quotes, QuoteSchema, 'quote')
    }
    if (change.sources) {
      checkRecords(this.sourcesDb.data.sources, change.sources.sources, SourceSchema, 'source')
    }
    if (change.briefings) {
      const before = this.briefingsDb.data.briefings
      checkRecords(before, change.briefings.briefings, BriefingSchema, 'briefing')
    }
  }

  private async commit(change: Change): Promise<void> {
    this.checkNewRecords(change)
    let saved = false
    try {
      const writeClippings = async () => {
        for (const [month, next] of change.clippingMonths ?? []) {
          const db = this.clippingsDb(month)
          const previous = db.data
          await saveDocument(db, next)
          this.applyClippings(month, previous, next, false)
          saved = true
        }
      }
      const writeQuotes = async () => {
        for (const [month, next] of change.quoteMonths ?? []) {
          const db = this.quotesDb(month)
          const previous = db.data
          await saveDocument(db, next)
          this.indexQuotes(month, previous)
          saved = true
        }
      }
      // Clippings first: a failure between the two writes leaves quotes without their clipping,
      // which are kept on disk and reported, never a deleted clipping's quotes lost.
      await writeClippings()
      await writeQuotes()
      if (change.sources) {
        await saveDocument(this.sourcesDb, change.sources)
        this.applySources()
        saved = true
      }
      if (change.briefings) await saveDocument(this.briefingsDb, change.briefings)
    } catch (error) {
      if (saved) this.emit({ kind: 'library', ids: [] })
      throw error
    } finally {
      for (const id of change.clippingIds ?? []) {
        const document = this.searchDocument(id)
        if (document) this.searchIndex.update(document)
        else this.searchIndex.remove(id)
      }
    }
    for (const item of change.changes) this.emit(item)
  }

  private emit(change: LibraryChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change)
      } catch {
        // A failing listener must not undo or hide a change that is already saved.
      }
    }
  }

  private async saveQuotes(
    clippingId: string,
    edit: (quotes: Quote[]) => Quote[],
    quoteIds: string[]
  ): Promise<void> {
    const month = this.requireMonth(clippingId)
    const stored = this.quotesData(month).quotes
    const others = stored.filter((quote) => quote.clippingId !== clippingId)
    const own = stored.filter((quote) => quote.clippingId === clippingId)
    await this.commit({
      quoteMonths: new Map([[month, { quotes: [...others, ...edit(own)] }]]),
      clippingIds: [clippingId],
      changes: [{ kind: 'quotes', ids: quoteIds }]
    })
  }

  // In-memory indexes, updated only after a document is saved

  private applyClippings(
    month: string,
    previous: ClippingsFile | undefined,
    next: ClippingsFile,
    loading: boolean
  ): void {
    const nextIds = new Set(next.clippings.map((clipping) => clipping.id))
    for (const clipping of previous?.clippings ?? []) {
      if (nextIds.has(clipping.id)) continue
      this.clippings.delete(clipping.id)
      this.monthOfClipping.delete(clipping.id)
      if (this.clippingIdByHash.get(clipping.contentHash) === clipping.id) {
        this.clippingIdByHash.delete(clipping.contentHash)
      }
      this.removeFromOrder(clipping)
    }
    for (const clipping of next.clippings) {
      if (!loading && !this.clippings.has(clipping.id)) this.insertInOrder(clipping)
      this.clippings.set(clipping.id, clipping)
      this.monthOfClipping.set(clipping.id, month)
      this.clippingIdByHash.set(clipping.contentHash, clipping.id)
    }
    // A clipping that appeared or went away changes which of the month's quotes can be shown.
    if (!loading) this.indexQuotes(month, this.quoteFiles.get(month)?.data)
  }

  /**
   * Re-derives the shown quotes of one month from its quotes file. A quote is shown only if its
   * clipping is in the same month's clippings file and its text is still that clipping's span.
   */
  private indexQuotes(month: string, previous: QuotesFile | undefined): void {
    const next = this.quotesData(month)
    for (const quote of previous?.quotes ?? []) this.forgetQuote(quote)
    for (const quote of next.quotes) this.forgetQuote(quote)
    for (const quote of next.quotes) {
      const clipping =
        this.monthOfClipping.get(quote.clippingId) === month
          ? this.clippings.get(quote.clippingId)
          : undefined
      if (!clipping || clipping.body.slice(quote.start, quote.end) !== quote.text) continue
      this.quotes.set(quote.id, quote)
      const own = this.quoteIdsByClipping.get(quote.clippingId)
      if (own) own.push(quote.id)
      else this.quoteIdsByClipping.set(quote.clippingId, [quote.id])
      if (quote.speakerId) {
        const spoken = this.quoteIdsBySpeaker.get(quote.speakerId)
        if (spoken) spoken.add(quote.id)
        else this.quoteIdsBySpeaker.set(quote.speakerId, new Set([quote.id]))
      }
    }
  }

  private forgetQuote(quote: Quote): void {
    if (this.quotes.get(quote.id) !== quote) return
    this.quotes.delete(quote.id)
    const own = this.quoteIdsByClipping.get(quote.clippingId)
    const rest = own?.filter((id) => id !== quote.id) ?? []
    if (rest.length > 0) this.quoteIdsByClipping.set(quote.clippingId, rest)
    else this.quoteIdsByClipping.delete(quote.clippingId)
    if (quote.speakerId) {
      const spoken = this.quoteIdsBySpeaker.get(quote.speakerId)
      spoken?.delete(quote.id)
      if (spoken?.size === 0) this.quoteIdsBySpeaker.delete(quote.speakerId)
    }
  }

  private applySources(): void {
    this.sources.clear()
    for (const source of this.sourcesDb.data.sources) this.sources.set(source.id, source)
  }

  private insertInOrder(clipping: Clipping): void {
    this.newestFirst.splice(this.orderPosition(clipping), 0, clipping.id)
  }

  private removeFromOrder(clipping: Clipping): void {
    const position = this.orderPosition(clipping)
    if (this.newestFirst[position] === clipping.id) this.newestFirst.splice(position, 1)
    else {
      const index = this.newestFirst.indexOf(clipping.id)
      if (index >= 0) this.newestFirst.splice(index, 1)
    }
  }

  private orderPosition(clipping: Clipping): number {
    let low = 0
    let high = this.newestFirst.length
    while (low < high) {
      const middle = (low + high) >>> 1
      const other = this.clippings.get(this.newestFirst[middle])
      if (other && compareClippings(other, clipping) < 0) low = middle + 1
      else high = middle
    }
    return low
  }

  // Reading

  private searchDocument(id: string): ClippingSearchDocument | undefined {
    const clipping = this.clippings.get(id)
    if (!clipping) return undefined
    return clippingSearchDocument(clipping, this.quotesOf(id), (sourceId) =>
      this.sources.get(sourceId)
    )
  }

  private quotesOf(clippingId: string): Quote[] {
    return (this.quoteIdsByClipping.get(clippingId) ?? [])
      .map((id) => this.quotes.get(id))
      .filter((quote): quote is Quote => quote !== undefined)
      .sort((a, b) => a.start - b.start || a.end - b.end)
  }

  private quoteMonth(quoteId: string): string {
    return this.requireMonth(this.requireQuote(quoteId).clippingId)
  }

  private clippingsQuoting(sourceIds: Iterable<string>): string[] {
    const ids = new Set<string>()
    for (const sourceId of sourceIds) {
      for (const quoteId of this.quoteIdsBySpeaker.get(sourceId) ?? []) {
        const quote = this.quotes.get(quoteId)
        if (quote) ids.add(quote.clippingId)
      }
    }
    return [...ids]
  }

  private sourceFilter(sourceId: string): (clipping: Clipping) => boolean {
    const source = this.requireSource(sourceId)
    const quoting = new Set(this.clippingsQuoting([sourceId]))
    const outletNames =
      source.kind === 'outlet'
        ? new Set([source.name, ...source.aliases].map((name) => foldText(name)))
        : undefined
    return (clipping) =>
      quoting.has(clipping.id) ||
      (outletNames !== undefined &&
        clipping.outlet !== null &&
        outletNames.has(foldText(clipping.outlet)))
  }

  /**
   * A clipping as listed. With the words of a search, the excerpt is the passage where the first
   * of them occurs, when the opening does not show it, so a hit shows why it matched.
   */
  private summary(
    clipping: Clipping,
    words: readonly string[] = []
  ): CommandOutput<'clippings.list'>['items'][number] {
    const { body, ...rest } = clipping
    // The opening is enough: an excerpt never reaches past the first paragraphs.
    const opening = excerptOf({ ...clipping, body: body.slice(0, 5000) })
    return {
      ...rest,
      quoteCount: this.quoteIdsByClipping.get(clipping.id)?.length ?? 0,
      excerpt: matchingPassage(body, words, opening) ?? opening
    }
  }

  private inContext(quote: Quote): CommandOutput<'quotes.search'>['items'][number] {
    const clipping = this.requireClipping(quote.clippingId)
    return {
      ...quote,
      speaker: (quote.speakerId ? this.sources.get(quote.speakerId) : undefined) ?? null,
      clipping: {
        id: clipping.id,
        title: clipping.title,
        outlet: clipping.outlet,
        publishedAt: clipping.publishedAt,
        capturedAt: clipping.capturedAt,
        url: clipping.url
      }
    }
  }

  private quoteMatches(quote: Quote, words: string[]): boolean {
    const speaker = quote.speakerId ? this.sources.get(quote.speakerId) : undefined
    const text = ` ${foldText(
      [quote.text, speaker?.name ?? '', ...(speaker?.aliases ?? []), quote.venue ?? ''].join(' ')
    )
      .split(/[^\p{L}\p{N}]+/u)
      .join(' ')}`
    return words.every((word) => text.includes(` ${word}`))
  }

  private compareQuotesNewestFirst(a: Quote, b: Quote): number {
    const first = this.clippings.get(a.clippingId)
    const second = this.clippings.get(b.clippingId)
    if (first && second && first !== second) return compareClippings(first, second)
    return a.start - b.start
  }

  private refuseDuplicate(contentHash: string): void {
    const existingId = this.clippingIdByHash.get(contentHash)
    const existing = existingId ? this.clippings.get(existingId) : undefined
    if (existing) {
      throw new ApiError(
        'CONFLICT',
        `This article is already in the library as “${displayTitle(existing)}”, ` +
          `saved ${existing.capturedAt.slice(0, 10)}.`
      )
    }
  }

  private refuseDuplicateSource(name: string, kind: Source['kind'], exceptId?: string): void {
    const wanted = foldText(name.trim())
    const existing = [...this.sources.values()].find(
      (source) => source.id !== exceptId && source.kind === kind && foldText(source.name) === wanted
    )
    if (existing) {
      throw new ApiError(
        'CONFLICT',
        `There is already a ${kind} called “${existing.name}”. Use it, or merge the two.`
      )
    }
  }

  private checkedRestoredQuote(quote: Quote, clipping: Clipping): Quote {
    if (quote.clippingId !== clipping.id) {
      throw new ApiError('INVALID_INPUT', 'A quote being restored belongs to another clipping.')
    }
    if (this.quotes.has(quote.id)) {
      throw new ApiError('CONFLICT', 'This quote is already in the library.')
    }
    if (spanText(clipping.body, quote.start, quote.end) !== quote.text) {
      throw new ApiError(
        'INVALID_INPUT',
        'A quote being restored no longer matches the clipping’s text, so it was not restored.'
      )
    }
    const speakerId = quote.speakerId && this.sources.has(quote.speakerId) ? quote.speakerId : null
    return { ...quote, speakerId, tags: normaliseTags(quote.tags) }
  }

  private requireClipping(id: string): Clipping {
    const clipping = this.clippings.get(id)
    if (!clipping) {
      throw new ApiError(
        'NOT_FOUND',
        'This clipping is not in the library; it may have been deleted.'
      )
    }
    return clipping
  }

  private requireMonth(clippingId: string): string {
    const clipping = this.requireClipping(clippingId)
    return this.monthOfClipping.get(clippingId) ?? monthOf(clipping.capturedAt)
  }

  private requireQuote(id: string): Quote {
    const quote = this.quotes.get(id)
    if (!quote) {
      throw new ApiError('NOT_FOUND', 'This quote is not in the library; it may have been removed.')
    }
    return quote
  }

  private requireSource(id: string): Source {
    const source = this.sources.get(id)
    if (!source) {
      throw new ApiError(
        'NOT_FOUND',
        'This source is not in the library; it may have been merged or deleted.'
      )
    }
    return source
  }

  private requireBriefing(id: string): Briefing {
    const briefing = this.briefingsDb.data.briefings.find((item) => item.id === id)
    if (!briefing) {
      throw new ApiError(
        'NOT_FOUND',
        'This briefing is not in the library; it may have been deleted.'
      )
    }
    return briefing
  }

  private timestamp(): string {
    return this.now().toISOString()
  }
}

/** Checks the records of `next` that are not in `before` (new or edited) against their schema. */
function checkRecords<T>(
  before: readonly T[],
  next: readonly T[],
  schema: z.ZodType<unknown>,
  what: string
): void {
  const unchanged = new Set(before)
  for (const record of next) {
    if (unchanged.has(record)) continue
    const result = schema.safeParse(record)
    if (result.success) continue
    const issue = result.error.issues[0]
    const field = issue?.path.join('.') || what
    throw new ApiError(
      'INVALID_INPUT',
      `The ${what} was not saved: its ${field} is not something Clipdesk can keep ` +
        `(${issue?.message ?? 'invalid'}). Shorten or correct it and try again.`
    )
  }
}

async function saveDocument<T>(db: Low<T>, next: T): Promise<void> {
  const previous = db.data
  db.data = next
  try {
    await db.write()
  } catch (error) {
    db.data = previous
    throw error
  }
}

/** The sha256 of a clipping's body, in hex: how duplicates are recognised. */
export function hashBody(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex')
}

/** The month file (`YYYY-MM`) a clipping captured at `capturedAt` belongs to. */
function monthOf(capturedAt: string): string {
  const match = /^(\d{4})-(\d{2})/.exec(capturedAt)
  if (match) return `${match[1]}-${match[2]}`
  const date = new Date(capturedAt)
  if (Number.isNaN(date.getTime())) {
    throw new ApiError('INVALID_INPUT', `The capture date “${capturedAt}” is not a date.`)
  }
  return date.toISOString().slice(0, 7)
}

function spanText(body: string, start: number, end: number): string {
  if (start < 0 || end > body.length || start > end) {
    throw new ApiError(
      'INVALID_INPUT',
      `The selected passage (characters ${start} to ${end}) is outside the clipping’s text, ` +
        `which has ${body.length} characters. Select the passage again.`
    )
  }
  const text = body.slice(start, end)
  if (text.trim() === '') {
    throw new ApiError(
      'INVALID_INPUT',
      'The selected passage is empty. Select the words of the quote.'
    )
  }
  return text
}

function checkSpans(spans: { start: number; end: number }[], length: number, what: string): void {
  for (const span of spans) {
    if (span.start < 0 || span.end > length || span.start >= span.end) {
      throw new ApiError(
        'INVALID_INPUT',
        `A ${what} (characters ${span.start} to ${span.end}) is outside the clipping’s text.`
      )
    }
  }
}

function orNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value
}

function cleanAliases(aliases: string[], name: string): string[] {
  const kept: string[] = []
  for (const raw of aliases) {
    const alias = raw.trim()
    if (!alias || foldText(alias) === foldText(name)) continue
    if (!kept.some((other) => foldText(other) === foldText(alias))) kept.push(alias)
  }
  return kept
}

function compareClippings(a: Clipping, b: Clipping): number {
  return compareNewestFirst(a.capturedAt, b.capturedAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)
}

function compareNames(a: string, b: string): number {
  return a.localeCompare(b, undefined, { sensitivity: 'base' }) || a.localeCompare(b)
}

function displayTitle(clipping: Clipping): string {
  return clipping.title.trim() || 'Untitled clipping'
}

/** Characters of a search excerpt before and after the word that matched. */
const PASSAGE_BEFORE = 80
const PASSAGE_AFTER = 200

/**
 * The passage around the first place one of `words` (folded search words, matched at the start of
 * a word) occurs in `body`, cut at spaces with an ellipsis at each cut; null when `opening`
 * already shows a word or none occurs as written.
 */
export function matchingPassage(
  body: string,
  words: readonly string[],
  opening: string
): string | null {
  if (words.length === 0) return null
  let first = -1
  for (const word of words) {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}`, 'iu')
    if (pattern.test(opening)) return null
    const at = body.search(pattern)
    if (at >= 0 && (first < 0 || at < first)) first = at
  }
  if (first < 0) return null
  let start = Math.max(0, first - PASSAGE_BEFORE)
  let end = Math.min(body.length, first + PASSAGE_AFTER)
  // Start at the sentence or paragraph the word is in when it begins close enough before it.
  const lead = body.slice(start, first)
  const sentenceEnd = [...lead.matchAll(/[.!?]\s/gu)].at(-1)?.index ?? -1
  const boundary = Math.max(lead.lastIndexOf('\n'), sentenceEnd)
  if (boundary >= 0) start += boundary + 1
  else if (start > 0) start = body.indexOf(' ', start) + 1 || start
  if (end < body.length) end = body.lastIndexOf(' ', end) > first ? body.lastIndexOf(' ', end) : end
  const passage = body.slice(start, end).replace(/\s+/gu, ' ').trim()
  return `${start > 0 ? '…' : ''}${passage}${end < body.length ? '…' : ''}`
}
