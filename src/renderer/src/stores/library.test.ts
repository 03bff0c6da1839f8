// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { LibraryChange } from '@shared/api'
import { call, onLibraryChanged } from '@renderer/api'
import { useClippingsStore } from './clippings'
import { useLibraryStore } from './library'

vi.mock('@renderer/api', async () => {
  const shared = await import('@shared/api')
  return { ApiError: shared.ApiError, call: vi.fn(), onLibraryChanged: vi.fn(() => () => {}) }
})

const mockedCall = vi.mocked(call)
const status = {
  dataDir: '/tmp/lib',
  clippings: 3,
  quotes: 5,
  sources: 2,
  briefings: 1,
  notices: [
    { level: 'warning', message: 'clippings/2026-11.json was damaged; a backup was loaded.' }
  ],
  mode: 'browser'
}

describe('useLibraryStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    mockedCall.mockReset()
    vi.useFakeTimers()
  })

  afterEach(() => vi.useRealTimers())

  it('loads notices and forgets them when dismissed', async () => {
    mockedCall.mockImplementation((async (command: string) =>
      command === 'library.status' ? status : { ok: true }) as never)
    const library = useLibraryStore()
    await library.loadStatus()
    expect(library.status?.notices).toHaveLength(1)
    await library.dismissNotices()
    expect(mockedCall).toHaveBeenCalledWith('library.dismissNotices', {})
    expect(library.status?.notices).toEqual([])
  })

  it('refreshes a loaded list once for a burst of change events', async () => {
    let listener: (change: LibraryChange) => void = () => {}
    vi.mocked(onLibraryChanged).mockImplementation((next) => {
      listener = next
      return () => {}
    })
    mockedCall.mockImplementation((async (command: string) =>
      command === 'library.status' ? status : { items: [], total: 0 }) as never)
    const clippings = useClippingsStore()
    await clippings.load()
    mockedCall.mockClear()

    const library = useLibraryStore()
    library.startListening()
    listener({ kind: 'clippings', ids: ['c1'] })
    listener({ kind: 'quotes', ids: ['q1'] })
    expect(mockedCall).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(200)
    const commands = mockedCall.mock.calls.map((c) => c[0])
    expect(commands.filter((c) => c === 'clippings.list')).toHaveLength(1)
    expect(commands).toContain('library.status')
    expect(library.lastChange?.count).toBe(2)
  })
})
