// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { ClippingSummary } from '@shared/api'
import { call } from '@renderer/api'
import { useClippingsStore } from './clippings'
import { useNoticesStore } from './notices'

vi.mock('@renderer/api', async () => {
  const shared = await import('@shared/api')
  return { ApiError: shared.ApiError, call: vi.fn(), onLibraryChanged: vi.fn(() => () => {}) }
})

const mockedCall = vi.mocked(call)

function summary(id: string, title: string): ClippingSummary {
  return {
    id,
    title,
    outlet: 'The Times',
    byline: null,
    url: null,
    publishedAt: '2022-03-01',
    capturedAt: '2022-03-02T10:00:00.000Z',
    boilerplate: [],
    tags: ['ukraine'],
    note: '',
    contentHash: id,
    quoteCount: 2,
    excerpt: 'Ukraine’s president…'
  }
}

describe('useClippingsStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    mockedCall.mockReset()
  })

  it('lists with the search query, tag and source as filters', async () => {
    mockedCall.mockResolvedValue({ items: [summary('c1', 'Talks')], total: 1 })
    const store = useClippingsStore()
    await store.setFilters({ query: '  vice ', tag: 'ukraine', sourceId: 's1' })
    expect(mockedCall).toHaveBeenCalledWith('clippings.list', {
      query: 'vice',
      tag: 'ukraine',
      sourceId: 's1',
      limit: 1000
    })
    expect(store.items.map((c) => c.title)).toEqual(['Talks'])
    expect(store.loaded).toBe(true)
  })

  it('keeps the answer to the latest search when an older one arrives late', async () => {
    let answerFirst: (value: unknown) => void = () => {}
    mockedCall
      .mockImplementationOnce(() => new Promise((resolve) => (answerFirst = resolve)) as never)
      .mockResolvedValueOnce({ items: [summary('c2', 'Newer')], total: 1 })
    const store = useClippingsStore()
    const first = store.setFilters({ query: 'a' })
    await store.setFilters({ query: 'ab' })
    answerFirst({ items: [summary('c1', 'Older')], total: 1 })
    await first
    expect(store.items.map((c) => c.title)).toEqual(['Newer'])
    expect(store.loading).toBe(false)
  })

  it('deletes a clipping and puts it back on Undo', async () => {
    const removed = { clipping: { ...summary('c1', 'Talks'), body: 'Text' }, quotes: [] }
    mockedCall.mockImplementation((async (command: string) => {
      if (command === 'clippings.list') return { items: [summary('c1', 'Talks')], total: 1 }
      if (command === 'clippings.delete') return removed
      if (command === 'clippings.restore') return removed.clipping
      throw new Error(command)
    }) as never)
    const store = useClippingsStore()
    await store.load()
    expect(await store.remove('c1')).toBe(true)
    expect(store.items).toEqual([])

    const notices = useNoticesStore()
    const toast = notices.toasts.find((t) => t.undo)
    expect(toast?.message).toBe('Deleted “Talks”.')
    await notices.runUndo(toast!.id)
    expect(mockedCall).toHaveBeenCalledWith('clippings.restore', removed)
    expect(store.items.map((c) => c.id)).toEqual(['c1'])
  })

  it('reports a failed delete in words and keeps the clipping listed', async () => {
    const { ApiError } = await import('@shared/api')
    mockedCall.mockImplementation((async (command: string) => {
      if (command === 'clippings.list') return { items: [summary('c1', 'Talks')], total: 1 }
      throw new ApiError('STORAGE', 'The library folder is read-only.')
    }) as never)
    const store = useClippingsStore()
    await store.load()
    expect(await store.remove('c1')).toBe(false)
    expect(store.items).toHaveLength(1)
    expect(useNoticesStore().toasts.map((t) => [t.level, t.message])).toEqual([
      ['error', 'The library folder is read-only.']
    ])
  })
})
