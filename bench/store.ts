import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Clipping, Quote, Source } from '@shared/model'
import { api } from '@shared/api'
import { LibraryStore, hashBody } from '../src/main/store/library-store'
import { LIBRARY_SCHEMA_VERSION } from '../src/main/store/migrations'
import {
  ClippingSearchIndex,
  clippingSearchDocument,
  type ClippingSearchDocument
} from '../src/main/store/search-index'

const CLIPPINGS = 100_000
const MONTHS = 24
const WORDS_PER_BODY = 300
const VOCABULARY = 40_000
const SPEAKERS = 3_000

/** Builds a 100,000-clipping library on disk and prints how fast the store opens, searches and saves. */
export async function runStoreBench(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'clipdesk-bench-'))
  try {
    const random = seededRandom(7)
    const words = vocabulary(random)
    const generated = performance.now()
    const library = await writeLibrary(dir, words, random)
    console.log(
      `store: wrote ${format(CLIPPINGS)} clippings, ${format(library.quotes)} quotes directly as ` +
        `${MONTHS} clippings and ${MONTHS} quotes month files (${format(library.bytes / 1e6)} MB)  ${ms(performance.now() - generated)}`
    )

    collectGarbage()
    const memoryBefore = memoryInUse()
    let started = performance.now()
    const store = await LibraryStore.open(dir, {
      now: () => new Date(`${library.lastMonth}-28T12:00:00.000Z`)
    })
    console.log(
      `store: open ${format(CLIPPINGS)} clippings (load, validate, usable)  ${ms(performance.now() - started)}`
    )
    // The index builds in slices after open returns; what open has built so far is one slice.
    collectGarbage()
    const memoryOpen = memoryInUse()
    const watch = watchEventLoop()
    started = performance.now()
    await store.searchReady()
    const longestBlock = watch()
    const stats = store.searchIndexStats()
    console.log(
      `store: full-text index built in slices  ${ms(stats.buildMs)} ` +
        `(awaited ${ms(performance.now() - started)}; longest slice ${ms(stats.longestSliceMs)}, ` +
        `longest event-loop block seen ${ms(longestBlock)})`
    )
    console.log(
      `store: index holds ${format(stats.documents)} clippings, ${format(stats.terms)} terms, ` +
        `${format(stats.postings)} postings in ${format(stats.bytes / 1e6)} MB of tables`
    )
    collectGarbage()
    const memoryIndexed = memoryInUse()
    console.log(
      `store: heap + array buffers used after open ${format((memoryOpen - memoryBefore) / 1e6)} MB, ` +
        `after index ${format((memoryIndexed - memoryBefore) / 1e6)} MB: index ` +
        `${format((memoryIndexed - memoryOpen) / 1e6)} MB (total ${format(memoryIndexed / 1e6)} MB)`
    )

    const typed = words.find((word, rank) => rank > 2000 && word.length >= 7) ?? words[2000]
    const queries = [
      words[5],
      words[400],
      words[9000],
      `${words[120]} ${words[2500]}`,
      words[3000].slice(0, 4),
      typo(words),
      library.speakerName,
      ...[2, 3, 5].map((length) => typed.slice(0, length)),
      `${words[30]} ${words[700]} ${words[4000]}`,
      'qqqqqq'
    ]
    const latencies: number[] = []
    for (const query of queries) {
      const times: number[] = []
      let total = 0
      for (let run = 0; run < 5; run++) {
        started = performance.now()
        total = store.listClippings(api['clippings.list'].input.parse({ query })).total
        times.push(performance.now() - started)
      }
      latencies.push(median(times))
      console.log(`store: search "${query}" (${format(total)} hits)  median ${ms(median(times))}`)
    }
    console.log(`store: search median over ${queries.length} queries  ${ms(median(latencies))}`)

    const listTimes: number[] = []
    for (let run = 0; run < 5; run++) {
      started = performance.now()
      store.listClippings(api['clippings.list'].input.parse({}))
      listTimes.push(performance.now() - started)
    }
    console.log(`store: list newest 200 clippings  median ${ms(median(listTimes))}`)

    const saves: number[] = []
    let lastClipping: Clipping | undefined
    for (let run = 0; run < 5; run++) {
      started = performance.now()
      lastClipping = await store.createClipping(
        api['clippings.create'].input.parse({
          title: `Bench clipping ${run}`,
          outlet: 'Bench Times',
          byline: null,
          url: null,
          publishedAt: null,
          tags: ['bench'],
          note: '',
          body: sentence(words, random, WORDS_PER_BODY)
        })
      )
      saves.push(performance.now() - started)
    }
    const monthFile = join(dir, 'clippings', `${library.lastMonth}.json`)
    console.log(
      `store: save one new clipping into a ${format((await stat(monthFile)).size / 1e6)} MB month file  ` +
        `median ${ms(median(saves))}`
    )

    const quoteId = store.getClipping(library.quotedClippingId).quotes[0].id
    const updates: number[] = []
    for (let run = 0; run < 5; run++) {
      started = performance.now()
      await store.updateQuote(quoteId, { note: `checked ${run}` })
      updates.push(performance.now() - started)
    }
    const quotesFile = join(dir, 'quotes', `${library.lastMonth}.json`)
    console.log(
      `store: update one quote in a ${format((await stat(quotesFile)).size / 1e3)} kB quotes file  ` +
        `median ${ms(median(updates))}`
    )
    if (lastClipping) await store.deleteClipping(lastClipping.id)
    const documents: ClippingSearchDocument[] = []
    for (let offset = 0; offset < store.status().clippings; offset += 1000) {
      for (const item of store.listClippings(
        api['clippings.list'].input.parse({ limit: 1000, offset })
      ).items) {
        const detail = store.getClipping(item.id)
        const sources = new Map(detail.sources.map((source) => [source.id, source]))
        documents.push(
          clippingSearchDocument(detail.clipping, detail.quotes, (id) => sources.get(id))
        )
      }
    }
    timeIndexChanges(documents, words, random)
    await store.close()
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

// Times the index's own work on every change, on a second index over the same library.
function timeIndexChanges(
  documents: ClippingSearchDocument[],
  words: string[],
  random: () => number
): void {
  const byId = new Map(documents.map((document) => [document.id, document]))
  const index = new ClippingSearchIndex(
    (id) => byId.get(id),
    () => byId.keys()
  )
  let started = performance.now()
  index.search('warm')
  console.log(
    `index: built at once by a first search, ${format(documents.length)} clippings already in memory  ` +
      ms(performance.now() - started)
  )
  const updates: number[] = []
  const adds: number[] = []
  const removals: number[] = []
  for (const [run, document] of documents.slice(0, 20).entries()) {
    const changed = { ...document, title: `${document.title} ${words[run + 50]}` }
    started = performance.now()
    index.update(changed)
    updates.push(performance.now() - started)
    const added = {
      ...document,
      id: `bench-added-${run}`,
      body: sentence(words, random, WORDS_PER_BODY),
      capturedAt: new Date().toISOString()
    }
    byId.set(added.id, added)
    started = performance.now()
    index.update(added)
    adds.push(performance.now() - started)
    byId.delete(added.id)
    started = performance.now()
    index.remove(added.id)
    removals.push(performance.now() - started)
  }
  console.log(
    `index: on ${format(documents.length)} clippings, update one clipping median ${ms2(median(updates))}, ` +
      `add one median ${ms2(median(adds))}, remove one median ${ms2(median(removals))}`
  )
}

async function writeLibrary(
  dir: string,
  words: string[],
  random: () => number
): Promise<{
  quotes: number
  bytes: number
  lastMonth: string
  speakerName: string
  quotedClippingId: string
}> {
  const created = '2024-01-01T00:00:00.000Z'
  const sources: Source[] = Array.from({ length: SPEAKERS }, (_, index) => ({
    id: `source-${index}`,
    kind: 'person',
    name: `${capital(words[200 + index])} ${capital(words[5000 + index])}`,
    aliases: [],
    role: null,
    createdAt: created,
    updatedAt: created
  }))
  await mkdir(join(dir, 'clippings'), { recursive: true })
  await mkdir(join(dir, 'quotes'), { recursive: true })
  await writeFile(
    join(dir, 'meta.json'),
    JSON.stringify({ schemaVersion: LIBRARY_SCHEMA_VERSION, createdAt: created })
  )
  await writeFile(join(dir, 'sources.json'), JSON.stringify({ sources }))
  await writeFile(join(dir, 'briefings.json'), JSON.stringify({ briefings: [] }))
  let quoteCount = 0
  let bytes = 0
  let lastMonth = ''
  const perMonth = Math.ceil(CLIPPINGS / MONTHS)
  for (let month = 0; month < MONTHS; month++) {
    const key = `${2024 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`
    lastMonth = key
    const clippings: Clipping[] = []
    const quotes: Quote[] = []
    for (let n = 0; n < perMonth && month * perMonth + n < CLIPPINGS; n++) {
      const id = `clipping-${month * perMonth + n}`
      const capturedAt = `${key}-${String(1 + (n % 28)).padStart(2, '0')}T${String(n % 24).padStart(2, '0')}:00:00.000Z`
      const lead = sentence(words, random, 60)
      const spoken = [sentence(words, random, 18), sentence(words, random, 14)]
      const body =
        `${lead}\n\n“${spoken[0]},” said ${sources[n % SPEAKERS].name}.\n\n` +
        `${sentence(words, random, 100)}\n\n“${spoken[1]}.”\n\n${sentence(words, random, WORDS_PER_BODY - 192)}`
      clippings.push({
        id,
        title: sentence(words, random, 8),
        outlet: `Outlet ${n % 40}`,
        byline: null,
        url: `https://example.com/${id}`,
        publishedAt: capturedAt.slice(0, 10),
        capturedAt,
        body,
        boilerplate: [],
        tags: [`tag${n % 50}`],
        note: '',
        contentHash: hashBody(body)
      })
      for (const [index, text] of spoken.entries()) {
        const start = body.indexOf(text)
        quotes.push({
          id: `${id}-q${index}`,
          clippingId: id,
          start,
          end: start + text.length,
          text,
          speakerId: sources[(n + index * 7) % SPEAKERS].id,
          venue: null,
          kind: 'direct',
          status: 'confirmed',
          confidence: null,
          tags: [],
          note: '',
          createdAt: capturedAt,
          updatedAt: capturedAt
        })
      }
    }
    quoteCount += quotes.length
    const clippingsText = JSON.stringify({ clippings })
    const quotesText = JSON.stringify({ quotes })
    bytes += clippingsText.length + quotesText.length
    await writeFile(join(dir, 'clippings', `${key}.json`), clippingsText)
    await writeFile(join(dir, 'quotes', `${key}.json`), quotesText)
  }
  return {
    quotes: quoteCount,
    bytes,
    lastMonth,
    speakerName: sources[17].name,
    quotedClippingId: `clipping-${(MONTHS - 1) * perMonth}`
  }
}

// Words drawn by a Zipf law over made-up words, so the index sees common and rare terms as in prose.
function vocabulary(random: () => number): string[] {
  const consonants = 'bcdfghjklmnprstvwz'
  const vowels = 'aeiou'
  const seen = new Set<string>()
  while (seen.size < VOCABULARY) {
    let word = ''
    const syllables = 1 + Math.floor(random() * 4)
    for (let s = 0; s < syllables; s++) {
      word += consonants[Math.floor(random() * consonants.length)]
      word += vowels[Math.floor(random() * vowels.length)]
      if (random() < 0.3) word += consonants[Math.floor(random() * consonants.length)]
    }
    seen.add(word)
  }
  return [...seen]
}

function sentence(words: string[], random: () => number, count: number): string {
  const out: string[] = []
  for (let index = 0; index < count; index++) {
    out.push(words[Math.min(words.length - 1, Math.floor(Math.pow(words.length, random())) - 1)])
  }
  return capital(out.join(' '))
}

// One wrong letter at the end of a word long enough for typo tolerance.
function typo(words: string[]): string {
  const word = words.find((candidate, rank) => rank > 1500 && candidate.length >= 6) ?? words[1500]
  return `${word.slice(0, -1)}${word.endsWith('a') ? 'e' : 'a'}`
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

// mulberry32: a small seeded generator, so every run builds the same library.
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let mixed = Math.imul(state ^ (state >>> 15), state | 1)
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61)
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

// The index keeps its posting lists in typed arrays, whose memory V8 counts outside the heap.
function memoryInUse(): number {
  const usage = process.memoryUsage()
  return usage.heapUsed + usage.arrayBuffers
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc
  if (gc) gc()
}

function format(value: number): string {
  return Math.round(value).toLocaleString('en-GB')
}

function ms(value: number): string {
  return `${format(value)} ms`
}

function ms2(value: number): string {
  return `${value.toFixed(2)} ms`
}

// Records the longest time between two turns of the event loop until the returned function is called.
function watchEventLoop(): () => number {
  let longest = 0
  let last = performance.now()
  let watching = true
  const tick = (): void => {
    const now = performance.now()
    longest = Math.max(longest, now - last)
    last = now
    if (watching) setImmediate(tick)
  }
  setImmediate(tick)
  return () => {
    watching = false
    return longest
  }
}
