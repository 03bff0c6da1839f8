import type { Clipping, Quote, Source } from '@shared/model'

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

/** How big the index is and how its last build went, for the benchmark and tests. */
export interface SearchIndexStats {
  documents: number
  terms: number
  postings: number
  deadPostings: number
  /** Bytes held by posting lists and per-term and per-document tables (the dictionary's strings aside). */
  bytes: number
  /** How long the last build took from start to finish, slices and pauses included. */
  buildMs: number
  /** The longest the last build held the event loop in one slice. */
  longestSliceMs: number
}

// Fields in the order of their bit in a posting's field mask, with their weight in a hit's score.
const FIELDS = ['title', 'speakers', 'quotes', 'tags', 'outlet', 'byline', 'body'] as const
const FIELD_WEIGHTS = [10, 6, 4, 4, 3, 3, 1]
const FIELD_BITS = 7
const FIELD_MASK = (1 << FIELD_BITS) - 1

// A word's score in one clipping: the summed weights of the fields it occurs in.
const MASK_WEIGHTS = Float64Array.from({ length: 1 << FIELD_BITS }, (_, mask) =>
  FIELD_WEIGHTS.reduce((sum, weight, bit) => (mask & (1 << bit) ? sum + weight : sum), 0)
)

// How a query word matched an indexed term, as a multiplier of that term's score.
const EXACT = 4
const PREFIX = 3
const FUZZY = 2

const MIN_PREFIX = 2
const MIN_FUZZY = 5
const LONGEST_TERM = 64

// A build slice stops after this long, leaving the event loop free in between.
const SLICE_MS = 12

// Posting lists live in 4 MB pages of linked blocks: [next block address, ...postings].
const PAGE_BITS = 20
const PAGE_SIZE = 1 << PAGE_BITS
const PAGE_MASK = PAGE_SIZE - 1
const FIRST_BLOCK = 2
const LARGEST_BLOCK = 1024

// Slots are packed with the field mask into one 32-bit posting; ranking packs minute and slot into a double.
const MAX_SLOTS = 2 ** (32 - FIELD_BITS)
const SLOT_FACTOR = 2 ** 26
const LAST_MINUTE = 2 ** 27 - 1

// Text made only of ASCII, no-break spaces and general punctuation (curly quotes, dashes) has no accents.
const NEEDS_NORMALISING = /[^\u0000-\u00a0\u2000-\u206f]/
const APOSTROPHES = /[\u2018\u2019\u02bc\u0060\u00b4\u2032]/g
const WORD_SEPARATOR = /[^\p{L}\p{N}]+/u
const WORD_CHARACTER = /[\p{L}\p{N}]/u
const EDGE_APOSTROPHES = /^'+|'+$/g
const UNDECOMPOSED = /[ßæœøłđðþı]/g
const UNDECOMPOSED_FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i'
}

