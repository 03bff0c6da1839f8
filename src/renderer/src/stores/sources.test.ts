// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { SourceSummary } from '@shared/api'
import type { Source } from '@shared/model'
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

describe('useSourcesStore.findOrCreate', () => {
  let library: SourceSummary[]

  beforeEach(() => {
    setActivePinia(createPinia())
    mockedCall.mockReset()
    library = [source('s1', 'Boris Johnson', { aliases: ['Mr Johnson'] })]
    mockedCall.mockImplementation((async (command: string, input: never) => {
      const args = input as Record<string, unknown>
      if (command === 'sources.list') return library
      if (command === 'sources.create') {
        const created = source(`s${library.length + 1}`, args.name as string, {
          role: args.role as string | null,
          aliases: args.aliases as string[],
          kind: args.kind as Source['kind']
        })
        library = [...library, created]
        return created
      }
      if (command === 'sources.update') {
        const patch = args.patch as Partial<Source>
        library = library.map((s) => (s.id === args.id ? { ...s, ...patch } : s))
        return library.find((s) => s.id === args.id)
      }
      throw new Error(command)
    }) as never)
  })

  it('reuses a source found by an alias in any case, creating nothing', async () => {
    const store = useSourcesStore()
    const found = await store.findOrCreate({ name: 'mr johnson' })
    expect(found.id).toBe('s1')
    expect(mockedCall.mock.calls.map((c) => c[0])).toEqual(['sources.list'])
  })

  it('adds missing aliases and a missing role to a source it reuses', async () => {
    const store = useSourcesStore()
    const found = await store.findOrCreate({
      name: 'Boris Johnson',
      role: 'Prime Minister',
      aliases: ['Johnson', 'MR JOHNSON']
    })
    expect(mockedCall).toHaveBeenCalledWith('sources.update', {
      id: 's1',
      patch: { aliases: ['Mr Johnson', 'Johnson'], role: 'Prime Minister' }
    })
    expect(found.aliases).toEqual(['Mr Johnson', 'Johnson'])
  })

  it('creates a new person with role and aliases once, then reuses it', async () => {
    const store = useSourcesStore()
    const created = await store.findOrCreate({
      name: 'Liz Truss',
      role: 'UK Foreign Secretary',
      aliases: ['Truss', 'Liz Truss']
    })
    expect(mockedCall).toHaveBeenCalledWith('sources.create', {
      kind: 'person',
      name: 'Liz Truss',
      role: 'UK Foreign Secretary',
      aliases: ['Truss']
    })
    const again = await store.findOrCreate({ name: 'Truss' })
    expect(again.id).toBe(created.id)
    expect(mockedCall.mock.calls.filter((c) => c[0] === 'sources.create')).toHaveLength(1)
  })
})

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
