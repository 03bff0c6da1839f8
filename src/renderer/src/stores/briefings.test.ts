// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { Briefing } from '@shared/model'
import type { Command, ParsedInput, QuoteInContext } from '@shared/api'
import { call, saveExportFile } from '@renderer/api'
import { SAVE_DELAY_MS, useBriefingsStore } from './briefings'
import { useNoticesStore } from './notices'

vi.mock('@renderer/api', async (importOriginal) => {
  const original = await importOriginal<typeof import('@renderer/api')>()
  return {
    ...original,
    call: vi.fn(),
    onLibraryChanged: vi.fn(() => () => undefined),
    saveExportFile: vi.fn()
  }
})

const callMock = vi.mocked(call)
const saveExportFileMock = vi.mocked(saveExportFile)

/** A briefing on the fake back end: "Reaction" holds a and b, "Background" holds c. */
function storedBriefing(): Briefing {
  return {
    id: 'b1',
    title: 'Morning briefing',
    date: '2026-11-24',
    author: 'Sam Reporter',
    sections: [
      {
        id: 's1',
        heading: 'Reaction',
        items: [
          { id: 'a', kind: 'quote', refId: 'q1', text: '', comment: '' },
          { id: 'b', kind: 'note', refId: null, text: 'Context', comment: '' }
        ]
      },
      {
        id: 's2',
        heading: 'Background',
        items: [{ id: 'c', kind: 'clipping', refId: 'c1', text: '', comment: '' }]
      }
    ],
    createdAt: '2026-11-24T08:00:00.000Z',
    updatedAt: '2026-11-24T08:00:00.000Z'
  }
}

let disk: Briefing
let updates: ParsedInput<'briefings.update'>[]

function fakeBackEnd(command: Command, input: unknown): Promise<unknown> {
  switch (command) {
    case 'briefings.get':
      return Promise.resolve(structuredClone(disk))
    case 'briefings.update': {
      const update = structuredClone(input) as ParsedInput<'briefings.update'>
      updates.push(update)
      disk = { ...disk, ...update.patch, updatedAt: `2026-11-24T09:00:0${updates.length}.000Z` }
      return Promise.resolve(structuredClone(disk))
    }
    case 'briefings.render':
      return Promise.resolve({ html: '<h1>Morning briefing</h1>', markdown: '# Morning briefing' })
    case 'briefings.export':
      return Promise.resolve({
        fileName: 'morning-briefing.pdf',
        mimeType: 'application/pdf',
        base64: 'JVBERi0='
      })
    case 'briefings.references':
      return Promise.resolve({ quotes: [], clippings: [] })
    case 'quotes.search':
    case 'clippings.list':
      return Promise.resolve({ items: [], total: 0 })
    default:
      return Promise.reject(new Error(`unexpected command ${command}`))
  }
}

function itemIds(briefing: Briefing | null): string[][] {
  return (briefing?.sections ?? []).map((section) => section.items.map((item) => item.id))
}

async function openBriefing(): Promise<ReturnType<typeof useBriefingsStore>> {
  const store = useBriefingsStore()
  await store.open('b1')
  return store
}

beforeEach(() => {
  setActivePinia(createPinia())
  disk = storedBriefing()
  updates = []
  callMock.mockReset()
  callMock.mockImplementation(fakeBackEnd as typeof call)
  saveExportFileMock.mockReset()
})

afterEach(() => {
  vi.useRealTimers()
})

