import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Analysis } from '@shared/model'
import { callCommand } from './api/dispatch'
import { openBackend, type Backend } from './backend'
import { addSuggestions } from './suggestions'

const BODY =
  '‘The bridge will open in spring,’ said Ana Ruiz, the transport minister.\n\n' +
  '‘It is a fantasy,’ Tom Okafor said.'

function proposal(text: string, speaker: string | null, role: string | null = null) {
  const start = BODY.indexOf(text)
  return {
    start,
    end: start + text.length,
    text,
    speaker,
    role,
    venue: null,
    kind: 'direct' as const,
    confidence: 0.9
  }
}

const ANALYSIS: Pick<Analysis, 'quotes' | 'people' | 'organisations'> = {
  quotes: [
    proposal('The bridge will open in spring,', 'Ana Ruiz', 'transport minister'),
    proposal('It is a fantasy,', 'Tom Okafor')
  ],
  people: [
    { name: 'Ana Ruiz', aliases: ['Ruiz', 'Ms Ruiz'], role: 'transport minister' },
    { name: 'Tom Okafor', aliases: [], role: null }
  ],
  organisations: []
}

describe('suggestions', () => {
  let dataDir: string
  let backend: Backend

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'clipdesk-suggest-'))
    backend = await openBackend({ dataDir, mode: 'cli' })
  })

  afterEach(async () => {
    await backend.close()
    await rm(dataDir, { recursive: true, force: true })
  })

  async function clipping(body = BODY): Promise<string> {
    const created = await callCommand(backend.dispatch, 'clippings.create', {
      title: 'Bridge',
      outlet: null,
      byline: null,
      url: null,
      publishedAt: null,
      tags: [],
      note: '',
      body
    })
    return created.id
  }

  it('adds proposals as suggestions with their speakers, and never duplicates a quote', async () => {
    const id = await clipping()
    const start = BODY.indexOf('It is a fantasy')
    const confirmed = await callCommand(backend.dispatch, 'quotes.create', {
      clippingId: id,
      start,
      end: start + 'It is a fantasy'.length,
      status: 'confirmed',
      note: 'checked with the desk'
    })

    expect(await addSuggestions(backend.store, id, ANALYSIS)).toBe(1)
    expect(await addSuggestions(backend.store, id, ANALYSIS)).toBe(0)

    const { quotes } = backend.store.getClipping(id)
    expect(quotes).toHaveLength(2)
    expect(quotes.find((q) => q.id === confirmed.id)).toEqual(confirmed)
    const suggested = quotes.find((q) => q.id !== confirmed.id)!
    expect(suggested).toMatchObject({
      status: 'suggested',
      text: 'The bridge will open in spring,'
    })
    const speaker = backend.store.getSourceRecord(suggested.speakerId!)
    expect(speaker).toMatchObject({
      name: 'Ana Ruiz',
      role: 'transport minister',
      aliases: ['Ruiz', 'Ms Ruiz']
    })
  })

  it('reuses a source by alias, merging the aliases and role the article adds', async () => {
    const existing = await callCommand(backend.dispatch, 'sources.create', {
      kind: 'person',
      name: 'Ana Ruiz',
      aliases: ['Minister Ruiz']
    })
    const id = await clipping()
    expect(await addSuggestions(backend.store, id, ANALYSIS)).toBe(2)
    expect(backend.store.getSourceRecord(existing.id)).toMatchObject({
      name: 'Ana Ruiz',
      role: 'transport minister',
      aliases: ['Minister Ruiz', 'Ruiz', 'Ms Ruiz']
    })
    expect(backend.store.listSources().map((s) => s.name)).toEqual(['Ana Ruiz', 'Tom Okafor'])
  })

  it('re-analyses a clipping without touching quotes the journalist confirmed or edited', async () => {
    const body = await readFile(
      resolve(__dirname, '../../resources/samples/harbour-talks.txt'),
      'utf8'
    )
    const id = await clipping(body)
    const first = await callCommand(backend.dispatch, 'clippings.reanalyze', { id })
    expect(first.added).toBe(first.proposed)
    expect(first.added).toBeGreaterThan(0)

    const before = backend.store.getClipping(id).quotes
    const edited = await callCommand(backend.dispatch, 'quotes.update', {
      id: before[0].id,
      patch: { status: 'confirmed', venue: 'edited venue', speakerId: null }
    })
    const rejected = await callCommand(backend.dispatch, 'quotes.update', {
      id: before[1].id,
      patch: { status: 'rejected' }
    })

    expect(await callCommand(backend.dispatch, 'clippings.reanalyze', { id })).toEqual({
      proposed: first.proposed,
      added: 0
    })
    const after = backend.store.getClipping(id).quotes
    expect(after).toHaveLength(before.length)
    expect(after.find((q) => q.id === edited.id)).toEqual(edited)
    expect(after.find((q) => q.id === rejected.id)).toEqual(rejected)
  })
})