/** Lower-cases and strips accents, so that "Zoë" is found by "zoe". */
export function foldText(text: string): string {
  // Unicode normalisation is by far the costliest step of indexing, and most text needs none.
  if (!NEEDS_NORMALISING.test(text)) return text.toLowerCase()
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/** The query's words, folded (accents and case removed). */
export function queryWords(query: string): string[] {
  return foldText(query)
    .split(WORD_SEPARATOR)
    .filter((word) => word !== '')
}

// What each UTF-16 code unit is to the scanner, learnt on first sight beyond ASCII.
const UNKNOWN = 0
const LETTER = 1
const APOSTROPHE = 2
const SEPARATOR = 3
const SURROGATE = 4
const unitKinds = new Uint8Array(0x10000)
// The unit a letter is indexed as: ASCII capitals lower-cased, every other unit itself.
const FOLDED_UNITS = Uint16Array.from({ length: 0x10000 }, (_, unit) =>
  unit >= 65 && unit <= 90 ? unit + 32 : unit
)
for (let unit = 0; unit < 128; unit++) {
  const character = String.fromCharCode(unit)
  unitKinds[unit] = /[a-zA-Z0-9]/.test(character) ? LETTER : SEPARATOR
}
for (let unit = 0x80; unit <= 0xa0; unit++) unitKinds[unit] = SEPARATOR
for (let unit = 0x2000; unit <= 0x206f; unit++) unitKinds[unit] = SEPARATOR
for (const apostrophe of "'\u2018\u2019\u02bc\u0060\u00b4\u2032") {
  unitKinds[apostrophe.charCodeAt(0)] = APOSTROPHE
}
for (let unit = 0xd800; unit < 0xe000; unit++) unitKinds[unit] = SURROGATE

function unitKind(unit: number): number {
  const known = unitKinds[unit]
  if (known !== UNKNOWN) return known
  const kind = WORD_CHARACTER.test(String.fromCharCode(unit)) ? LETTER : SEPARATOR
  unitKinds[unit] = kind
  return kind
}

// Units a text may hold and still be indexed as it is: ASCII, no-break space, general punctuation.
function needsNormalising(unit: number): boolean {
  return unit > 0xa0 && (unit < 0x2000 || unit > 0x206f)
}

// A term is known by its length and two independent 32-bit hashes of its units (FNV-1a and a
// polynomial one): comparing those instead of the characters makes indexing a third faster, and two
// different words of at most 64 letters agreeing on all three is as good as impossible.
const HASH_SEED = 0x811c9dc5
const CHECK_SEED = 0x1b873593

function hashStep(hash: number, unit: number): number {
  return Math.imul(hash ^ unit, 0x01000193)
}

function checkStep(check: number, unit: number): number {
  return (Math.imul(check, 0x2f0b3a49) + unit) | 0
}

/** The term table's hash of a term. */
function hashOf(term: string): number {
  let hash = HASH_SEED
  for (let index = 0; index < term.length; index++) hash = hashStep(hash, term.charCodeAt(index))
  return hash
}

/** The term table's second hash of a term, checked where the first one matches. */
function checkOf(term: string): number {
  let check = CHECK_SEED
  for (let index = 0; index < term.length; index++) check = checkStep(check, term.charCodeAt(index))
  return check
}

/** The folded units `source.slice(start, end)` as a string of its own (a slice could keep `source` alive). */
function foldedCopy(source: string, start: number, end: number): string {
  const units: number[] = []
  for (let index = start; index < end; index++) {
    units.push(FOLDED_UNITS[source.charCodeAt(index)])
  }
  return String.fromCharCode(...units)
}

/**
 * The terms found in one text: term k is the folded `source.slice(starts[k], ends[k])`, or
 * `loose[-1 - starts[k]]`.
 */
class ScannedTerms {
  source = ''
  count = 0
  starts = new Int32Array(1024)
  ends = new Int32Array(1024)
  hashes = new Int32Array(1024)
  checks = new Int32Array(1024)
  loose: string[] = []

  reset(source: string): void {
    this.source = source
    this.count = 0
    this.loose.length = 0
  }

  push(start: number, end: number, hash: number, check: number): void {
    if (this.count === this.starts.length) {
      this.starts = grown(this.starts, this.count * 2)
      this.ends = grown(this.ends, this.count * 2)
      this.hashes = grown(this.hashes, this.count * 2)
      this.checks = grown(this.checks, this.count * 2)
    }
    this.starts[this.count] = start
    this.ends[this.count] = end
    this.hashes[this.count] = hash
    this.checks[this.count] = check
    this.count++
  }

  pushLoose(word: string): void {
    this.loose.push(word)
    this.push(-this.loose.length, word.length, hashOf(word), checkOf(word))
  }

  term(index: number): string {
    const start = this.starts[index]
    return start >= 0 ? foldedCopy(this.source, start, this.ends[index]) : this.loose[-1 - start]
  }
}

/**
 * Finds the terms of a text without cutting strings for the common case: folded words; a possessive
 * "’s" dropped ("Ukraine’s" is "ukraine"); inner apostrophes removed ("don't" is "dont") and, with
 * `withTails`, the part after one as well ("O’Brien" is "obrien" and "brien").
 */
function scanTerms(text: string, withTails: boolean, into: ScannedTerms): void {
  if (scanFolding(text, withTails, into, false)) return
  const normalised = foldText(text).replace(UNDECOMPOSED, (letter) => UNDECOMPOSED_FOLDS[letter])
  scanFolding(normalised, withTails, into, true)
}

// Scans folding ASCII capitals as it goes; text that needs Unicode normalisation is refused (false).
function scanFolding(
  text: string,
  withTails: boolean,
  into: ScannedTerms,
  normalised: boolean
): boolean {
  into.reset(text)
  const length = text.length
  let position = 0
  while (position < length) {
    const start = position
    let hash = HASH_SEED
    let check = CHECK_SEED
    let apostrophes = false
    while (position < length) {
      const unit = text.charCodeAt(position)
      if (!normalised && unit > 0x7f && needsNormalising(unit)) return false
      const kind = unitKind(unit)
      if (kind === LETTER) {
        const folded = FOLDED_UNITS[unit]
        hash = hashStep(hash, folded)
        check = checkStep(check, folded)
      } else if (kind === APOSTROPHE) apostrophes = true
      else if (kind === SURROGATE && isWordCodePoint(text, position)) {
        const low = text.charCodeAt(position + 1)
        hash = hashStep(hashStep(hash, unit), low)
        check = checkStep(checkStep(check, unit), low)
        position++
      } else break
      position++
    }
    if (position > start) {
      if (!apostrophes) into.push(start, position, hash, check)
      else {
        const token = text.slice(start, position).toLowerCase()
        for (const word of withoutApostrophes(token, withTails)) {
          if (word !== '') into.pushLoose(word)
        }
      }
    }
    position++
  }
  return true
}

function isWordCodePoint(text: string, position: number): boolean {
  const point = text.codePointAt(position) ?? 0
  return point > 0xffff && WORD_CHARACTER.test(String.fromCodePoint(point))
}

function withoutApostrophes(token: string, withTails: boolean): string[] {
  let word = token.replace(APOSTROPHES, "'").replace(EDGE_APOSTROPHES, '')
  if (word.endsWith("'s")) word = word.slice(0, -2)
  if (!word.includes("'")) return [word]
  const tail = word.slice(word.lastIndexOf("'") + 1)
  const joined = word.replaceAll("'", '')
  return withTails && tail.length >= 2 ? [joined, tail] : [joined]
}

/** The terms a text is indexed under, in order, as `scanTerms` finds them. */
export function indexTerms(text: string, withTails = true): string[] {
  const scanned = SCRATCH
  scanTerms(text, withTails, scanned)
  const terms = Array.from({ length: scanned.count }, (_, index) => scanned.term(index))
  // Let go of the text; the buffers stay for the next call (this runs synchronously, never nested).
  scanned.reset('')
  return terms
}

const SCRATCH = new ScannedTerms()

/** The search document of a clipping: its fields, its quotes' text and its speakers' names and aliases. */
export function clippingSearchDocument(
  clipping: Clipping,
  quotes: readonly Quote[],
  sourceOf: (id: string) => Source | undefined
): ClippingSearchDocument {
  const speakers = new Set<string>()
  for (const quote of quotes) {
    const speaker = quote.speakerId ? sourceOf(quote.speakerId) : undefined
    if (speaker) for (const name of [speaker.name, ...speaker.aliases]) speakers.add(name)
  }
  return {
    id: clipping.id,
    title: clipping.title,
    body: clipping.body,
    outlet: clipping.outlet ?? '',
    byline: clipping.byline ?? '',
    tags: clipping.tags.join(' '),
    quotes: quotes.map((quote) => quote.text).join('\n'),
    speakers: [...speakers].join('\n'),
    capturedAt: clipping.capturedAt
  }
}

/** Orders ISO timestamps newest first. */
export function compareNewestFirst(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0
}

interface Variant {
  term: number
  factor: number
}

function blockCapacity(block: number): number {
  return Math.min(FIRST_BLOCK << Math.min(block, 20), LARGEST_BLOCK)
}

function grown<T extends Uint8Array | Uint16Array | Uint32Array | Int32Array>(
  array: T,
  length: number
): T {
  if (array.length >= length) return array
  const next = new (array.constructor as new (length: number) => T)(
    Math.max(length, array.length * 2)
  )
  next.set(array)
  return next
}

/**
 * A compact inverted index: each term's posting list holds (slot, field mask) pairs in 32-bit words, in
 * the order documents were added. A changed document gets a new slot and its old one becomes a
 * tombstone; the owner rebuilds the index once tombstones pile up.
 */
class InvertedIndex {
  private readonly terms: string[] = []
  private readonly scanned = new ScannedTerms()
  /** Scratch for one query word; apart from `scanned`, which a sliced build may be using. */
  private readonly queryScan = new ScannedTerms()
  // Open addressing over term hashes (term id + 1, 0 for empty), so known words need no new string.
  private table = new Int32Array(4096)
  private termHash = new Int32Array(1024)
  private termCheck = new Int32Array(1024)
  private termLength = new Uint8Array(1024)
  // Term ids by the first two letters of the term, for prefix and typo matching without a sorted list.
  private readonly termsByStart = new Map<string, number[]>()
  private head = new Uint32Array(1024)
  private tail = new Uint32Array(1024)
  private tailFill = new Uint16Array(1024)
  private blocks = new Uint16Array(1024)
  private postingCount = new Uint32Array(1024)
  private documentMask = new Uint8Array(1024)
  private readonly pages: Uint32Array[] = [new Uint32Array(PAGE_SIZE)]
  private pageUsed = 1

  private readonly slotOf = new Map<string, number>()
  private ids: (string | undefined)[] = []
  private capturedAt: string[] = []
  private minute = new Uint32Array(1024)
  private postingsOfSlot = new Uint32Array(1024)
  // Slots oldest capture first: valid for the first `orderSorted` slots, sorted again when behind.
  private order = new Uint32Array(1024)
  private orderSorted = 0
  private slotCount = 0
  private livePostings = 0
  private deadPostingCount = 0
  private deadSlots = 0

  private mark = new Uint32Array(0)
  private best = new Float64Array(0)
  private total = new Float64Array(0)
  private generation = 0

  has(id: string): boolean {
    return this.slotOf.has(id)
  }

  /** Whether tombstones take enough room that rebuilding is worth it. */
  get wasteful(): boolean {
    return (
      this.deadPostingCount > this.livePostings / 4 + 100_000 ||
      this.deadSlots > this.slotOf.size + 10_000
    )
  }

  stats(): Omit<SearchIndexStats, 'buildMs' | 'longestSliceMs'> {
    const perTerm = this.head.length * (4 + 4 + 2 + 2 + 4 + 1 + 4 + 4 + 1) + this.table.length * 4
    const perSlot = this.minute.length * (4 + 4) + this.ids.length * 16
    return {
      documents: this.slotOf.size,
      terms: this.terms.length,
      postings: this.livePostings,
      deadPostings: this.deadPostingCount,
      bytes: this.pages.length * PAGE_SIZE * 4 + perTerm + perSlot
    }
  }

  /** Indexes a document under `document.id`, replacing its earlier form. */
  add(document: ClippingSearchDocument): void {
    this.remove(document.id)
    if (this.slotCount >= MAX_SLOTS) throw new Error('The search index is full.')
    const slot = this.slotCount++
    this.growSlots(this.slotCount)
    this.slotOf.set(document.id, slot)
    this.ids[slot] = document.id
    this.capturedAt[slot] = document.capturedAt
    const time = Date.parse(document.capturedAt)
    this.minute[slot] = Number.isNaN(time)
      ? 0
      : Math.min(LAST_MINUTE, Math.max(0, Math.floor(time / 60_000)))
    const newest = this.orderSorted > 0 ? this.order[this.orderSorted - 1] : -1
    if (this.orderSorted === slot && (newest < 0 || this.minute[newest] <= this.minute[slot])) {
      this.order = grown(this.order, slot + 1)
      this.order[slot] = slot
      this.orderSorted = slot + 1
    }

    const touched: number[] = []
    const scanned = this.scanned
    for (let field = 0; field < FIELDS.length; field++) {
      const bit = 1 << field
      scanTerms(document[FIELDS[field]], true, scanned)
      for (let index = 0; index < scanned.count; index++) {
        const start = scanned.starts[index]
        const length = start >= 0 ? scanned.ends[index] - start : scanned.ends[index]
        if (length > LONGEST_TERM) continue
        const term = this.termOf(scanned, index, true)
        const mask = this.documentMask[term]
        if (mask === 0) touched.push(term)
        this.documentMask[term] = mask | bit
      }
    }
    for (const term of touched) {
      this.append(term, (slot << FIELD_BITS) | this.documentMask[term])
      this.documentMask[term] = 0
    }
    this.postingsOfSlot[slot] = touched.length
    this.livePostings += touched.length
  }

  /** Turns a document's slot into a tombstone. */
  remove(id: string): void {
    const slot = this.slotOf.get(id)
    if (slot === undefined) return
    this.slotOf.delete(id)
    this.ids[slot] = undefined
    this.livePostings -= this.postingsOfSlot[slot]
    this.deadPostingCount += this.postingsOfSlot[slot]
    this.deadSlots++
  }

  /**
   * Documents holding every word (the last one also as a prefix; an unknown word within one or two
   * typos), best score first, newest first among equals.
   */
  search(words: string[]): SearchHit[] {
    const matches = words.map((word, position) =>
      this.variants(word, position === words.length - 1)
    )
    if (matches.some((variants) => variants.length === 0)) return []
    // Intersect from the shortest posting lists, so later words only test the survivors.
    const byCost = matches
      .map((variants) => ({
        variants,
        cost: variants.reduce((sum, variant) => sum + this.postingCount[variant.term], 0)
      }))
      .sort((a, b) => a.cost - b.cost)

    this.prepareScratch()
    let candidates: number[] = []
    for (const [index, { variants }] of byCost.entries()) {
      const previous = this.generation
      const current = this.nextGeneration()
      const first = index === 0
      const found: number[] = []
      for (const { term, factor } of variants) {
        let address = this.head[term]
        const blockCount = this.blocks[term]
        for (let block = 0; block < blockCount; block++) {
          const page = this.pages[address >>> PAGE_BITS]
          const offset = address & PAGE_MASK
          const filled = block === blockCount - 1 ? this.tailFill[term] : blockCapacity(block)
          for (let position = 1; position <= filled; position++) {
            const posting = page[offset + position]
            const slot = posting >>> FIELD_BITS
            if (this.ids[slot] === undefined) continue
            const stamp = this.mark[slot]
            const score = MASK_WEIGHTS[posting & FIELD_MASK] * factor
            if (stamp === current) {
              if (score > this.best[slot]) this.best[slot] = score
            } else if (first || stamp === previous) {
              this.mark[slot] = current
              this.best[slot] = score
              if (first) found.push(slot)
            }
          }
          address = page[offset]
        }
      }
      if (first) {
        candidates = found
        for (const slot of candidates) this.total[slot] = this.best[slot]
      } else {
        candidates = candidates.filter((slot) => this.mark[slot] === current)
        for (const slot of candidates) this.total[slot] += this.best[slot]
      }
      if (candidates.length === 0) return []
    }
    return this.ranked(candidates)
  }

  private ranked(slots: number[]): SearchHit[] {
    const scores = [...new Set(slots.map((slot) => this.total[slot]))].sort((a, b) => b - a)
    const hits: SearchHit[] = []
    if (slots.length * 8 > this.slotCount && scores.length <= 16) {
      // Many hits and few scores: a walk over every slot newest first per score beats sorting.
      const order = this.captureOrder()
      const found = this.generation
      for (const score of scores) {
        for (let index = order.length - 1; index >= 0; index--) {
          const slot = order[index]
          if (this.mark[slot] === found && this.total[slot] === score) {
            hits.push({ id: this.ids[slot] ?? '', score, capturedAt: this.capturedAt[slot] })
          }
        }
      }
      return hits
    }
    const byScore = new Map<number, number[]>(scores.map((score) => [score, []]))
    for (const slot of slots) byScore.get(this.total[slot])?.push(slot)
    for (const score of scores) {
      for (const slot of this.newestFirst(byScore.get(score) ?? [])) {
        hits.push({ id: this.ids[slot] ?? '', score, capturedAt: this.capturedAt[slot] })
      }
    }
    return hits
  }

  private newestFirst(slots: number[]): number[] {
    // Minute and slot packed into one double sort natively, far faster than a comparator.
    const keys = new Float64Array(slots.length)
    for (let index = 0; index < slots.length; index++) {
      keys[index] = this.minute[slots[index]] * SLOT_FACTOR + slots[index]
    }
    keys.sort()
    const sorted: number[] = []
    for (let index = keys.length - 1; index >= 0; index--) {
      const key = keys[index]
      sorted.push(key - Math.floor(key / SLOT_FACTOR) * SLOT_FACTOR)
    }
    return sorted
  }

  /** Every slot, oldest capture first; kept by appending while documents come in capture order. */
  private captureOrder(): Uint32Array {
    if (this.orderSorted < this.slotCount) {
      const all = Array.from({ length: this.slotCount }, (_, slot) => slot)
      this.order = Uint32Array.from(this.newestFirst(all).reverse())
      this.orderSorted = this.slotCount
    }
    return this.order.subarray(0, this.orderSorted)
  }

  private variants(word: string, last: boolean): Variant[] {
    const found: Variant[] = []
    const exact = this.termId(word)
    if (exact >= 0) found.push({ term: exact, factor: EXACT })
    if (last && word.length >= MIN_PREFIX) {
      for (const term of this.termsByStart.get(word.slice(0, 2)) ?? []) {
        if (term !== exact && this.terms[term].startsWith(word)) {
          found.push({ term, factor: PREFIX })
        }
      }
    }
    if (found.length > 0 || word.length < MIN_FUZZY) return found
    // Only a word the library does not contain is taken for a typo; its first letter is trusted.
    const allowed = word.length >= 8 ? 2 : 1
    for (const [start, terms] of this.termsByStart) {
      if (start[0] !== word[0]) continue
      for (const term of terms) {
        if (withinDistance(word, this.terms[term], allowed)) found.push({ term, factor: FUZZY })
      }
    }
    return found
  }

  /** The id of scanned term `index`; if the index does not hold it, a new id when `create`, else -1. */
  private termOf(scanned: ScannedTerms, index: number, create: boolean): number {
    const hash = scanned.hashes[index]
    const check = scanned.checks[index]
    const start = scanned.starts[index]
    const length = start >= 0 ? scanned.ends[index] - start : scanned.ends[index]
    const mask = this.table.length - 1
    let bucket = hash & mask
    for (;;) {
      const entry = this.table[bucket]
      if (entry === 0) break
      const term = entry - 1
      if (
        this.termHash[term] === hash &&
        this.termCheck[term] === check &&
        this.termLength[term] === length
      ) {
        return term
      }
      bucket = (bucket + 1) & mask
    }
    if (!create) return -1
    const term = this.newTerm(scanned.term(index), hash, check)
    this.table[bucket] = term + 1
    if (this.terms.length * 2 > this.table.length) this.growTable()
    return term
  }

  private termId(word: string): number {
    const scanned = this.queryScan
    scanned.reset('')
    scanned.pushLoose(word)
    return this.termOf(scanned, 0, false)
  }

  private growTable(): void {
    this.table = new Int32Array(this.table.length * 2)
    const mask = this.table.length - 1
    for (let term = 0; term < this.terms.length; term++) {
      let bucket = this.termHash[term] & mask
      while (this.table[bucket] !== 0) bucket = (bucket + 1) & mask
      this.table[bucket] = term + 1
    }
  }

  private newTerm(word: string, hash: number, check: number): number {
    const term = this.terms.length
    this.terms.push(word)
    const start = word.slice(0, 2)
    const sharing = this.termsByStart.get(start)
    if (sharing) sharing.push(term)
    else this.termsByStart.set(start, [term])
    if (term >= this.head.length) {
      const length = this.head.length * 2
      this.head = grown(this.head, length)
      this.tail = grown(this.tail, length)
      this.tailFill = grown(this.tailFill, length)
      this.blocks = grown(this.blocks, length)
      this.postingCount = grown(this.postingCount, length)
      this.documentMask = grown(this.documentMask, length)
      this.termHash = grown(this.termHash, length)
      this.termCheck = grown(this.termCheck, length)
      this.termLength = grown(this.termLength, length)
    }
    this.termHash[term] = hash
    this.termCheck[term] = check
    this.termLength[term] = word.length
    return term
  }

  private append(term: number, posting: number): void {
    const blockCount = this.blocks[term]
    if (blockCount === 0 || this.tailFill[term] === blockCapacity(blockCount - 1)) {
      const address = this.allocate(1 + blockCapacity(blockCount))
      if (blockCount === 0) this.head[term] = address
      else this.pages[this.tail[term] >>> PAGE_BITS][this.tail[term] & PAGE_MASK] = address
      this.tail[term] = address
      this.tailFill[term] = 0
      this.blocks[term] = blockCount + 1
    }
    const address = this.tail[term]
    const fill = this.tailFill[term] + 1
    this.pages[address >>> PAGE_BITS][(address & PAGE_MASK) + fill] = posting
    this.tailFill[term] = fill
    this.postingCount[term]++
  }

  private allocate(size: number): number {
    if (this.pageUsed + size > PAGE_SIZE) {
      this.pages.push(new Uint32Array(PAGE_SIZE))
      this.pageUsed = 0
    }
    const address = (this.pages.length - 1) * PAGE_SIZE + this.pageUsed
    this.pageUsed += size
    return address
  }

  private growSlots(length: number): void {
    this.minute = grown(this.minute, length)
    this.postingsOfSlot = grown(this.postingsOfSlot, length)
  }

  private prepareScratch(): void {
    if (this.mark.length >= this.slotCount) return
    const length = Math.max(1024, this.minute.length)
    this.mark = new Uint32Array(length)
    this.best = new Float64Array(length)
    this.total = new Float64Array(length)
    this.generation = 0
  }

  private nextGeneration(): number {
    if (this.generation >= 0xfffffff0) {
      this.mark.fill(0)
      this.generation = 0
    }
    return ++this.generation
  }
}

/** Whether `a` and `b` differ by at most `allowed` insertions, deletions or substitutions. */
export function withinDistance(a: string, b: string, allowed: number): boolean {
  if (Math.abs(a.length - b.length) > allowed) return false
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let row = 1; row <= a.length; row++) {
    const current = [row]
    let smallest = row
    for (let column = 1; column <= b.length; column++) {
      const cost = a[row - 1] === b[column - 1] ? 0 : 1
      const value = Math.min(
        previous[column] + 1,
        current[column - 1] + 1,
        previous[column - 1] + cost
      )
      current.push(value)
      if (value < smallest) smallest = value
    }
    if (smallest > allowed) return false
    previous = current
  }
  return previous[b.length] <= allowed
}