describe('adding items', () => {
  it('appends a quote to the chosen section and saves the whole sections array at once', async () => {
    const store = await openBriefing()
    const item = store.addItem('s2', 'quote', 'q9')
    await store.flush()

    expect(item).toMatchObject({ kind: 'quote', refId: 'q9', text: '', comment: '' })
    expect(item?.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(itemIds(store.current)).toEqual([
      ['a', 'b'],
      ['c', item?.id]
    ])
    expect(updates).toHaveLength(1)
    expect(updates[0].patch.sections?.map((s) => s.items.map((i) => i.id))).toEqual([
      ['a', 'b'],
      ['c', item?.id]
    ])
    expect(store.saveState).toBe('saved')
  })

  it('adds a quote to another briefing from the menu and confirms it with an Undo toast', async () => {
    const store = useBriefingsStore()
    const added = await store.addReference('b1', 's1', 'quote', 'q7')

    expect(added).toBe(true)
    expect(disk.sections[0].items.map((i) => i.refId)).toEqual(['q1', null, 'q7'])
    const toast = useNoticesStore().toasts.at(-1)
    expect(toast?.message).toBe('Added quote to ‘Morning briefing’ under ‘Reaction’.')

    await useNoticesStore().runUndo(toast!.id)
    expect(disk.sections[0].items.map((i) => i.refId)).toEqual(['q1', null])
  })
})

describe('moving items', () => {
  it('moves an item down within its section and announces its new place', async () => {
    const store = await openBriefing()
    store.moveItemBy('a', 1)
    await store.flush()

    expect(itemIds(store.current)).toEqual([['b', 'a'], ['c']])
    expect(store.announcement).toBe('Moved to position 2 of 2 in ‘Reaction’')
    expect(itemIds(disk)).toEqual([['b', 'a'], ['c']])
  })

  it('moves the last item of a section to the start of the next one with Alt+Down', async () => {
    const store = await openBriefing()
    store.moveItemBy('b', 1)
    await store.flush()

    expect(itemIds(store.current)).toEqual([['a'], ['b', 'c']])
    expect(store.announcement).toBe('Moved to position 1 of 2 in ‘Background’')
    expect(itemIds(disk)).toEqual([['a'], ['b', 'c']])
  })

  it('moves the first item of a section to the end of the previous one with Alt+Up', async () => {
    const store = await openBriefing()
    store.moveItemBy('c', -1)

    expect(itemIds(store.current)).toEqual([['a', 'b', 'c'], []])
    expect(store.announcement).toBe('Moved to position 3 of 3 in ‘Reaction’')
  })

  it('leaves the first item of the briefing where it is', async () => {
    const store = await openBriefing()
    store.moveItemBy('a', -1)

    expect(itemIds(store.current)).toEqual([['a', 'b'], ['c']])
    expect(store.announcement).toBe('Already first in the briefing')
    expect(updates).toHaveLength(0)
  })

  it('leaves the order alone when an item is dropped onto its own place', async () => {
    const store = await openBriefing()
    // Index 1 is the gap just below "a" itself.
    store.moveItem('a', 's1', 1)

    expect(itemIds(store.current)).toEqual([['a', 'b'], ['c']])
    expect(updates).toHaveLength(0)
  })

  it('drops an item after a later item of the same section', async () => {
    const store = await openBriefing()
    // Dropping below "b" means index 2 among the items as they were before the move.
    store.moveItem('a', 's1', 2)
    await store.flush()

    expect(itemIds(store.current)).toEqual([['b', 'a'], ['c']])
  })

  it('drops an item between items of another section', async () => {
    const store = await openBriefing()
    store.moveItem('c', 's1', 1)
    await store.flush()

    expect(itemIds(store.current)).toEqual([['a', 'c', 'b'], []])
    expect(store.announcement).toBe('Moved to position 2 of 3 in ‘Reaction’')
    expect(itemIds(disk)).toEqual([['a', 'c', 'b'], []])
  })
})

describe('removing and undoing', () => {
  it('removes an item and puts it back in its place from the toast’s Undo', async () => {
    const store = await openBriefing()
    store.removeItem('a')
    await store.flush()
    expect(itemIds(disk)).toEqual([['b'], ['c']])

    const notices = useNoticesStore()
    const toast = notices.toasts.at(-1)
    expect(toast?.message).toBe('Removed quote from ‘Reaction’.')
    await notices.runUndo(toast!.id)

    expect(itemIds(store.current)).toEqual([['a', 'b'], ['c']])
    expect(itemIds(disk)).toEqual([['a', 'b'], ['c']])
  })

  it('puts an item back once when both Ctrl/Cmd+Z and the toast’s Undo are used', async () => {
    const store = await openBriefing()
    store.removeItem('a')
    const toast = useNoticesStore().toasts.at(-1)
    await store.undoLast()
    await useNoticesStore().runUndo(toast!.id)
    await store.flush()

    expect(itemIds(store.current)).toEqual([['a', 'b'], ['c']])
    expect(itemIds(disk)).toEqual([['a', 'b'], ['c']])
  })

  it('restores a removed item on disk from the toast after the composer has closed', async () => {
    const store = await openBriefing()
    store.removeItem('c')
    const toast = useNoticesStore().toasts.at(-1)
    await store.close()
    expect(itemIds(disk)).toEqual([['a', 'b'], []])

    await useNoticesStore().runUndo(toast!.id)

    expect(itemIds(disk)).toEqual([['a', 'b'], ['c']])
  })

  it('undoes the most recent removal first (Ctrl/Cmd+Z)', async () => {
    const store = await openBriefing()
    store.removeItem('a')
    store.removeSection('s2')
    await store.flush()
    expect(itemIds(store.current)).toEqual([['b']])

    expect(await store.undoLast()).toBe(true)
    expect(itemIds(store.current)).toEqual([['b'], ['c']])
    expect(await store.undoLast()).toBe(true)
    expect(itemIds(store.current)).toEqual([['a', 'b'], ['c']])
    expect(await store.undoLast()).toBe(false)
    expect(itemIds(disk)).toEqual([['a', 'b'], ['c']])
  })
})

describe('saving', () => {
  it('waits for a pause in typing, then saves once with the full sections', async () => {
    const store = await openBriefing()
    vi.useFakeTimers()
    store.setComment('a', 'W')
    store.setComment('a', 'Worth')
    store.setComment('a', 'Worth leading with')
    store.setHeading('s2', 'Backgr')
    expect(store.saveState).toBe('pending')

    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS - 1)
    expect(updates).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)

    expect(updates).toHaveLength(1)
    const sections = updates[0].patch.sections
    expect(sections?.map((s) => s.heading)).toEqual(['Reaction', 'Backgr'])
    expect(sections?.[0].items[0].comment).toBe('Worth leading with')
    expect(sections?.[0].items.map((i) => i.id)).toEqual(['a', 'b'])
    expect(sections?.[1].items.map((i) => i.id)).toEqual(['c'])
    expect(updates[0].patch).toMatchObject({
      title: 'Morning briefing',
      date: '2026-11-24',
      author: 'Sam Reporter'
    })
    expect(store.saveState).toBe('saved')
  })

  it('keeps an emptied title unsent rather than failing the save', async () => {
    const store = await openBriefing()
    store.setTitle('   ')
    await store.flush()

    expect(store.titleProblem).toBe('A briefing needs a title.')
    expect(updates[0].patch).not.toHaveProperty('title')
    expect(updates[0].patch.sections).toHaveLength(2)
  })

  it('refreshes the preview after a save', async () => {
    const store = await openBriefing()
    const rendersBefore = callMock.mock.calls.filter(([c]) => c === 'briefings.render').length
    store.setAuthor('Alex Editor')
    await store.flush()
    await vi.waitFor(() =>
      expect(callMock.mock.calls.filter(([c]) => c === 'briefings.render').length).toBe(
        rendersBefore + 1
      )
    )
    expect(store.preview?.markdown).toBe('# Morning briefing')
  })
})

