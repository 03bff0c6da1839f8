import { readFileSync } from 'node:fs'
import * as fsp from 'node:fs/promises'
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ApiError, api, type LibraryChange } from '@shared/api'
import type { DurableFileSystem } from './durable-file'
import { LibraryStore, hashBody } from './library-store'
import { libraryMigrations, type Migration } from './migrations'

const BODY =
  'The minister arrived late. "We will build the bridge by spring," said Ana Ruiz.\n\n' +
  'Critics were unconvinced. "It is a fantasy," said Tom Okafor, of the Harbour Trust.'

let dir: string
let open: LibraryStore[] = []
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clipdesk-store-'))
  open = []
})
afterEach(async () => {
  for (const store of open) await store.close()
  await rm(dir, { recursive: true, force: true })
})

async function openStore(options: Parameters<typeof LibraryStore.open>[1] = {}) {
  const store = await LibraryStore.open(dir, {
    now: () => new Date('2026-02-10T09:00:00.000Z'),
    ...options
  })
  open.push(store)
  return store
}

async function closeStore(store: LibraryStore) {
  await store.close()
  open = open.filter((item) => item !== store)
}

function createClipping(store: LibraryStore, input: Record<string, unknown> = {}) {
  return store.createClipping(
    api['clippings.create'].input.parse({
      title: 'Bridge plan',
      outlet: 'Harbour Gazette',
      byline: 'Jo Bloggs',
      url: 'https://example.com/bridge',
      publishedAt: '2026-02-09',
      tags: ['Transport'],
      note: '',
      body: BODY,
      ...input
    })
  )
}

function quoteInput(clippingId: string, phrase: string, extra: Record<string, unknown> = {}) {
  const start = BODY.indexOf(phrase)
  return api['quotes.create'].input.parse({
    clippingId,
    start,
    end: start + phrase.length,
    ...extra
  })
}

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8'))
}

async function seed(store: LibraryStore) {
  const ana = await store.createSource({
    kind: 'person',
    name: 'Ana Ruiz',
    role: 'Minister',
    aliases: []
  })
  const tom = await store.createSource({
    kind: 'person',
    name: 'Tom Okafor',
    role: null,
    aliases: []
  })
  const clipping = await createClipping(store)
  const bridge = await store.createQuote(
    quoteInput(clipping.id, 'We will build the bridge by spring,', {
      speakerId: ana.id,
      tags: ['promise']
    })
  )
  const fantasy = await store.createQuote(
    quoteInput(clipping.id, 'It is a fantasy,', { speakerId: tom.id })
  )
  return { ana, tom, clipping, bridge, fantasy }
}

/** A clipping as a version 1 library stored it, inside its month file. */
function v1Clipping(id: string, capturedAt: string, body: string) {
  return {
    id,
    title: `Story ${id}`,
    outlet: 'Harbour Gazette',
    byline: null,
    url: null,
    publishedAt: capturedAt.slice(0, 10),
    capturedAt,
    body,
    boilerplate: [],
    tags: ['Transport'],
    note: '',
    contentHash: hashBody(body)
  }
}

/** A quote as a version 1 library stored it, beside its clipping. */
function v1Quote(
  speakerId: string | null,
  id: string,
  clippingId: string,
  body: string,
  phrase: string
) {
  return {
    id,
    clippingId,
    start: body.indexOf(phrase),
    end: body.indexOf(phrase) + phrase.length,
    text: phrase,
    speakerId,
    venue: null,
    kind: 'direct',
    status: 'suggested',
    confidence: null,
    tags: ['promise'],
    note: 'from v1',
    createdAt: '2026-01-05T10:00:00.000Z',
    updatedAt: '2026-01-05T10:00:00.000Z'
  }
}