interface BuildTask {
  target: InvertedIndex
  ids: string[]
  position: number
  started: number
  longestSlice: number
  done: Promise<void>
}

/**
 * The in-memory full-text index over clippings. Built in short slices after the library opens, and
 * rebuilt the same way once edits have left too many tombstones; a search that comes before the first
 * build has finished completes it at once.
 */
export class ClippingSearchIndex {
  private current = new InvertedIndex()
  private task: BuildTask | undefined
  private built = false
  private stopped = false
  private lastBuild = { buildMs: 0, longestSliceMs: 0 }
  private readonly documentFor: (id: string) => ClippingSearchDocument | undefined
  private readonly allIds: () => Iterable<string>

  /** Creates an empty index that reads documents through `documentFor` and lists them with `allIds`. */
  constructor(
    documentFor: (id: string) => ClippingSearchDocument | undefined,
    allIds: () => Iterable<string>
  ) {
    this.documentFor = documentFor
    this.allIds = allIds
  }

  /** Starts indexing every document in slices of a few milliseconds, leaving the event loop free between. */
  startBuilding(): Promise<void> {
    if (this.built) return Promise.resolve()
    return (this.task ?? this.newTask(this.current)).done
  }

  /** Resolves once the build (or rebuild) in progress has finished. */
  whenReady(): Promise<void> {
    return this.task?.done ?? Promise.resolve()
  }