describe('exporting', () => {
  it('saves pending edits, exports the PDF on the chosen paper and hands the file to be saved', async () => {
    const store = await openBriefing()
    saveExportFileMock.mockResolvedValue('/home/sam/morning-briefing.pdf')
    store.setComment('a', 'Lead with this')

    const savedTo = await store.exportCurrent('pdf', 'Letter')

    expect(updates[0].patch.sections?.[0].items[0].comment).toBe('Lead with this')
    expect(callMock).toHaveBeenCalledWith('briefings.export', {
      id: 'b1',
      format: 'pdf',
      paper: 'Letter'
    })
    expect(saveExportFileMock).toHaveBeenCalledWith({
      fileName: 'morning-briefing.pdf',
      mimeType: 'application/pdf',
      base64: 'JVBERi0='
    })
    expect(savedTo).toBe('/home/sam/morning-briefing.pdf')
    expect(useNoticesStore().toasts.at(-1)?.message).toBe('Exported morning-briefing.pdf.')
    expect(store.exporting).toBeNull()
  })

  it('says in words why an export failed', async () => {
    const store = await openBriefing()
    const { ApiError } = await import('@renderer/api')
    callMock.mockImplementation(((command: Command, input: unknown) =>
      command === 'briefings.export'
        ? Promise.reject(new ApiError('UNAVAILABLE', 'No Chromium was found to print the PDF.'))
        : fakeBackEnd(command, input)) as typeof call)

    expect(await store.exportCurrent('pdf', 'A4')).toBeNull()
    expect(saveExportFileMock).not.toHaveBeenCalled()
    expect(useNoticesStore().toasts.at(-1)).toMatchObject({
      level: 'error',
      message: 'No Chromium was found to print the PDF.'
    })
  })
})

