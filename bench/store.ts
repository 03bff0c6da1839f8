import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Clipping, Quote, Source } from '@shared/model'
import { api } from '@shared/api'
import { LibraryStore, hashBody } from '../src/main/store/library-store'

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
        `${MONTHS} month files (${format(library.bytes / 1e6)} MB)  ${ms(performance.now() - generated)}`
    )

    collectGarbage()
    const heapBefore = process.memoryUsage().heapUsed
    let started = performance.now()
    const store = await LibraryStore.open(dir, {
      now: () => new Date(`${library.lastMonth}-28T12:00:00.000Z`)
    })
    console.log(
      `store: open ${format(CLIPPINGS)} clippings (load, validate, usable)  ${ms(performance.now() - started)}`
    )
    started = performance.now()
    await store.searchReady()
    console.log(
      `store: full-text index built in the background  ${ms(performance.now() - started)}`
    )
    collectGarbage()
    console.log(
      `store: heap used after open and index  ${format((process.memoryUsage().heapUsed - heapBefore) / 1e6)} MB ` +
        `(total ${format(process.memoryUsage().heapUsed / 1e6)} MB)`
    )

    const queries = [
      words[5],
      words[400],
      words[9000],
      `${words[120]} ${words[2500]}`,
      words[3000].slice(0, 4),
      typo(words),
      library.speakerName
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
    console.log(`store: update one quote  median ${ms(median(updates))}`)
    if (lastClipping) await store.deleteClipping(lastClipping.id)
    await store.close()
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
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
  await writeFile(join(dir, 'meta.json'), JSON.stringify({ schemaVersion: 1, createdAt: created }))
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
    const text = JSON.stringify({ clippings, quotes })
    bytes += text.length
    await writeFile(join(dir, 'clippings', `${key}.json`), text)
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