  /** Whether the first build has finished. */
  get ready(): boolean {
    return this.built
  }

  /** Stops a build in progress (the library is closing). */
  stop(): void {
    this.stopped = true
  }

  /** The index's size and how its last build went. */
  stats(): SearchIndexStats {
    return { ...this.current.stats(), ...this.lastBuild }
  }

  /** Indexes a clipping's current form, replacing any earlier one. */
  update(document: ClippingSearchDocument): void {
    this.current.add(document)
    if (this.task && this.task.target !== this.current) this.task.target.add(document)
    this.rebuildIfWasteful()
  }

  /** Removes a clipping from the index. */
  remove(id: string): void {
    this.current.remove(id)
    if (this.task && this.task.target !== this.current) this.task.target.remove(id)
    this.rebuildIfWasteful()
  }

  /** Clippings matching every word of the query (the last also as a prefix; typos in unknown words), best first, then newest. */
  search(query: string): SearchHit[] {
    const words = [...new Set(indexTerms(query, false))].filter(
      (word) => word.length <= LONGEST_TERM
    )
    if (words.length === 0) return []
    if (!this.built) {
      const task = this.task ?? this.newTask(this.current)
      this.advance(task, Infinity)
      this.finish(task)
    }
    return this.current.search(words)
  }

  private rebuildIfWasteful(): void {
    if (this.built && !this.task && !this.stopped && this.current.wasteful) {
      void this.newTask(new InvertedIndex()).done
    }
  }

