// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { isReactive } from 'vue'
import { ApiError } from '@shared/api'
import type { Clipping, Quote } from '@shared/model'
import { call } from '@renderer/api'
import { useNoticesStore } from './notices'
import { useReaderStore } from './reader'

vi.mock('@renderer/api', async () => {
  const shared = await import('@shared/api')
  return { ApiError: shared.ApiError, call: vi.fn(), onLibraryChanged: vi.fn(() => () => {}) }
})

const mockedCall = vi.mocked(call)
const body = '‘We will win,’ she said.\n\n‘Never,’ he said.\n\nContact us: desk@example.com'

const clipping: Clipping = {
  id: 'c1',
  title: 'Talks',
  outlet: null,
  byline: null,
  url: null,
  publishedAt: null,
  capturedAt: '2022-03-02T10:00:00.000Z',
  body,
  boilerplate: [{ start: body.indexOf('Contact'), end: body.length }],
  tags: [],
  note: '',
  contentHash: 'h'
}

function quote(
  id: string,
  text: string,
  status: Quote['status'],
  speakerId: string | null = null
): Quote {
  const start = body.indexOf(text)
  return {
    id,
    clippingId: 'c1',
    start,
    end: start + text.length,
    text,
    speakerId,
    venue: null,
    kind: 'direct',
    status,
    confidence: status === 'suggested' ? 0.9 : null,
    tags: [],
    note: '',
    createdAt: 'x',
    updatedAt: 'x'
  }
}

/** Saves of the clipping that the test lets through one at a time, when `hold` is set. */
let held: { patch: object; release: (fail?: boolean) => void }[] = []
let hold = false

function backend(quotes: Quote[]): void {
  let stored = [...quotes]
  let current = { ...clipping }
  held = []
  hold = false
  mockedCall.mockImplementation((async (command: string, input: never) => {
    const args = input as Record<string, unknown>
    switch (command) {
      case 'clippings.get':
        if (args.id !== 'c1') throw new ApiError('NOT_FOUND', 'No such clipping.')
        return { clipping: current, quotes: stored, sources: [] }
      case 'clippings.update': {
        const patch = args.patch as object
        if (hold) {
          const failed = await new Promise<boolean>((release) =>
            held.push({ patch, release: (fail = false) => release(fail) })
          )
          if (failed) throw new ApiError('STORAGE', 'The disk is full.')
        }
        current = { ...current, ...patch }
        return current
      }
      case 'quotes.update': {
        const patch = args.patch as Partial<Quote>
        stored = stored.map((q) => (q.id === args.id ? { ...q, ...patch } : q))
        return stored.find((q) => q.id === args.id)
      }
      case 'quotes.delete': {
        const found = stored.find((q) => q.id === args.id)
        stored = stored.filter((q) => q.id !== args.id)
        return found
      }
      case 'quotes.restore':
        stored = [...stored, args.quote as Quote]
        return args.quote
      case 'clippings.reanalyze':
        stored = [...stored, quote('q9', 'Never,', 'suggested')]
        return { proposed: 2, added: 1 }
      default:
        throw new Error(`unexpected ${command}`)
    }
  }) as never)
}

