// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { SourceSummary } from '@shared/api'
import { call } from '@renderer/api'
import { useSourcesStore } from './sources'

vi.mock('@renderer/api', async () => {
  const shared = await import('@shared/api')
  return { ApiError: shared.ApiError, call: vi.fn(), onLibraryChanged: vi.fn(() => () => {}) }
})

const mockedCall = vi.mocked(call)

function source(id: string, name: string, extra: Partial<SourceSummary> = {}): SourceSummary {
  return {
    id,
    kind: 'person',
    name,
    aliases: [],
    role: null,
    createdAt: 'x',
    updatedAt: 'x',
    quoteCount: 1,
    ...extra
  }
}

describe('useSourcesStore edits', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    mockedCall.mockReset()
  })

  it('merges sources and reloads the list', async () => {
    const lists = [
      [source('s1', 'Boris Johnson'), source('s2', 'Johnson')],
      [source('s1', 'Boris Johnson', { aliases: ['Johnson'], quoteCount: 2 })]
    ]
    mockedCall.mockImplementation((async (command: string) => {
      if (command === 'sources.list') return lists.shift()
      if (command === 'sources.merge')
        return source('s1', 'Boris Johnson', { aliases: ['Johnson'] })
      throw new Error(command)
    }) as never)
    const store = useSourcesStore()
    await store.load()
    const merged = await store.merge('s1', ['s2'])
    expect(mockedCall).toHaveBeenCalledWith('sources.merge', { targetId: 's1', sourceIds: ['s2'] })
    expect(merged?.aliases).toEqual(['Johnson'])
    expect(store.items.map((s) => [s.name, s.quoteCount])).toEqual([['Boris Johnson', 2]])
  })

  it('answers null and reports the error when a rename fails', async () => {
    const { ApiError } = await import('@shared/api')
    mockedCall.mockRejectedValue(new ApiError('CONFLICT', 'Another source is already called that.'))
    const store = useSourcesStore()
    expect(await store.update('s1', { name: 'Liz Truss' })).toBeNull()
    expect(store.busy).toBe(false)
  })
})