describe('LibraryStore', () => {
  it('keeps clippings, quotes, sources and briefings across close and reopen', async () => {
    const store = await openStore()
    const { ana, clipping, bridge, fantasy } = await seed(store)
    const briefing = await store.createBriefing({
      title: 'Morning',
      date: '2026-02-10',
      author: 'Jo'
    })
    await store.updateBriefing(briefing.id, {
      sections: [
        {
          id: briefing.sections[0].id,
          heading: 'Bridge',
          items: [{ id: 'item-1', kind: 'quote', refId: bridge.id, text: '', comment: 'Key line' }]
        }
      ]
    })
    const before = {
      clipping: store.getClipping(clipping.id),
      sources: store.listSources(),
      briefings: store.listBriefings(),
      tags: store.listTags()
    }
    await closeStore(store)

    const reopened = await openStore()
    expect(reopened.getClipping(clipping.id)).toEqual(before.clipping)
    expect(reopened.getClipping(clipping.id).quotes.map((quote) => quote.id)).toEqual([
      bridge.id,
      fantasy.id
    ])
    expect(reopened.listSources()).toEqual(before.sources)
    expect(reopened.listBriefings()).toEqual(before.briefings)
    expect(reopened.listBriefings()[0].sections[0].items[0].comment).toBe('Key line')
    expect(reopened.listTags()).toEqual(before.tags)
    expect(reopened.getSource(ana.id).quotes.map((quote) => quote.text)).toEqual([
      'We will build the bridge by spring,'
    ])
    expect(reopened.status()).toMatchObject({ clippings: 1, quotes: 2, sources: 2, briefings: 1 })
    expect(reopened.notices).toEqual([])
    expect(await readJson(join(dir, 'meta.json'))).toEqual({
      schemaVersion: 2,
      createdAt: '2026-02-10T09:00:00.000Z'
    })
    for (const folder of ['clippings', 'quotes']) {
      expect((await readdir(join(dir, folder))).filter((name) => name.endsWith('.json'))).toEqual([
        '2026-02.json'
      ])
    }
    expect(await readJson(join(dir, 'clippings', '2026-02.json'))).toEqual({
      clippings: [before.clipping.clipping]
    })
    expect(await readJson(join(dir, 'quotes', '2026-02.json'))).toEqual({
      quotes: before.clipping.quotes
    })
  })

  it('has a saved change on disk as soon as its promise resolves', async () => {
    const store = await openStore()
    const clipping = await createClipping(store)
    const onDisk = (await readJson(join(dir, 'clippings', '2026-02.json'))) as {
      clippings: { id: string; body: string; contentHash: string }[]
    }
    expect(onDisk.clippings.map((item) => item.id)).toEqual([clipping.id])
    expect(onDisk.clippings[0].body).toBe(BODY)
    expect(onDisk.clippings[0].contentHash).toBe(hashBody(BODY))

    const source = await store.createSource({
      kind: 'person',
      name: 'Ana Ruiz',
      role: null,
      aliases: []
    })
    expect(await readJson(join(dir, 'sources.json'))).toEqual({ sources: [source] })

    const clippingsBefore = await readFile(join(dir, 'clippings', '2026-02.json'), 'utf8')
    const quote = await store.createQuote(quoteInput(clipping.id, 'It is a fantasy,'))
    const edited = await store.updateQuote(quote.id, { status: 'confirmed', note: 'checked' })
    expect(await readJson(join(dir, 'quotes', '2026-02.json'))).toEqual({ quotes: [edited] })
    expect(edited).toMatchObject({ status: 'confirmed', note: 'checked' })
    // A quote edit leaves the month's clippings file, with its article bodies, untouched.
    expect(await readFile(join(dir, 'clippings', '2026-02.json'), 'utf8')).toBe(clippingsBefore)
  })

  it('announces a change only after it is on disk', async () => {
    const store = await openStore()
    const seen: { change: LibraryChange; onDisk: string }[] = []
    store.onChange((change) => {
      seen.push({ change, onDisk: readFileSync(join(dir, 'clippings', '2026-02.json'), 'utf8') })
    })
    const clipping = await createClipping(store)
    expect(seen.map((item) => item.change)).toEqual([{ kind: 'clippings', ids: [clipping.id] }])
    expect(seen[0].onDisk).toContain(clipping.id)
  })

  it('quarantines a garbage and a truncated month file and loads their last good generation', async () => {
    const store = await openStore({ now: () => new Date('2026-01-15T08:00:00.000Z') })
    const january = await createClipping(store, { title: 'January' })
    await store.updateClipping(january.id, { note: 'second save' })
    const store2Clock = { value: new Date('2026-02-15T08:00:00.000Z') }
    await closeStore(store)
    const febStore = await openStore({ now: () => store2Clock.value })
    const february = await createClipping(febStore, { title: 'February', body: `${BODY} More.` })
    await febStore.updateClipping(february.id, { note: 'second save' })
    await closeStore(febStore)

    const janFile = join(dir, 'clippings', '2026-01.json')
    const febFile = join(dir, 'clippings', '2026-02.json')
    const garbage = Buffer.from([0x00, 0xff, 0x13, 0x37, 0x42])
    await writeFile(janFile, garbage)
    const truncated = (await readFile(febFile, 'utf8')).slice(0, 120)
    await writeFile(febFile, truncated)

    const reopened = await openStore()
    expect(reopened.getClippingRecord(january.id)).toMatchObject({ title: 'January', note: '' })
    expect(reopened.getClippingRecord(february.id)).toMatchObject({ title: 'February', note: '' })
    const quarantine = await readdir(join(dir, 'quarantine'))
    expect(quarantine.sort()).toEqual([
      'clippings_2026-01.json.2026-02-10T09-00-00-000Z.corrupt',
      'clippings_2026-02.json.2026-02-10T09-00-00-000Z.corrupt'
    ])
    expect(await readFile(join(dir, 'quarantine', quarantine[0]))).toEqual(garbage)
    expect(await readFile(join(dir, 'quarantine', quarantine[1]), 'utf8')).toBe(truncated)
    expect(reopened.notices).toHaveLength(2)
    for (const notice of reopened.notices) {
      expect(notice.level).toBe('warning')
      expect(notice.message).toMatch(/clippings\/2026-0[12]\.json was damaged/)
      expect(notice.message).toContain('backup 1 of 3')
    }
    expect(reopened.status().notices).toHaveLength(2)
    expect(reopened.dismissNotices()).toEqual({ ok: true })
    expect(reopened.notices).toEqual([])
  })

  it('quarantines a damaged quotes file and loads its last good generation', async () => {
    const store = await openStore()
    const { clipping, bridge, fantasy } = await seed(store)
    await store.updateQuote(bridge.id, { note: 'latest' })
    await closeStore(store)

    const quotesFile = join(dir, 'quotes', '2026-02.json')
    await writeFile(quotesFile, '{"quotes": [')
    const reopened = await openStore()
    expect(reopened.getClipping(clipping.id).quotes.map((quote) => [quote.id, quote.note])).toEqual(
      [
        [bridge.id, ''],
        [fantasy.id, '']
      ]
    )
    expect(await readdir(join(dir, 'quarantine'))).toEqual([
      'quotes_2026-02.json.2026-02-10T09-00-00-000Z.corrupt'
    ])
    expect(reopened.notices).toEqual([
      {
        level: 'warning',
        message: expect.stringMatching(/^quotes\/2026-02\.json was damaged .*backup 1 of 3/)
      }
    ])
    expect(await readJson(quotesFile)).toEqual({
      quotes: reopened.getClipping(clipping.id).quotes
    })
  })

  it('keeps quotes whose clipping is missing in the file, hidden, with a warning', async () => {
    const store = await openStore()
    const { clipping, bridge } = await seed(store)
    await closeStore(store)
    const quotesFile = join(dir, 'quotes', '2026-02.json')
    const stored = (await readJson(quotesFile)) as { quotes: Record<string, unknown>[] }
    const orphan = { ...stored.quotes[0], id: 'orphan-quote', clippingId: 'gone-clipping' }
    await writeFile(quotesFile, JSON.stringify({ quotes: [...stored.quotes, orphan] }))

    const reopened = await openStore()
    expect(reopened.status().quotes).toBe(2)
    expect(reopened.getQuoteRecord('orphan-quote')).toBeUndefined()
    expect(reopened.notices).toEqual([
      {
        level: 'warning',
        message: expect.stringContaining('1 quote does not match the text of their clipping')
      }
    ])
    await reopened.updateQuote(bridge.id, { note: 'edited' })
    const after = (await readJson(quotesFile)) as { quotes: { id: string }[] }
    expect(after.quotes.map((quote) => quote.id)).toContain('orphan-quote')
    expect(reopened.getClipping(clipping.id).quotes).toHaveLength(2)
  })

  it('changes nothing when a delete cannot be written: the clipping and its quotes stay', async () => {
    const store = await openStore()
    const { clipping, bridge, fantasy } = await seed(store)
    await closeStore(store)
    const failing: DurableFileSystem = {
      ...fsp,
      open: async (path, flags, mode) => {
        if (flags === 'wx' && String(path).includes(join(dir, 'clippings'))) {
          throw Object.assign(new Error('no space'), { code: 'ENOSPC' })
        }
        return fsp.open(path, flags, mode)
      }
    }
    const broken = await openStore({ fs: failing })
    await expect(broken.deleteClipping(clipping.id)).rejects.toMatchObject({ code: 'STORAGE' })
    await closeStore(broken)

    const reopened = await openStore()
    expect(
      reopened
        .getClipping(clipping.id)
        .quotes.map((q) => q.id)
        .sort()
    ).toEqual([bridge.id, fantasy.id].sort())
    expect(reopened.notices).toEqual([])
  })

  it('refuses a write the disk rejects with STORAGE and keeps the old file and the old data', async () => {
    const store = await openStore()
    const clipping = await createClipping(store)
    await closeStore(store)
    const failing: DurableFileSystem = {
      ...fsp,
      open: async (path, flags) => {
        if (flags === 'wx') throw Object.assign(new Error('no space'), { code: 'ENOSPC' })
        return fsp.open(path, flags)
      }
    }
    const broken = await openStore({ fs: failing })
    const before = await readFile(join(dir, 'clippings', '2026-02.json'), 'utf8')
    const failure = broken.updateClipping(clipping.id, { title: 'Changed' })
    await expect(failure).rejects.toBeInstanceOf(ApiError)
    await expect(failure).rejects.toMatchObject({ code: 'STORAGE' })
    expect(await readFile(join(dir, 'clippings', '2026-02.json'), 'utf8')).toBe(before)
    expect(broken.getClippingRecord(clipping.id)?.title).toBe('Bridge plan')
    expect(
      broken.listClippings(api['clippings.list'].input.parse({ query: 'changed' })).total
    ).toBe(0)
    await expect(broken.deleteClipping(clipping.id)).rejects.toMatchObject({ code: 'STORAGE' })
    expect(broken.getClippingRecord(clipping.id)).toBeDefined()
  })

  it('keeps every quote equal to its span of the body, and rejects spans outside it', async () => {
    const store = await openStore()
    const { clipping, bridge } = await seed(store)
    expect(bridge.text).toBe(clipping.body.slice(bridge.start, bridge.end))

    const moved = await store.updateQuote(bridge.id, {
      start: bridge.start + 1,
      end: bridge.end - 1
    })
    expect(moved.text).toBe('e will build the bridge by spring')
    expect(moved.text).toBe(clipping.body.slice(moved.start, moved.end))

    const outside = { ...quoteInput(clipping.id, 'Critics'), end: BODY.length + 5 }
    await expect(store.createQuote(outside)).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    const empty = { ...quoteInput(clipping.id, 'Critics'), end: BODY.indexOf('Critics') }
    await expect(store.createQuote(empty)).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(store.updateQuote(bridge.id, { end: 99999 })).rejects.toMatchObject({
      code: 'INVALID_INPUT'
    })
    expect(store.getQuoteRecord(bridge.id)?.text).toBe('e will build the bridge by spring')
  })

  it('never changes a clipping body on update', async () => {
    const store = await openStore()
    const clipping = await createClipping(store)
    const patch = { title: 'New title', body: 'rewritten' } as unknown as Parameters<
      LibraryStore['updateClipping']
    >[1]
    const updated = await store.updateClipping(clipping.id, patch)
    expect(updated.title).toBe('New title')
    expect(updated.body).toBe(BODY)
  })

  it('refuses the same article twice, naming the clipping already saved', async () => {
    const store = await openStore()
    await createClipping(store, { title: 'Bridge plan' })
    await expect(createClipping(store, { title: 'Copy' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('“Bridge plan”')
    })
  })

  it('merges sources: quotes move, names become aliases, merged sources disappear', async () => {
    const store = await openStore()
    const { ana, tom, bridge, fantasy } = await seed(store)
    const minister = await store.createSource({
      kind: 'person',
      name: 'Minister Ruiz',
      role: null,
      aliases: ['A. Ruiz']
    })
    await store.updateQuote(fantasy.id, { speakerId: minister.id })

    const merged = await store.mergeSources(ana.id, [minister.id])
    expect(merged.aliases).toEqual(['Minister Ruiz', 'A. Ruiz'])
    expect(store.getSourceRecord(minister.id)).toBeUndefined()
    expect(store.getQuoteRecord(fantasy.id)?.speakerId).toBe(ana.id)
    expect(
      store
        .getSource(ana.id)
        .quotes.map((quote) => quote.id)
        .sort()
    ).toEqual([bridge.id, fantasy.id].sort())
    expect(store.listSources().map((source) => [source.name, source.quoteCount])).toEqual([
      ['Ana Ruiz', 2],
      ['Tom Okafor', 0]
    ])
    await expect(store.mergeSources(ana.id, [ana.id])).rejects.toMatchObject({
      code: 'INVALID_INPUT'
    })

    await closeStore(store)
    const reopened = await openStore()
    expect(reopened.getQuoteRecord(fantasy.id)?.speakerId).toBe(ana.id)
    expect(reopened.getSourceRecord(tom.id)).toBeDefined()
    expect(reopened.getSourceRecord(minister.id)).toBeUndefined()
  })

  it('keeps the old name as an alias on rename, and refuses to delete a source with quotes', async () => {
    const store = await openStore()
    const { ana, tom } = await seed(store)
    const renamed = await store.updateSource(ana.id, { name: 'Ana Ruiz Vega' })
    expect(renamed.aliases).toEqual(['Ana Ruiz'])
    expect(store.findSourceByName('ana ruiz')?.id).toBe(ana.id)
    await expect(store.deleteSource(tom.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('Tom Okafor is the speaker of 1 quote')
    })
    const lonely = await store.createSource({
      kind: 'organisation',
      name: 'Harbour Trust',
      role: null,
      aliases: []
    })
    expect(await store.deleteSource(lonely.id)).toEqual({ ok: true })
    expect(store.getSourceRecord(lonely.id)).toBeUndefined()
  })

  it('restores a deleted clipping with its quotes, and a deleted quote and briefing', async () => {
    const store = await openStore()
    const { clipping, bridge, fantasy } = await seed(store)
    const deleted = await store.deleteClipping(clipping.id)
    expect(deleted.quotes.map((quote) => quote.id)).toEqual([bridge.id, fantasy.id])
    expect(store.getClippingRecord(clipping.id)).toBeUndefined()
    expect(store.getQuoteRecord(bridge.id)).toBeUndefined()
    expect(() => store.getClipping(clipping.id)).toThrow(ApiError)

    await store.restoreClipping(deleted.clipping, deleted.quotes)
    expect(store.getClipping(clipping.id).quotes).toEqual(deleted.quotes)
    await expect(store.restoreClipping(deleted.clipping, [])).rejects.toMatchObject({
      code: 'CONFLICT'
    })

    const removed = await store.deleteQuote(fantasy.id)
    expect(store.getClipping(clipping.id).quotes.map((quote) => quote.id)).toEqual([bridge.id])
    await store.restoreQuote(removed)
    expect(store.getQuoteRecord(fantasy.id)).toEqual(removed)

    const briefing = await store.createBriefing({ title: 'Brief', date: '2026-02-10', author: '' })
    expect(briefing.sections).toHaveLength(1)
    expect(briefing.sections[0].items).toEqual([])
    await store.deleteBriefing(briefing.id)
    expect(store.listBriefings()).toEqual([])
    await store.restoreBriefing(briefing)
    expect(store.getBriefing(briefing.id)).toEqual(briefing)

    await closeStore(store)
    const reopened = await openStore()
    expect(reopened.getClipping(clipping.id).quotes.map((quote) => quote.id)).toEqual([
      bridge.id,
      fantasy.id
    ])
  })

  it('refuses a second store on the same library while the first is open', async () => {
    const store = await openStore()
    await expect(LibraryStore.open(dir)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining(`(process ${process.pid})`)
    })
    await closeStore(store)
    const again = await openStore()
    expect(again.status().clippings).toBe(0)
  })

  it('finds clippings by title, body, quote and speaker, with prefixes and a typo', async () => {
    const store = await openStore()
    const { clipping } = await seed(store)
    const other = await createClipping(store, {
      title: 'Council budget',
      outlet: 'Daily Ledger',
      tags: ['Money'],
      body: 'The council approved the budget after a long night of debate.'
    })
    await store.searchReady()
    const find = (query: string) =>
      store.listClippings(api['clippings.list'].input.parse({ query })).items.map((item) => item.id)
    expect(find('bridge plan')).toEqual([clipping.id])
    expect(find('unconvinced')).toEqual([clipping.id])
    expect(find('fantasy')).toEqual([clipping.id])
    expect(find('okafor')).toEqual([clipping.id])
    expect(find('counc')).toEqual([other.id])
    expect(find('budgat')).toEqual([other.id])
    expect(find('ledger')).toEqual([other.id])
    expect(find('submarine')).toEqual([])
    // Renaming a speaker re-indexes the clippings that quote them.
    await store.updateSource(store.findSourceByName('Tom Okafor')?.id ?? '', {
      name: 'Tomasz Okafor'
    })
    expect(find('tomasz')).toEqual([clipping.id])
  })

  it('shows the passage a search matched when the opening does not show it', async () => {
    const store = await openStore()
    const lead = 'The harbour board met on Tuesday to discuss the budget for the coming year. '
    await createClipping(store, {
      title: 'Harbour board meets',
      body: `${lead.repeat(6)}\n\nLate in the evening the chair raised the dredging contract, which had doubled in price since the spring.`
    })
    await store.searchReady()
    const excerpt = (query: string) =>
      store.listClippings(api['clippings.list'].input.parse({ query })).items[0]?.excerpt
    expect(excerpt('dredging')).toBe(
      '…Late in the evening the chair raised the dredging contract, which had doubled in price since the spring.'
    )
    expect(excerpt('harbour')).toMatch(/^The harbour board met on Tuesday/)
    const same = await createClipping(store, {
      title: 'Ferry fares',
      body: `${'Fares on the island ferry rise again in April for the third year in a row. '.repeat(5)}The operator blamed the cost of marine diesel.`
    })
    await store.searchReady()
    expect(
      store
        .listClippings(api['clippings.list'].input.parse({ query: 'diesel' }))
        .items.find((item) => item.id === same.id)?.excerpt
    ).toBe('…The operator blamed the cost of marine diesel.')
  })

  it('lists clippings newest first and filters by tag case-insensitively and by speaker', async () => {
    let clock = new Date('2026-01-05T10:00:00.000Z')
    const store = await openStore({ now: () => clock })
    const { clipping, ana } = await seed(store)
    clock = new Date('2026-02-01T10:00:00.000Z')
    const newer = await createClipping(store, {
      body: 'Another story.',
      tags: ['transport', 'Rail']
    })
    const list = (input: Record<string, unknown>) =>
      store.listClippings(api['clippings.list'].input.parse(input))
    expect(list({}).items.map((item) => item.id)).toEqual([newer.id, clipping.id])
    expect(list({ tag: 'TRANSPORT' }).total).toBe(2)
    expect(list({ tag: 'rail' }).items.map((item) => item.id)).toEqual([newer.id])
    expect(list({ sourceId: ana.id }).items.map((item) => item.id)).toEqual([clipping.id])
    expect(list({ limit: 1, offset: 1 })).toMatchObject({ total: 2, items: [{ id: clipping.id }] })
    expect(list({}).items[1]).toMatchObject({
      quoteCount: 2,
      excerpt: expect.stringContaining('minister')
    })
    expect(list({}).items[1]).not.toHaveProperty('body')

    const quotes = store.searchQuotes(api['quotes.search'].input.parse({ tag: 'PROMISE' }))
    expect(quotes.items.map((quote) => quote.text)).toEqual(['We will build the bridge by spring,'])
    const bySpeaker = store.searchQuotes(api['quotes.search'].input.parse({ query: 'okafor' }))
    expect(bySpeaker.items.map((quote) => quote.speaker?.name)).toEqual(['Tom Okafor'])
  })

  it('runs migrations forward after backing up the files, and refuses a newer library', async () => {
    await writeFile(
      join(dir, 'meta.json'),
      JSON.stringify({ schemaVersion: 0, createdAt: '2025-01-01' })
    )
    await writeFile(join(dir, 'sources.json'), JSON.stringify({ people: [] }))
    const toV1: Migration = {
      from: 0,
      to: 1,
      description: 'people became sources',
      async migrate(dataDir) {
        const old = JSON.parse(await readFile(join(dataDir, 'sources.json'), 'utf8'))
        await writeFile(join(dataDir, 'sources.json'), JSON.stringify({ sources: old.people }))
      }
    }
    const store = await openStore({ migrations: [toV1, ...libraryMigrations] })
    expect(await readJson(join(dir, 'meta.json'))).toEqual({
      schemaVersion: 2,
      createdAt: '2025-01-01'
    })
    expect(await readJson(join(dir, 'sources.json'))).toEqual({ sources: [] })
    const [backup] = await readdir(join(dir, 'backups'))
    expect(await readJson(join(dir, 'backups', backup, 'sources.json'))).toEqual({ people: [] })
    expect(store.notices).toEqual([
      {
        level: 'info',
        message: expect.stringContaining(
          'upgraded from schema version 0 to 2 (people became sources; quotes moved'
        )
      }
    ])
    await closeStore(store)

    await writeFile(
      join(dir, 'meta.json'),
      JSON.stringify({ schemaVersion: 7, createdAt: '2025-01-01' })
    )
    await expect(LibraryStore.open(dir)).rejects.toMatchObject({
      code: 'STORAGE',
      message: expect.stringContaining('newer Clipdesk')
    })
    // The refused open released its lock.
    await expect(fsp.access(join(dir, 'clipdesk.lock'))).rejects.toThrow()
  })

  it('upgrades a version 1 library: quotes move to their own month files, nothing lost', async () => {
    const source = {
      id: 'source-ana',
      kind: 'person',
      name: 'Ana Ruiz',
      aliases: [],
      role: 'Minister',
      createdAt: '2025-12-01T08:00:00.000Z',
      updatedAt: '2025-12-01T08:00:00.000Z'
    }
    const december = v1Clipping('c-dec', '2025-12-03T10:00:00.000Z', `${BODY} December.`)
    const january = v1Clipping('c-jan', '2026-01-05T10:00:00.000Z', BODY)
    const v1 = {
      '2025-12': {
        clippings: [december],
        quotes: [v1Quote(source.id, 'q-dec', december.id, december.body, 'It is a fantasy,')]
      },
      '2026-01': {
        clippings: [january],
        quotes: [
          v1Quote(source.id, 'q-jan-1', january.id, BODY, 'We will build the bridge by spring,'),
          v1Quote(source.id, 'q-jan-2', january.id, BODY, 'It is a fantasy,')
        ]
      }
    }
    await mkdir(join(dir, 'clippings'))
    await writeFile(
      join(dir, 'meta.json'),
      JSON.stringify({ schemaVersion: 1, createdAt: '2025-12-01T08:00:00.000Z' })
    )
    await writeFile(join(dir, 'sources.json'), JSON.stringify({ sources: [source] }))
    await writeFile(join(dir, 'briefings.json'), JSON.stringify({ briefings: [] }))
    for (const [month, file] of Object.entries(v1)) {
      await writeFile(join(dir, 'clippings', `${month}.json`), JSON.stringify(file))
    }

    const store = await openStore()
    expect(store.notices).toEqual([
      {
        level: 'info',
        message: expect.stringContaining('upgraded from schema version 1 to 2 (quotes moved')
      }
    ])
    expect(store.status()).toMatchObject({ clippings: 2, quotes: 3, sources: 1 })
    for (const [month, file] of Object.entries(v1)) {
      expect(await readJson(join(dir, 'clippings', `${month}.json`))).toEqual({
        clippings: file.clippings
      })
      expect(await readJson(join(dir, 'quotes', `${month}.json`))).toEqual({ quotes: file.quotes })
      for (const clipping of file.clippings) {
        expect(store.getClipping(clipping.id).quotes).toEqual(
          file.quotes.filter((quote) => quote.clippingId === clipping.id)
        )
      }
    }
    expect(await readJson(join(dir, 'meta.json'))).toEqual({
      schemaVersion: 2,
      createdAt: '2025-12-01T08:00:00.000Z'
    })
    const [backup] = await readdir(join(dir, 'backups'))
    expect(backup).toMatch(/^before-upgrade-/)
    for (const [month, file] of Object.entries(v1)) {
      expect(await readJson(join(dir, 'backups', backup, 'clippings', `${month}.json`))).toEqual(
        file
      )
    }
    expect(await readJson(join(dir, 'backups', backup, 'meta.json'))).toMatchObject({
      schemaVersion: 1
    })

    await store.updateQuote('q-jan-1', { status: 'confirmed' })
    await closeStore(store)
    const reopened = await openStore()
    expect(reopened.notices).toEqual([])
    expect(reopened.getQuoteRecord('q-jan-1')?.status).toBe('confirmed')
    expect(reopened.getSource(source.id).quotes).toHaveLength(3)
  })

  it('finishes an upgrade that stopped half-way without losing a month already split', async () => {
    const body = BODY
    const clipping = {
      id: 'c-1',
      title: 'Bridge',
      outlet: null,
      byline: null,
      url: null,
      publishedAt: null,
      capturedAt: '2026-01-05T10:00:00.000Z',
      body,
      boilerplate: [],
      tags: [],
      note: '',
      contentHash: hashBody(body)
    }
    const phrase = 'It is a fantasy,'
    const quote = {
      id: 'q-1',
      clippingId: clipping.id,
      start: body.indexOf(phrase),
      end: body.indexOf(phrase) + phrase.length,
      text: phrase,
      speakerId: null,
      venue: null,
      kind: 'direct',
      status: 'suggested',
      confidence: null,
      tags: [],
      note: '',
      createdAt: '2026-01-05T10:00:00.000Z',
      updatedAt: '2026-01-05T10:00:00.000Z'
    }
    await mkdir(join(dir, 'clippings'))
    await mkdir(join(dir, 'quotes'))
    await writeFile(
      join(dir, 'meta.json'),
      JSON.stringify({ schemaVersion: 1, createdAt: '2026-01-01T00:00:00.000Z' })
    )
    // The month was split before the interruption; meta.json still says version 1.
    await writeFile(
      join(dir, 'clippings', '2026-01.json'),
      JSON.stringify({ clippings: [clipping] })
    )
    await writeFile(join(dir, 'quotes', '2026-01.json'), JSON.stringify({ quotes: [quote] }))

    const store = await openStore()
    expect(store.getClipping(clipping.id).quotes).toEqual([quote])
    expect(await readJson(join(dir, 'meta.json'))).toMatchObject({ schemaVersion: 2 })
    expect(await readdir(join(dir, 'quarantine')).catch(() => [])).toEqual([])
  })

  it('resolves the quotes and clippings a briefing points at, leaving out deleted ones', async () => {
    const store = await openStore()
    const { clipping, bridge, fantasy, ana } = await seed(store)
    const briefing = await store.createBriefing({
      title: 'Transport',
      date: '2026-02-10',
      author: ''
    })
    const item = (kind: 'quote' | 'clipping', refId: string) => ({
      id: `${kind}-${refId}`,
      kind,
      refId,
      text: '',
      comment: ''
    })
    await store.updateBriefing(briefing.id, {
      sections: [
        {
          id: 's1',
          heading: 'Bridge',
          items: [
            item('quote', bridge.id),
            item('clipping', clipping.id),
            item('quote', fantasy.id)
          ]
        }
      ]
    })
    await store.deleteQuote(fantasy.id)
    const references = store.briefingReferences(briefing.id)
    expect(references.quotes.map((q) => [q.id, q.speaker?.id, q.clipping.title])).toEqual([
      [bridge.id, ana.id, 'Bridge plan']
    ])
    expect(references.clippings.map((c) => [c.id, c.quoteCount])).toEqual([[clipping.id, 1]])
    expect(() => store.briefingReferences('missing')).toThrow(ApiError)
  })

  it('refuses a record its own loader would reject, writing nothing, so the library still opens', async () => {
    const store = await openStore()
    await seed(store)
    const tooLong = 'T'.repeat(1500)
    await expect(
      store.createClipping({
        ...api['clippings.create'].input.parse({
          title: 'x',
          outlet: null,
          byline: null,
          url: null,
          publishedAt: null,
          tags: [],
          note: '',
          body: 'Another article entirely.'
        }),
        title: tooLong
      })
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('title') })
    await expect(
      store.createSource({ kind: 'person', name: 'Ana Ortiz', role: 'r'.repeat(301), aliases: [] })
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await closeStore(store)
    const reopened = await openStore()
    expect(reopened.notices).toEqual([])
    expect(reopened.listClippings(api['clippings.list'].input.parse({})).total).toBe(1)
    expect(reopened.listSources().map((s) => s.name)).toEqual(['Ana Ruiz', 'Tom Okafor'])
  })

  it('recognises a version 1 library whose meta.json is lost, and upgrades it without losing quotes', async () => {
    const clipping = v1Clipping('c1', '2026-01-05T10:00:00.000Z', BODY)
    const v1Month = {
      clippings: [clipping],
      quotes: [v1Quote(null, 'q1', clipping.id, BODY, 'It is a fantasy,')]
    }
    await mkdir(join(dir, 'clippings'))
    await writeFile(join(dir, 'clippings', '2026-01.json'), JSON.stringify(v1Month))

    const store = await openStore()
    expect(store.notices.map((notice) => notice.level)).toEqual(['warning', 'info'])
    expect(store.getClipping('c1').quotes.map((quote) => quote.id)).toEqual(['q1'])
    expect(await readJson(join(dir, 'quotes', '2026-01.json'))).toEqual({
      quotes: v1Month.quotes
    })
  })

  it('creates a batch of quotes in one write, or none when one of them clashes', async () => {
    const store = await openStore()
    const clipping = await createClipping(store)
    const writes: string[] = []
    await closeStore(store)
    const counting: DurableFileSystem = {
      ...fsp,
      rename: async (from, to) => {
        if (String(to).endsWith(join('quotes', '2026-02.json'))) writes.push(String(to))
        return fsp.rename(from, to)
      }
    }
    const counted = await openStore({ fs: counting })
    const both = [
      quoteInput(clipping.id, 'We will build the bridge by spring,'),
      quoteInput(clipping.id, 'It is a fantasy,')
    ]
    expect((await counted.createQuotes(clipping.id, both)).map((q) => q.text)).toEqual([
      'We will build the bridge by spring,',
      'It is a fantasy,'
    ])
    expect(writes).toHaveLength(1)
    await expect(
      counted.createQuotes(clipping.id, [
        quoteInput(clipping.id, 'The minister arrived late.'),
        both[1]
      ])
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(counted.getClipping(clipping.id).quotes).toHaveLength(2)
    expect(writes).toHaveLength(1)
  })

  it('keeps a half-saved delete’s quotes on disk and out of the way until the next start', async () => {
    const store = await openStore()
    const { clipping, ana } = await seed(store)
    await closeStore(store)
    const failing: DurableFileSystem = {
      ...fsp,
      open: async (path, flags, mode) => {
        if (flags === 'wx' && String(path).includes(join(dir, 'quotes'))) {
          throw Object.assign(new Error('no space'), { code: 'ENOSPC' })
        }
        return fsp.open(path, flags, mode)
      }
    }
    const broken = await openStore({ fs: failing })
    await expect(broken.deleteClipping(clipping.id)).rejects.toMatchObject({ code: 'STORAGE' })
    expect(broken.getSource(ana.id).quotes).toEqual([])
    expect(broken.searchQuotes(api['quotes.search'].input.parse({})).items).toEqual([])
    await closeStore(broken)

    const reopened = await openStore()
    expect(reopened.getClippingRecord(clipping.id)).toBeUndefined()
    expect(reopened.notices.map((notice) => notice.level)).toEqual(['warning'])
    const onDisk = (await readJson(join(dir, 'quotes', '2026-02.json'))) as { quotes: unknown[] }
    expect(onDisk.quotes).toHaveLength(2)
  })
})