describe('useReaderStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    mockedCall.mockReset()
  })

  it('opens a clipping with its quotes ordered by position and suggestions apart', async () => {
    backend([quote('q2', 'Never,', 'suggested'), quote('q1', 'We will win,', 'confirmed')])
    const reader = useReaderStore()
    await reader.open('c1')
    expect(reader.clipping?.title).toBe('Talks')
    expect(reader.orderedQuotes.map((q) => q.id)).toEqual(['q1', 'q2'])
    expect(reader.suggestions.map((q) => q.id)).toEqual(['q2'])
  })

  it('holds the quotes without deep reactivity and still follows each change', async () => {
    backend([quote('q1', 'We will win,', 'suggested'), quote('q2', 'Never,', 'suggested')])
    const reader = useReaderStore()
    await reader.open('c1')
    expect(isReactive(reader.quotes)).toBe(false)
    expect(isReactive(reader.quotes[0])).toBe(false)
    expect(isReactive(reader.clipping)).toBe(false)
    const before = reader.quotes
    await reader.accept('q1')
    expect(reader.quotes).not.toBe(before)
    expect(before.map((q) => q.status)).toEqual(['suggested', 'suggested'])
    expect(reader.orderedQuotes.map((q) => [q.id, q.status])).toEqual([
      ['q1', 'confirmed'],
      ['q2', 'suggested']
    ])
    expect(reader.suggestions.map((q) => q.id)).toEqual(['q2'])
  })

  it('says a deleted clipping is missing instead of raising an error toast', async () => {
    backend([])
    const reader = useReaderStore()
    await reader.open('gone')
    expect(reader.missing).toBe(true)
    expect(reader.clipping).toBeNull()
    expect(useNoticesStore().toasts).toEqual([])
  })

  it('accepts a suggestion by confirming it', async () => {
    backend([quote('q1', 'We will win,', 'suggested'), quote('q2', 'Never,', 'suggested')])
    const reader = useReaderStore()
    await reader.open('c1')
    expect(await reader.accept('q1')).toBe(true)
    expect(mockedCall).toHaveBeenCalledWith('quotes.update', {
      id: 'q1',
      patch: { status: 'confirmed' }
    })
    expect(reader.suggestions.map((q) => q.id)).toEqual(['q2'])
  })

  it('accepts all only the suggestions with a speaker and leaves the rest for review', async () => {
    backend([
      quote('q1', 'We will win,', 'suggested', 's1'),
      quote('q2', 'Never,', 'suggested'),
      quote('q3', 'Contact us', 'suggested', 's2')
    ])
    const reader = useReaderStore()
    await reader.open('c1')
    expect(reader.acceptable.map((q) => q.id)).toEqual(['q1', 'q3'])
    expect(await reader.acceptAll()).toBe(2)
    expect(reader.quotes.map((q) => [q.id, q.status])).toEqual([
      ['q1', 'confirmed'],
      ['q2', 'suggested'],
      ['q3', 'confirmed']
    ])
    expect(mockedCall).not.toHaveBeenCalledWith(
      'quotes.update',
      expect.objectContaining({ id: 'q2' })
    )
    expect(useNoticesStore().toasts.at(-1)?.message).toBe(
      'Accepted 2 suggestions with a speaker; 1 left to review.'
    )
  })

  it('undoes Accept all by putting back exactly the suggestions it accepted', async () => {
    backend([
      quote('q1', 'We will win,', 'suggested', 's1'),
      quote('q2', 'Never,', 'suggested'),
      quote('q3', 'Contact us', 'confirmed', 's2')
    ])
    const reader = useReaderStore()
    await reader.open('c1')
    await reader.acceptAll()
    const notices = useNoticesStore()
    const toast = notices.toasts.find((t) => t.undo)
    expect(toast?.message).toBe('Accepted 1 suggestion with a speaker; 1 left to review.')
    mockedCall.mockClear()
    await notices.runUndo(toast!.id)
    expect(mockedCall.mock.calls.filter(([command]) => command === 'quotes.update')).toEqual([
      ['quotes.update', { id: 'q1', patch: { status: 'suggested' } }]
    ])
    expect(reader.quotes.map((q) => [q.id, q.status])).toEqual([
      ['q1', 'suggested'],
      ['q2', 'suggested'],
      ['q3', 'confirmed']
    ])
  })

  it('shows an edit to the clipping at once and saves edits in order, losing none', async () => {
    backend([])
    const reader = useReaderStore()
    await reader.open('c1')
    hold = true
    const url = reader.updateClipping({ url: 'https://example.com/talks' })
    expect(reader.clipping?.url).toBe('https://example.com/talks')
    expect(reader.saving).toBe(true)
    // A tag added while the address is still being saved waits its turn and is not lost.
    const tags = reader.updateClipping({ tags: ['budget'] })
    expect(reader.clipping?.tags).toEqual(['budget'])
    await vi.waitFor(() => expect(held).toHaveLength(1))
    expect(held[0].patch).toEqual({ url: 'https://example.com/talks' })
    held[0].release()
    expect(await url).toBe(true)
    await vi.waitFor(() => expect(held).toHaveLength(2))
    expect(held[1].patch).toEqual({ tags: ['budget'] })
    expect(reader.clipping?.tags).toEqual(['budget'])
    held[1].release()
    expect(await tags).toBe(true)
    expect(reader.clipping?.url).toBe('https://example.com/talks')
    expect(reader.clipping?.tags).toEqual(['budget'])
    expect(reader.saving).toBe(false)
  })

  it('takes back an edit the library refused, keeping the later ones, and says why', async () => {
    backend([])
    const reader = useReaderStore()
    await reader.open('c1')
    hold = true
    const note = reader.updateClipping({ note: 'Check figures' })
    const tags = reader.updateClipping({ tags: ['budget'] })
    await vi.waitFor(() => expect(held).toHaveLength(1))
    held[0].release(true)
    expect(await note).toBe(false)
    expect(reader.clipping?.note).toBe('')
    expect(reader.clipping?.tags).toEqual(['budget'])
    expect(useNoticesStore().toasts.at(-1)?.message).toBe('The disk is full.')
    await vi.waitFor(() => expect(held).toHaveLength(2))
    held[1].release()
    expect(await tags).toBe(true)
    expect(reader.clipping?.tags).toEqual(['budget'])
  })

  it('rejects a suggestion without removing it', async () => {
    backend([quote('q1', 'We will win,', 'suggested')])
    const reader = useReaderStore()
    await reader.open('c1')
    await reader.reject('q1')
    expect(reader.quotes.map((q) => [q.id, q.status])).toEqual([['q1', 'rejected']])
  })

  it('removes a quote and restores it on Undo', async () => {
    const original = quote('q1', 'We will win,', 'confirmed')
    backend([original])
    const reader = useReaderStore()
    await reader.open('c1')
    expect(await reader.removeQuote('q1')).toBe(true)
    expect(reader.quotes).toEqual([])
    const notices = useNoticesStore()
    const toast = notices.toasts.find((t) => t.undo)!
    expect(toast.message).toBe('Removed “We will win,”.')
    await notices.runUndo(toast.id)
    expect(mockedCall).toHaveBeenCalledWith('quotes.restore', { quote: original })
    expect(reader.quotes.map((q) => q.id)).toEqual(['q1'])
  })

  it('restores set-aside boilerplate by dropping its span, with Undo', async () => {
    backend([])
    const reader = useReaderStore()
    await reader.open('c1')
    const span = reader.clipping!.boilerplate[0]
    await reader.restoreBoilerplate(0)
    expect(mockedCall).toHaveBeenCalledWith('clippings.update', {
      id: 'c1',
      patch: { boilerplate: [] }
    })
    expect(reader.clipping?.boilerplate).toEqual([])
    const notices = useNoticesStore()
    await notices.runUndo(notices.toasts.find((t) => t.undo)!.id)
    expect(reader.clipping?.boilerplate).toEqual([span])
  })

  it('finds quotes again, showing the new suggestion and saying the rest is unchanged', async () => {
    backend([quote('q1', 'We will win,', 'confirmed')])
    const reader = useReaderStore()
    await reader.open('c1')
    expect(await reader.reanalyze()).toBe(1)
    expect(mockedCall).toHaveBeenCalledWith('clippings.reanalyze', { id: 'c1' })
    expect(reader.suggestions.map((q) => q.id)).toEqual(['q9'])
    expect(reader.quotes.find((q) => q.id === 'q1')?.status).toBe('confirmed')
    expect(useNoticesStore().toasts.at(-1)?.message).toBe(
      'Found 1 new suggestion; your quotes are unchanged.'
    )
  })
})