  private newTask(target: InvertedIndex): BuildTask {
    const task: BuildTask = {
      target,
      // Oldest first, so that slot order is mostly capture order and ranking's sort finds runs.
      ids: [...this.allIds()].reverse(),
      position: 0,
      started: performance.now(),
      longestSlice: 0,
      done: Promise.resolve()
    }
    this.task = task
    task.done = this.runInSlices(task)
    return task
  }

  private async runInSlices(task: BuildTask): Promise<void> {
    while (this.task === task && !this.stopped) {
      const started = performance.now()
      this.advance(task, started + SLICE_MS)
      task.longestSlice = Math.max(task.longestSlice, performance.now() - started)
      if (task.position >= task.ids.length) {
        this.finish(task)
        return
      }
      await new Promise<void>((resolve) => setImmediate(resolve))
    }
  }

  private advance(task: BuildTask, deadline: number): void {
    while (task.position < task.ids.length) {
      const id = task.ids[task.position++]
      // A document changed since the build began is already indexed in its new form.
      if (!task.target.has(id)) {
        const document = this.documentFor(id)
        if (document) task.target.add(document)
      }
      if (performance.now() >= deadline) return
    }
  }

  private finish(task: BuildTask): void {
    if (this.task !== task) return
    this.task = undefined
    this.current = task.target
    this.built = true
    this.lastBuild = {
      buildMs: performance.now() - task.started,
      longestSliceMs: task.longestSlice
    }
  }
}
