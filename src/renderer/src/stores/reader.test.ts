// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
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

function quote(id: string, text: string, status: Quote['status']): Quote {
  const start = body.indexOf(text)
  return {
    id,
    clippingId: 'c1',
    start,
    end: start + text.length,
    text,
    speakerId: null,
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

function backend(quotes: Quote[]): void {
  let stored = [...quotes]
  let current = { ...clipping }
  mockedCall.mockImplementation((async (command: string, input: never) => {
    const args = input as Record<string, unknown>
    switch (command) {
      case 'clippings.get':
        if (args.id !== 'c1') throw new ApiError('NOT_FOUND', 'No such clipping.')
        return { clipping: current, quotes: stored, sources: [] }
      case 'clippings.update':
        current = { ...current, ...(args.patch as object) }
        return current
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

  it('says a deleted clipping is missing instead of raising an error toast', async () => {
    backend([])
    const reader = useReaderStore()
    await reader.open('gone')
    expect(reader.missing).toBe(true)
    expect(reader.clipping).toBeNull()
    expect(useNoticesStore().toasts).toEqual([])
  })

  it('accepts a suggestion by confirming it, and accepts all that remain', async () => {
    backend([quote('q1', 'We will win,', 'suggested'), quote('q2', 'Never,', 'suggested')])
    const reader = useReaderStore()
    await reader.open('c1')
    expect(await reader.accept('q1')).toBe(true)
    expect(mockedCall).toHaveBeenCalledWith('quotes.update', {
      id: 'q1',
      patch: { status: 'confirmed' }
    })
    expect(reader.suggestions.map((q) => q.id)).toEqual(['q2'])
    expect(await reader.acceptAll()).toBe(1)
    expect(reader.quotes.every((q) => q.status === 'confirmed')).toBe(true)
    expect(useNoticesStore().toasts.at(-1)?.message).toBe('Accepted 1 suggestion.')
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