describe('adding from the library', () => {
  it('drops a library quote at a position and announces where it went', async () => {
    const store = await openBriefing()
    const quote = {
      id: 'q5',
      clippingId: 'c9',
      start: 0,
      end: 5,
      text: '‘Yes.’',
      speakerId: null,
      venue: null,
      kind: 'direct' as const,
      status: 'confirmed' as const,
      confidence: null,
      tags: [],
      note: '',
      createdAt: '2026-11-24T08:00:00.000Z',
      updatedAt: '2026-11-24T08:00:00.000Z',
      speaker: null,
      clipping: {
        id: 'c9',
        title: 'A clipping',
        outlet: null,
        publishedAt: null,
        capturedAt: '2026-11-24T08:00:00.000Z',
        url: null
      }
    }
    const item = store.addFromLibrary('s2', { kind: 'quote', quote }, 0)
    await store.flush()

    expect(itemIds(disk)).toEqual([
      ['a', 'b'],
      [item?.id, 'c']
    ])
    expect(store.quoteRefs.q5?.text).toBe('‘Yes.’')
    expect(store.announcement).toBe('Added quote at position 1 of 2 in ‘Background’')
  })
})

/** A library quote as the search and references answer it. */
function libraryQuote(
  id: string,
  status: 'suggested' | 'confirmed' | 'rejected',
  text = `Quote ${id}.`
): QuoteInContext {
  return {
    id,
    clippingId: 'c1',
    start: 0,
    end: text.length,
    text,
    speakerId: null,
    venue: null,
    kind: 'direct',
    status,
    confidence: status === 'suggested' ? 0.8 : null,
    tags: [],
    note: '',
    createdAt: '2026-11-24T08:00:00.000Z',
    updatedAt: '2026-11-24T08:00:00.000Z',
    speaker: null,
    clipping: {
      id: 'c1',
      title: 'A clipping',
      outlet: null,
      publishedAt: null,
      capturedAt: '2026-11-24T08:00:00.000Z',
      url: null
    }
  }
}

describe('suggestions in the library panel', () => {
  it('lists confirmed quotes only, until suggestions are asked for', async () => {
    const store = useBriefingsStore()
    callMock.mockImplementation(((command: Command, input: unknown) =>
      command === 'quotes.search'
        ? Promise.resolve({
            items: [
              libraryQuote('q-confirmed', 'confirmed'),
              libraryQuote('q-suggested', 'suggested'),
              libraryQuote('q-rejected', 'rejected')
            ],
            total: 3
          })
        : fakeBackEnd(command, input)) as typeof call)

    await store.searchLibrary('')

    expect(store.shownLibraryQuotes.map((quote) => quote.id)).toEqual(['q-confirmed'])
    expect(store.hiddenSuggestionCount).toBe(1)
    store.includeSuggestions = true
    expect(store.shownLibraryQuotes.map((quote) => quote.id)).toEqual([
      'q-confirmed',
      'q-suggested'
    ])
    expect(store.hiddenSuggestionCount).toBe(0)
  })
})

describe('unconfirmed quotes before an export', () => {
  it('saves, reloads the quotes’ statuses and answers those not confirmed', async () => {
    disk.sections[1].items.push(
      { id: 'd', kind: 'quote', refId: 'q2', text: '', comment: '' },
      { id: 'e', kind: 'quote', refId: 'q3', text: '', comment: '' }
    )
    let statuses: Record<string, 'suggested' | 'confirmed'> = { q1: 'confirmed', q2: 'confirmed' }
    callMock.mockImplementation(((command: Command, input: unknown) =>
      command === 'briefings.references'
        ? Promise.resolve({
            quotes: Object.entries(statuses).map(([id, status]) => libraryQuote(id, status)),
            clippings: []
          })
        : fakeBackEnd(command, input)) as typeof call)
    const store = await openBriefing()
    expect(store.unconfirmedQuotes).toEqual([])

    // Someone un-confirms q1 and q2 in the reader after the composer loaded them.
    statuses = { q1: 'suggested', q2: 'suggested' }
    store.setComment('a', 'Check first')
    const unconfirmed = await store.unconfirmedBeforeExport()

    expect(updates.at(-1)?.patch.sections?.[0].items[0].comment).toBe('Check first')
    expect(unconfirmed.map((quote) => quote.id)).toEqual(['q1', 'q2'])
    expect(callMock.mock.calls.some(([command]) => command === 'briefings.export')).toBe(false)
  })
})
