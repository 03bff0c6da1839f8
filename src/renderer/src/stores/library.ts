import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { CommandOutput, LibraryChange } from '@shared/api'
import { call, onLibraryChanged } from '@renderer/api'
import { useClippingsStore } from './clippings'
import { useNoticesStore } from './notices'
import { useReaderStore } from './reader'
import { useSourcesStore } from './sources'
import { useTagsStore } from './tags'

/** Where the library lives, how big it is, and the notices from loading it. */
export type LibraryStatus = CommandOutput<'library.status'>

/** How long to gather a burst of change events before refreshing the views once. */
const SETTLE_MS = 120

/** The library as a whole: its status and notices, and keeping every view current on changes. */
export const useLibraryStore = defineStore('library', () => {
  const status = ref<LibraryStatus | null>(null)
  const dismissing = ref(false)
  /** The latest change event and a running count, for views that watch changes themselves. */
  const lastChange = ref<{ count: number; change: LibraryChange } | null>(null)
  let stop: (() => void) | null = null
  let pending = new Set<LibraryChange['kind']>()
  let timer: ReturnType<typeof setTimeout> | null = null

  async function loadStatus(): Promise<void> {
    try {
      status.value = await call('library.status', {})
    } catch (cause) {
      useNoticesStore().error(cause)
    }
  }

  async function dismissNotices(): Promise<void> {
    dismissing.value = true
    try {
      await call('library.dismissNotices', {})
      if (status.value) status.value = { ...status.value, notices: [] }
    } catch (cause) {
      useNoticesStore().error(cause)
    } finally {
      dismissing.value = false
    }
  }

  async function applyChanges(kinds: Set<LibraryChange['kind']>): Promise<void> {
    const all = kinds.has('library')
    const work: Promise<void>[] = [loadStatus()]
    if (all || kinds.has('clippings') || kinds.has('quotes') || kinds.has('sources')) {
      work.push(useClippingsStore().refresh(), useReaderStore().refresh())
    }
    if (all || kinds.has('sources') || kinds.has('quotes')) work.push(useSourcesStore().refresh())
    if (all || kinds.has('clippings') || kinds.has('quotes')) work.push(useTagsStore().refresh())
    await Promise.all(work)
  }

  function receive(change: LibraryChange): void {
    lastChange.value = { count: (lastChange.value?.count ?? 0) + 1, change }
    pending.add(change.kind)
    if (timer) return
    timer = setTimeout(() => {
      const kinds = pending
      pending = new Set()
      timer = null
      void applyChanges(kinds)
    }, SETTLE_MS)
  }

  /** Starts following library changes (once); answers nothing, stop with stopListening. */
  function startListening(): void {
    if (!stop) stop = onLibraryChanged(receive)
  }

  function stopListening(): void {
    stop?.()
    stop = null
  }

  return {
    status,
    dismissing,
    lastChange,
    loadStatus,
    dismissNotices,
    receive,
    startListening,
    stopListening
  }
})
